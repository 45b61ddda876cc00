"""Who may see registrations, mark attendance and edit: role × action, on the pages too."""

import datetime
import inspect

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from samverkan.core.exceptions import ApplicationError, PermissionDeniedError
from samverkan.core.models import AuditEntry
from samverkan.core.permissions import SYSTEM
from samverkan.events import permissions, services
from tests import factories
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory()


def people(event) -> dict:
    organiser = event.organisers.first()
    other = factories.OrganisationFactory()
    return {
        "visitor": AnonymousUser(),
        "member": factories.UserFactory(),
        "representative of another organisation": factories.representative(other),
        "organiser": factories.representative(organiser),
        "coordinator": factories.coordinator(),
        "administrator": factories.administrator(),
    }


ALLOWED = {"organiser", "coordinator", "administrator"}
ROLES = [
    "visitor",
    "member",
    "representative of another organisation",
    "organiser",
    "coordinator",
    "administrator",
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "check",
    [permissions.can_view_registrations, permissions.can_manage_event],
)
def test_registrations_attendance_and_editing_belong_to_organisers_and_coordinators(
    event, role, check
):
    allowed, reason = check(people(event)[role], event)

    assert allowed == (role in ALLOWED)
    assert allowed or reason


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("visitor", False),
        ("member", False),
        ("representative of another organisation", True),
        ("organiser", True),
        ("coordinator", True),
    ],
)
def test_who_may_create_events(event, role, expected):
    assert permissions.can_create_event(people(event)[role])[0] == expected


@pytest.mark.parametrize("role", ROLES[1:])
def test_participants_page_answers_by_role(client, event, role):
    client.force_login(people(event)[role])

    response = client.get(
        reverse(
            "events:participants", kwargs={"agreement": event.agreement.slug, "slug": event.slug}
        )
    )

    assert response.status_code == (200 if role in ALLOWED else 403)


@pytest.mark.parametrize("role", ["member", "representative of another organisation"])
def test_others_cannot_mark_attendance_or_edit(event, role):
    person = people(event)[role]

    with pytest.raises(PermissionDeniedError):
        services.mark_attendance(event=event, attended=[], by=person)
    with pytest.raises(PermissionDeniedError):
        services.update_event(event=event, by=person, title="Kapad")


def test_a_person_cannot_cancel_someone_elses_registration(event):
    registration = services.register(event=event, user=factories.UserFactory(), sector="civil")

    with pytest.raises(PermissionDeniedError):
        services.cancel_registration(registration=registration, by=factories.UserFactory())


def test_the_public_page_shows_counts_not_names(client, event):
    person = factories.UserFactory(first_name="Hemliga", last_name="Deltagaren")
    services.register(event=event, user=person, sector="civil")

    public = client.get(event.get_absolute_url()).content.decode()
    client.force_login(factories.representative(event.organisers.first()))
    listing = client.get(
        reverse(
            "events:participants", kwargs={"agreement": event.agreement.slug, "slug": event.slug}
        )
    ).content.decode()

    assert "Deltagaren" not in public and person.email not in public
    assert "Deltagaren" in listing and person.email in listing


def test_a_draft_is_hidden_from_the_public(client):
    draft = EventFactory(is_published=False)

    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(factories.coordinator())
    assert client.get(draft.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("representative of another organisation", False),
        ("organiser", True),
        ("coordinator", True),
    ],
)
def test_who_may_name_an_events_organisers(event, role, expected):
    organisers = list(event.organisers.all())

    assert permissions.can_name_organisers(people(event)[role], organisers)[0] == expected


def test_an_organiser_naming_only_others_is_told_at_the_organisers_field(event):
    organiser = people(event)["organiser"]

    with pytest.raises(ApplicationError) as refused:
        services.update_event(
            event=event, by=organiser, organisers=[factories.OrganisationFactory()]
        )

    assert refused.value.field == "organisers"
    assert not isinstance(refused.value, PermissionDeniedError)  # shown in the form, not a 403


@pytest.mark.parametrize(
    "write",
    [
        lambda event: services.update_event(event=event, by=None, title="Utan avsändare"),
        lambda event: services.set_published(event=event, published=False, by=None),
        lambda event: services.cancel_event(event=event, by=None),
        lambda event: services.promote_from_waitlist(event=event, by=None),
        lambda event: services.add_quota(event=event, by=None, name="Kvot", seats=1),
    ],
    ids=["update", "publish", "cancel", "promote", "quota"],
)
def test_a_missing_actor_is_an_error_not_a_skipped_check(event, write):
    with pytest.raises(TypeError):
        write(event)
    event.refresh_from_db()
    assert event.is_published and not event.is_cancelled and not event.quotas.exists()


def test_promoting_from_the_waiting_list_says_who_acts():
    parameter = inspect.signature(services.promote_from_waitlist).parameters["by"]

    assert parameter.default is inspect.Parameter.empty


def test_the_platform_acts_as_system_and_is_recorded_as_nobody(event):
    services.set_published(event=event, published=False, by=SYSTEM)
    created = services.create_event(
        agreement=event.agreement,
        by=SYSTEM,
        title="Importerad",
        kind=event.kind,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        organisers=[factories.OrganisationFactory()],
        place_kind=event.place_kind,
        address="Nobelvägen 21",
    )

    assert created.created_by is None
    assert AuditEntry.objects.get(action="event.unpublished").actor is None


def test_attendance_with_a_malformed_id_is_refused_with_a_message(event):
    after = event.starts_at + datetime.timedelta(hours=2)

    with pytest.raises(ApplicationError) as refused:
        services.mark_attendance(event=event, attended=["x"], by=SYSTEM, now=after)

    assert refused.value.code == "invalid"
