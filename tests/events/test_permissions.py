"""Who may see registrations, mark attendance and edit: role × action, on the pages too."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from samverkan.core.exceptions import PermissionDeniedError
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
