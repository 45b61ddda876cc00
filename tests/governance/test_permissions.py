"""Who may do what with meetings and minutes: role × action → answer, in the permission checks
and in the pages."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from samverkan.governance import permissions
from tests import factories
from tests.governance import factories as gov

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "member", "body_member", "coordinator", "administrator"]
ACTIONS = ["schedule", "add_agenda_item", "record_decision", "adjust", "see_unpublished"]

# A body's members see its unpublished meetings (the agenda before, the draft minutes after):
# they are the ones who adjust them. Nobody but the coordinators writes.
MATRIX = {
    #                schedule agenda decide adjust see_unpublished
    "visitor": (False, False, False, False, False),
    "member": (False, False, False, False, False),
    "body_member": (False, False, False, False, True),
    "coordinator": (True, True, True, True, True),
    "administrator": (True, True, True, True, True),
}
CASES = [
    pytest.param(role, action, MATRIX[role][i], id=f"{role}-{action}")
    for role in ROLES
    for i, action in enumerate(ACTIONS)
]


def make_user(role, body):
    if role == "visitor":
        return AnonymousUser()
    if role == "body_member":
        return gov.voting(body)[0].user
    return {
        "member": factories.UserFactory,
        "coordinator": factories.coordinator,
        "administrator": factories.administrator,
    }[role]()


CHECKS = {
    "schedule": lambda user, meeting: permissions.can_schedule_meeting(user, meeting.body),
    "add_agenda_item": permissions.can_keep_minutes,
    "record_decision": permissions.can_record_decision,
    "adjust": permissions.can_adjust,
    "see_unpublished": permissions.can_view_meeting,
}


@pytest.mark.parametrize(("role", "action", "expected"), CASES)
def test_permission_matrix(role, action, expected):
    body = gov.body()
    meeting = gov.meeting(body, present=8)
    user = make_user(role, body)

    allowed, reason = CHECKS[action](user, meeting)

    assert allowed is expected
    assert bool(reason) is not expected


def _url(action, meeting, paragraph):
    kwargs = {
        "agreement": meeting.body.agreement.slug,
        "body": meeting.body.slug,
        "pk": meeting.pk,
    }
    if action == "schedule":
        return reverse(
            "governance:meeting_new",
            kwargs={"agreement": kwargs["agreement"], "body": kwargs["body"]},
        )
    if action == "record_decision":
        return reverse("governance:decision", kwargs={**kwargs, "paragraph": paragraph.pk})
    name = {
        "add_agenda_item": "governance:agenda_item_new",
        "adjust": "governance:adjust",
        "see_unpublished": "governance:meeting",
    }[action]
    return reverse(name, kwargs=kwargs)


def _expected_status(role, action, allowed):
    if allowed:
        return 200
    if action == "see_unpublished":
        return 404  # an unpublished meeting is answered as absent
    return 302 if role == "visitor" else 403  # the forms ask a visitor to log in


@pytest.mark.parametrize(("role", "action", "expected"), CASES)
def test_pages_follow_the_matrix(client, role, action, expected):
    body = gov.body()
    meeting = gov.meeting(body, present=8)
    paragraph = gov.paragraph(meeting, decided=False)
    user = make_user(role, body)
    if role != "visitor":
        client.force_login(user)

    response = client.get(_url(action, meeting, paragraph))

    assert response.status_code == _expected_status(role, action, expected)


def test_a_member_of_another_body_does_not_see_unpublished_meetings(client):
    body = gov.body()
    other = gov.body(agreement=body.agreement, slug="arbetsgruppen")
    meeting = gov.meeting(body, present=8)
    client.force_login(gov.voting(other)[0].user)

    assert client.get(meeting.get_absolute_url()).status_code == 404


def test_a_former_member_does_not_see_unpublished_meetings(client):
    import datetime

    from samverkan.governance import services

    body = gov.body()
    meeting = gov.meeting(body, present=8)
    membership = gov.voting(body)[0]
    services.end_membership(
        membership=membership, ends_on=datetime.date(2022, 12, 31), by=factories.coordinator()
    )
    client.force_login(membership.user)

    assert client.get(meeting.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_published_minutes(client, role):
    body = gov.body()
    meeting = gov.published_meeting(body)
    if role != "visitor":
        client.force_login(make_user(role, body))

    assert client.get(meeting.get_absolute_url()).status_code == 200
