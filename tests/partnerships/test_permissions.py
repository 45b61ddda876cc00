"""Who may do what with collaborations and IOP agreements: role × action → answer, through
the permission checks and through the pages."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from samverkan.partnerships import permissions
from tests import factories
from tests.partnerships.factories import IopAgreementFactory, iop_collaboration

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "member",
    "ombud_of_party",
    "ombud_of_other",
    "tjansteperson_of_party",
    "tjansteperson_of_other",
    "coordinator",
]
ACTIONS = ["create", "edit", "manage_parties", "end", "manage_iop", "confirm_conditions"]
MATRIX = {
    #                        create edit   parties end    iop    confirm
    "anonymous": (False, False, False, False, False, False),
    "member": (False, False, False, False, False, False),
    "ombud_of_party": (True, True, True, True, True, False),
    "ombud_of_other": (True, False, False, False, False, False),
    "tjansteperson_of_party": (True, True, True, True, True, True),
    "tjansteperson_of_other": (True, False, False, False, False, False),
    "coordinator": (True, True, True, True, True, True),
}
CASES = [
    pytest.param(role, action, MATRIX[role][i], id=f"{role}-{action}")
    for role in ROLES
    for i, action in enumerate(ACTIONS)
]


@pytest.fixture
def setting():
    civil, city = factories.OrganisationFactory(), factories.administration()
    collaboration = iop_collaboration(parties=[(civil, "lead"), (city, "partner")])
    IopAgreementFactory(collaboration=collaboration)
    return {"collaboration": collaboration, "civil": civil, "city": city}


def make_user(role, setting):
    return {
        "anonymous": lambda: AnonymousUser(),
        "member": lambda: factories.UserFactory(),
        "ombud_of_party": lambda: factories.representative(setting["civil"]),
        "ombud_of_other": lambda: factories.representative(factories.OrganisationFactory()),
        "tjansteperson_of_party": lambda: factories.representative(setting["city"]),
        "tjansteperson_of_other": lambda: factories.representative(factories.administration()),
        "coordinator": lambda: factories.coordinator(),
    }[role]()


def check(action, user, collaboration):
    if action == "create":
        return permissions.can_create_collaboration(user)
    return {
        "edit": permissions.can_edit_collaboration,
        "manage_parties": permissions.can_manage_parties,
        "end": permissions.can_end_collaboration,
        "manage_iop": permissions.can_manage_iop,
        "confirm_conditions": permissions.can_confirm_conditions,
    }[action](user, collaboration)


@pytest.mark.parametrize("role, action, expected", CASES)
def test_permission_matrix(role, action, expected, setting):
    user = make_user(role, setting)
    allowed, reason = check(action, user, setting["collaboration"])
    assert allowed is expected
    assert bool(reason) is not expected  # a refusal says why


PAGES = {
    "create": "partnerships:new",
    "edit": "partnerships:edit",
    "manage_parties": "partnerships:parties",
    "end": "partnerships:end",
    "manage_iop": "partnerships:iop_edit",
    "confirm_conditions": "partnerships:iop_sign",
}


@pytest.mark.parametrize("role, action, expected", CASES)
def test_pages_follow_the_matrix(client, role, action, expected, setting):
    user = make_user(role, setting)
    if user.is_authenticated:
        client.force_login(user)
    collaboration = setting["collaboration"]
    kwargs = {"agreement": collaboration.agreement.slug}
    if action != "create":
        kwargs["slug"] = collaboration.slug
    response = client.get(reverse(PAGES[action], kwargs=kwargs))
    if role == "anonymous":
        assert response.status_code == 302
        assert "/login/" in response["Location"] or "logga-in" in response["Location"]
    else:
        assert response.status_code == (200 if expected else 403)


def test_an_ended_collaboration_cannot_be_ended_again(setting, coordinator):
    collaboration = setting["collaboration"]
    collaboration.status = "ended"
    collaboration.ends_on = collaboration.starts_on
    allowed, reason = permissions.can_end_collaboration(coordinator, collaboration)
    assert not allowed
    assert reason


def test_an_ended_representation_gives_no_rights(setting):
    user = factories.representative(setting["civil"])
    user.representations.update(status="ended")
    assert not permissions.can_edit_collaboration(user, setting["collaboration"])[0]


CREATE_WITH_PARTIES = {
    "anonymous": False,
    "member": False,
    "ombud_of_party": True,
    "ombud_of_other": False,
    "tjansteperson_of_party": True,
    "tjansteperson_of_other": False,
    "coordinator": True,
}


@pytest.mark.parametrize("role, expected", CREATE_WITH_PARTIES.items())
def test_a_collaboration_is_recorded_with_one_of_ones_own_organisations(role, expected, setting):
    """The rule the service used to write inline (not_a_party) is a permission now."""
    user = make_user(role, setting)
    parties = [setting["civil"], setting["city"].pk]  # organisations or their ids
    allowed, reason = permissions.can_create_collaboration(user, parties)
    assert allowed is expected
    assert bool(reason) is not expected
