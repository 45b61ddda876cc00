"""Who may do what with areas, hosting and focus-area proposals: role × action → answer."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from samverkan.areas import permissions
from samverkan.areas.models import HostSide
from tests import factories
from tests.areas.factories import HostingFactory, PriorityAreaFactory, ProposalFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "visitor",
    "member",
    "proposer",
    "host",
    "host_elsewhere",
    "former_host",
    "coordinator",
    "administrator",
]
ACTIONS = [
    "propose",
    "support",
    "prepare",
    "withdraw",
    "edit_area",
    "change_phase",
    "manage_hosts",
]

MATRIX = {
    #                 propose support prepare withdraw edit   phase  hosts
    "visitor": (False, False, False, False, False, False, False),
    "member": (True, True, False, False, False, False, False),
    "proposer": (True, False, False, True, False, False, False),
    "host": (True, True, False, False, True, True, False),
    "host_elsewhere": (True, True, False, False, False, False, False),
    "former_host": (True, True, False, False, False, False, False),
    "coordinator": (True, True, True, False, True, True, True),
    "administrator": (True, True, True, False, True, True, True),
}
CASES = [
    pytest.param(role, action, MATRIX[role][i], id=f"{role}-{action}")
    for role in ROLES
    for i, action in enumerate(ACTIONS)
]


@pytest.fixture
def area(db):
    return PriorityAreaFactory()


@pytest.fixture
def proposal(area):
    return ProposalFactory(agreement=area.agreement)


def make_user(role, area, proposal):
    if role == "visitor":
        return AnonymousUser()
    if role == "proposer":
        return proposal.proposed_by
    if role == "host":
        return HostingFactory(area=area, side=HostSide.CITY).contact_person
    if role == "host_elsewhere":
        return HostingFactory(area=PriorityAreaFactory(agreement=area.agreement)).contact_person
    if role == "former_host":
        return HostingFactory(
            area=area, starts_on=datetime.date(2019, 1, 1), ends_on=datetime.date(2020, 1, 1)
        ).contact_person
    return {
        "member": factories.UserFactory,
        "coordinator": factories.coordinator,
        "administrator": factories.administrator,
    }[role]()


def check(action, user, area, proposal):
    return {
        "propose": lambda: permissions.can_propose(user),
        "support": lambda: permissions.can_support(user, proposal),
        "prepare": lambda: permissions.can_prepare(user, proposal),
        "withdraw": lambda: permissions.can_withdraw(user, proposal),
        "edit_area": lambda: permissions.can_edit_area(user, area),
        "change_phase": lambda: permissions.can_change_phase(user, area),
        "manage_hosts": lambda: permissions.can_manage_hosts(user, area),
    }[action]()


@pytest.mark.parametrize(("role", "action", "expected"), CASES)
def test_permission_matrix(role, action, expected, area, proposal):
    user = make_user(role, area, proposal)

    allowed, reason = check(action, user, area, proposal)

    assert allowed is expected
    assert bool(reason) is not expected  # a refusal always says why


def test_withdrawing_support_needs_a_login(proposal):
    allowed, reason = permissions.can_withdraw_support(AnonymousUser(), proposal)

    assert not allowed
    assert reason
    assert permissions.can_withdraw_support(factories.UserFactory(), proposal) == (True, "")


def test_hosts_may_edit_texts_but_not_the_coordinators_fields(area):
    person = HostingFactory(area=area).contact_person

    assert permissions.can_edit_area(person, area)[0]
    assert not permissions.can_edit_area_settings(person, area)[0]
