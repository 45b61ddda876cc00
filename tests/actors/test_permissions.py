"""Who may do what with an organisation and its representatives: role × action → answer."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from samverkan.actors import permissions
from samverkan.actors.models import Representation
from tests import factories

pytestmark = pytest.mark.django_db

ROLES = [
    "visitor",
    "member",
    "representative",
    "representative_elsewhere",
    "city_employee",
    "case_officer",
    "moderator",
    "coordinator",
    "administrator",
]
ACTIONS = [
    "edit_organisation",
    "request_representation",
    "decide_pending_request",
    "end_someone_elses_representation",
    "view_representatives",
    "register_for_others",
]

# Asking to represent is open to every logged-in person (an existing representative's second
# request is refused by the service as a conflict, not by permission).
MATRIX = {
    #                          edit   request decide end    view   register for others
    "visitor": (False, False, False, False, False, False),
    "member": (False, True, False, False, False, False),
    "representative": (True, True, True, True, True, False),
    "representative_elsewhere": (False, True, False, False, False, False),
    "city_employee": (False, True, False, False, False, False),
    "case_officer": (False, True, False, False, False, False),
    "moderator": (False, True, False, False, False, False),
    "coordinator": (True, True, True, True, True, True),
    "administrator": (True, True, True, True, True, True),
}
CASES = [
    pytest.param(role, action, MATRIX[role][i], id=f"{role}-{action}")
    for role in ROLES
    for i, action in enumerate(ACTIONS)
]


def make_user(role, organisation):
    if role == "visitor":
        return AnonymousUser()
    if role == "representative":
        return factories.representative(organisation)
    if role == "representative_elsewhere":
        return factories.representative(factories.OrganisationFactory())
    if role == "city_employee":
        return factories.representative(factories.administration())
    return {
        "member": factories.UserFactory,
        "case_officer": factories.case_officer,
        "moderator": factories.moderator,
        "coordinator": factories.coordinator,
        "administrator": factories.administrator,
    }[role]()


def check(action, user, organisation):
    if action == "edit_organisation":
        return permissions.can_edit_organisation(user, organisation)
    if action == "request_representation":
        return permissions.can_request_representation(user, organisation)
    if action == "view_representatives":
        return permissions.can_view_representatives(user, organisation)
    if action == "register_for_others":
        return permissions.can_register_for_others(user)
    if action == "decide_pending_request":
        request = factories.RepresentationFactory(
            organisation=organisation, status=Representation.Status.PENDING
        )
        return permissions.can_decide_representation(user, request)
    if action == "end_someone_elses_representation":
        other = Representation.objects.get(user=factories.representative(organisation))
        return permissions.can_end_representation(user, other)
    raise AssertionError(action)


@pytest.mark.parametrize(("role", "action", "expected"), CASES)
def test_permission_matrix(role, action, expected):
    organisation = factories.OrganisationFactory()
    user = make_user(role, organisation)

    allowed, reason = check(action, user, organisation)

    assert allowed is expected
    # A refusal says why; an allowance needs no reason.
    assert bool(reason) is not expected


def test_pending_representative_may_not_edit(organisation, member):
    factories.RepresentationFactory(
        user=member, organisation=organisation, status=Representation.Status.PENDING
    )

    assert permissions.can_edit_organisation(member, organisation)[0] is False


def test_inactive_representative_may_not_edit(organisation):
    person = factories.representative(organisation)
    person.is_active = False
    person.save()

    assert permissions.can_edit_organisation(person, organisation)[0] is False


def test_representative_may_not_decide_their_own_pending_request_to_another_organisation():
    other = factories.OrganisationFactory()
    person = factories.representative(factories.OrganisationFactory())
    request = factories.RepresentationFactory(
        user=person, organisation=other, status=Representation.Status.PENDING
    )

    assert permissions.can_decide_representation(person, request)[0] is False


def test_person_may_end_their_own_representation(organisation):
    person = factories.representative(organisation)

    allowed, _reason = permissions.can_end_representation(
        person, Representation.objects.get(user=person)
    )

    assert allowed is True


# Views apply the same rules.


def test_edit_page_is_forbidden_to_a_non_representative(client, organisation, member):
    client.force_login(member)

    response = client.get(reverse("actors:organisation_edit", args=[organisation.slug]))

    assert response.status_code == 403


def test_edit_page_sends_a_visitor_to_log_in(client, organisation):
    url = reverse("actors:organisation_edit", args=[organisation.slug])

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "next=" in response.url


@pytest.mark.parametrize("role", ["representative", "coordinator", "administrator"])
def test_edit_page_opens_for_those_who_may_edit(client, organisation, role):
    client.force_login(make_user(role, organisation))

    response = client.get(reverse("actors:organisation_edit", args=[organisation.slug]))

    assert response.status_code == 200


def test_deciding_another_organisations_request_answers_not_found(client, organisation):
    request = factories.RepresentationFactory(
        organisation=organisation, status=Representation.Status.PENDING
    )
    client.force_login(factories.representative(factories.OrganisationFactory()))

    for decision in ("confirm", "reject", "end"):
        response = client.post(reverse("actors:representation_decide", args=[request.pk, decision]))
        assert response.status_code == 404

    request.refresh_from_db()
    assert request.status == Representation.Status.PENDING


def test_deciding_a_request_by_get_is_not_allowed(client, organisation):
    request = factories.RepresentationFactory(
        organisation=organisation, status=Representation.Status.PENDING
    )
    client.force_login(factories.representative(organisation))

    response = client.get(reverse("actors:representation_decide", args=[request.pk, "confirm"]))

    assert response.status_code == 405
    request.refresh_from_db()
    assert request.status == Representation.Status.PENDING
