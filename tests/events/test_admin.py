"""The events admin changes what the services own only through them: publishing and
cancelling events, cancelling registrations; capacity and seat quotas are not edited there."""

import pytest
from django.urls import reverse

from samverkan.core.models import AuditEntry
from samverkan.events import services
from samverkan.events.models import Registration
from tests import factories
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_the_admin_cancels_a_registration_through_the_service(client, mailoutbox):
    event = EventFactory(capacity=1)
    seated = services.register(event=event, user=factories.UserFactory(), sector="civil")
    waiting = services.register(event=event, user=factories.UserFactory(), sector="civil")
    administrator = factories.administrator()
    client.force_login(administrator)

    client.post(
        reverse("admin:events_registration_changelist"),
        {"action": "cancel_registrations", "_selected_action": [seated.pk]},
    )

    assert Registration.objects.get(pk=seated.pk).status == Registration.Status.CANCELLED
    assert Registration.objects.get(pk=waiting.pk).status == Registration.Status.REGISTERED
    entry = AuditEntry.objects.get(action="registration.cancelled", object_id=str(seated.pk))
    assert entry.actor == administrator
    assert [m.to for m in mailoutbox] == [[waiting.user.email]]  # told of the seat


def test_the_admin_does_not_edit_capacity_or_quotas_of_an_event(client):
    event = EventFactory()
    client.force_login(factories.administrator())

    response = client.get(reverse("admin:events_event_change", args=[event.pk]))

    assert response.status_code == 200
    assert "capacity" not in response.context["adminform"].form.fields
    quotas = next(
        i for i in response.context["inline_admin_formsets"] if "quota" in i.formset.prefix
    )
    assert not quotas.has_add_permission and not quotas.has_change_permission


def test_a_new_event_in_the_admin_still_gets_a_capacity(client):
    client.force_login(factories.administrator())

    response = client.get(reverse("admin:events_event_add"))

    assert "capacity" in response.context["adminform"].form.fields
