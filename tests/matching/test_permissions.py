"""Who may do what: role × action, as a table."""

import pytest

from samverkan.matching import permissions
from tests import factories
from tests.matching.factories import NEED, OFFER, administration, association, posting

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(agreement):
    city = administration()
    club = association()
    company = factories.OrganisationFactory(sector="business", legal_form="company")
    need = posting(agreement, city, NEED, "Simskola", "Simskola för barn.")
    offer = posting(agreement, club, OFFER, "Simundervisning", "Simskola.")
    users = {
        "visitor": None,
        "member": factories.UserFactory(),
        "city_rep": factories.representative(city),
        "club_rep": factories.representative(club),
        "company_rep": factories.representative(company),
        "coordinator": factories.coordinator(),
    }
    return {"city": city, "club": club, "company": company, "need": need, "offer": offer} | users


def user_of(world, role):
    from django.contrib.auth.models import AnonymousUser

    return world[role] or AnonymousUser()


@pytest.mark.parametrize(
    ("role", "organisation", "allowed"),
    [
        ("visitor", "club", False),
        ("member", "club", False),
        ("club_rep", "club", True),
        ("club_rep", "city", False),
        ("city_rep", "city", True),
        ("company_rep", "company", False),
        ("coordinator", "club", True),
        ("coordinator", "company", False),
    ],
)
def test_who_may_post_for_whom(world, role, organisation, allowed):
    assert permissions.can_post(user_of(world, role), world[organisation])[0] is allowed


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("visitor", False),
        ("member", False),
        ("company_rep", False),
        ("club_rep", True),
        ("city_rep", True),
        ("coordinator", True),
    ],
)
def test_who_may_open_the_posting_form(world, role, allowed):
    assert permissions.can_post(user_of(world, role))[0] is allowed


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("visitor", False),
        ("member", False),
        ("club_rep", False),
        ("city_rep", True),
        ("coordinator", True),
    ],
)
def test_who_may_edit_and_withdraw_the_city_need(world, role, allowed):
    user = user_of(world, role)
    assert permissions.can_edit(user, world["need"])[0] is allowed
    assert permissions.can_withdraw(user, world["need"])[0] is allowed


@pytest.mark.parametrize(
    ("role", "sides"),
    [
        ("visitor", set()),
        ("member", set()),
        ("company_rep", set()),
        ("city_rep", {"need"}),
        ("club_rep", {"offer"}),
        ("coordinator", {"need", "offer"}),
    ],
)
def test_who_answers_for_which_side_of_a_match(world, role, sides):
    user = user_of(world, role)
    assert permissions.sides_of(user, world["need"], world["offer"]) == sides
    assert permissions.can_respond(user, world["need"], world["offer"])[0] is bool(sides)


@pytest.mark.parametrize(
    ("role", "allowed"), [("member", False), ("club_rep", False), ("coordinator", True)]
)
def test_only_coordinators_see_the_unmatched_list(world, role, allowed):
    assert permissions.can_see_unmatched(user_of(world, role))[0] is allowed


def test_every_refusal_gives_a_reason(world):
    allowed, reason = permissions.can_edit(world["member"], world["need"])
    assert not allowed and reason
