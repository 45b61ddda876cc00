"""An area added or edited in the admin goes through the services: the first phase change, the
date rules and the audit row, as on the area pages."""

import datetime

import pytest
from django.contrib import messages
from django.urls import reverse
from django.utils import timezone

from samverkan.areas.models import Phase, PhaseChange, PriorityArea
from samverkan.core.models import AuditEntry
from tests import factories
from tests.areas.factories import PriorityAreaFactory

pytestmark = pytest.mark.django_db

INLINE = {"hostings-TOTAL_FORMS": 0, "hostings-INITIAL_FORMS": 0}


def _form(area, **changes):
    data = {
        "title": area.title,
        "summary": area.summary,
        "description": area.description,
        "started_on": area.started_on or "",
        "ended_on": area.ended_on or "",
        "position": area.position,
        **INLINE,
    }
    return {**data, **changes}


def test_an_area_added_in_the_admin_starts_its_phase_history_and_is_audited(client):
    agreement = factories.AgreementFactory(is_primary=False)
    client.force_login(factories.administrator())

    response = client.post(
        reverse("admin:areas_priorityarea_add"),
        {
            "agreement": agreement.pk,
            "title": "Trygghet i Rosengård",
            "started_on": "2024-03-01",
            "position": 0,
            **INLINE,
        },
    )

    assert response.status_code == 302
    area = PriorityArea.objects.get(agreement=agreement)
    assert area.slug and area.phase == Phase.FINDING_HOSTS
    first = PhaseChange.objects.get(area=area)
    assert first.changed_on == datetime.date(2024, 3, 1)
    assert AuditEntry.objects.filter(action="area.created", object_id=str(area.pk)).exists()


def test_an_area_edited_in_the_admin_is_changed_by_the_service(client):
    area = PriorityAreaFactory()
    client.force_login(factories.administrator())

    response = client.post(
        reverse("admin:areas_priorityarea_change", args=[area.pk]),
        _form(area, title="Trygghet och hälsa"),
    )

    assert response.status_code == 302
    area.refresh_from_db()
    assert area.title == "Trygghet och hälsa"
    entry = AuditEntry.objects.get(action="area.updated", object_id=str(area.pk))
    assert set(entry.data) == {"title"}


def test_an_area_edit_the_service_refuses_is_shown_and_nothing_is_saved(client):
    area = PriorityAreaFactory()
    client.force_login(factories.administrator())
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = client.post(
        reverse("admin:areas_priorityarea_change", args=[area.pk]),
        _form(area, title="Nytt namn", ended_on=tomorrow),
        follow=True,
    )

    area.refresh_from_db()
    assert area.title != "Nytt namn" and area.ended_on is None
    assert not AuditEntry.objects.filter(action="area.updated").exists()
    assert [m for m in response.context["messages"] if m.level == messages.ERROR]
