"""The events admin changes what the services own only through them: creating and editing,
publishing and cancelling events, cancelling registrations; capacity, sessions, seat quotas and
documentation are not edited there."""

import datetime

import pytest
from django import forms
from django.contrib import messages
from django.urls import reverse
from django.utils import timezone

from samverkan.core.models import AuditEntry
from samverkan.events import services
from samverkan.events.models import Event, Registration
from tests import factories
from tests.areas.factories import PriorityAreaFactory
from tests.events.factories import EventFactory, SessionFactory, soon

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


def _form_data(response, **changes):
    """What the admin's form would post back unchanged, with `changes`."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = changes.pop(name) if name in changes else form[name].value()
        if isinstance(field, forms.SplitDateTimeField):
            local = timezone.localtime(value) if value else None
            data[f"{name}_0"] = local.date().isoformat() if local else ""
            data[f"{name}_1"] = local.strftime("%H:%M:%S") if local else ""
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = [str(v) for v in value] if isinstance(value, list) else value
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
    assert not changes, changes
    return data


@pytest.mark.parametrize("prefix", ["sessions", "documents"])
def test_the_admin_shows_sessions_and_documentation_without_changing_them(client, prefix):
    event = SessionFactory().event
    client.force_login(factories.administrator())

    response = client.get(reverse("admin:events_event_change", args=[event.pk]))

    inline = next(
        i for i in response.context["inline_admin_formsets"] if i.formset.prefix == prefix
    )
    assert not inline.has_add_permission
    assert not inline.has_change_permission
    assert not inline.has_delete_permission


def test_an_event_edited_in_the_admin_is_changed_by_the_service(client):
    event = EventFactory()
    client.force_login(factories.administrator())
    url = reverse("admin:events_event_change", args=[event.pk])

    response = client.post(url, _form_data(client.get(url), title="Lärandelunch om IOP"))

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Lärandelunch om IOP"
    entry = AuditEntry.objects.get(action="event.updated", object_id=str(event.pk))
    assert entry.data == {"fields": ["title"]}


def test_an_event_edit_the_service_refuses_is_shown_and_nothing_is_saved(client):
    event = EventFactory()
    elsewhere = PriorityAreaFactory()  # of another agreement
    client.force_login(factories.administrator())
    url = reverse("admin:events_event_change", args=[event.pk])

    data = _form_data(client.get(url), title="Ny titel", areas=[elsewhere.pk])
    response = client.post(url, data, follow=True)

    event.refresh_from_db()
    assert event.title != "Ny titel" and not event.areas.exists()
    assert not AuditEntry.objects.filter(action="event.updated").exists()
    assert [m for m in response.context["messages"] if m.level == messages.ERROR]


def test_an_event_added_in_the_admin_is_created_by_the_service(client):
    agreement = factories.AgreementFactory(is_primary=False)
    organiser = factories.OrganisationFactory()
    client.force_login(factories.administrator())
    url = reverse("admin:events_event_add")
    starts_at = soon()

    data = _form_data(
        client.get(url),
        agreement=agreement.pk,
        kind="learning_lunch",
        title="Lärandelunch om IOP",
        slug="lararandelunch-om-iop",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=1),
        place_kind="address",
        address="Nobelvägen 21, Malmö",
        organisers=[organiser.pk],
        capacity=20,
    )
    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(agreement=agreement)
    assert list(event.organisers.all()) == [organiser]
    assert event.created_by is not None
    assert AuditEntry.objects.filter(action="event.created", object_id=str(event.pk)).exists()


def test_registrations_are_not_added_or_edited_in_the_admin(client):
    event = EventFactory(capacity=1)
    seated = services.register(event=event, user=factories.UserFactory(), sector="civil")
    client.force_login(factories.administrator())

    assert client.get(reverse("admin:events_registration_add")).status_code == 403
    response = client.get(reverse("admin:events_registration_change", args=[seated.pk]))
    assert not response.context["adminform"].form.fields
