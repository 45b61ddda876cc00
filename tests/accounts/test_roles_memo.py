"""A page asks for its person's roles and organisations once (accounts.roles.remembered), and
never keeps an answer past a change or past the user object of its request."""

import pytest
from django.contrib.auth.models import Group

from samverkan.accounts.roles import COORDINATOR, is_coordinator
from samverkan.accounts.services import change_roles
from samverkan.actors.models import Representation
from samverkan.actors.permissions import represented_organisation_ids, represents
from samverkan.actors.services import confirm_representation, end_representation
from samverkan.core.permissions import SYSTEM
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_page_asks_whether_someone_is_a_coordinator_once(django_assert_num_queries):
    person = factories.coordinator()
    with django_assert_num_queries(1):
        assert all(is_coordinator(person) for _ in range(5))


def test_a_group_given_during_the_request_counts_at_once():
    person = factories.UserFactory()
    assert not is_coordinator(person)
    person.groups.add(Group.objects.get_or_create(name=COORDINATOR)[0])
    assert is_coordinator(person)


def test_a_group_taken_by_the_service_counts_at_once():
    person = factories.coordinator()
    admin = factories.administrator()
    assert is_coordinator(person)
    change_roles(user=person, by=admin, groups=[])
    assert not is_coordinator(person)


def test_another_user_object_asks_again(django_assert_num_queries):
    person = factories.coordinator()
    assert is_coordinator(person)
    again = type(person).objects.get(pk=person.pk)
    with django_assert_num_queries(1):
        assert is_coordinator(again)


def test_the_organisations_of_a_person_are_asked_once(django_assert_num_queries):
    club, other = factories.OrganisationFactory(), factories.OrganisationFactory()
    person = factories.representative(club)
    with django_assert_num_queries(1):
        assert represents(person, club)
        assert not represents(person, other)
        assert represented_organisation_ids(person) == {club.pk}


def test_a_representation_confirmed_during_the_request_counts_at_once():
    club = factories.OrganisationFactory()
    person = factories.UserFactory()
    request = factories.RepresentationFactory(
        user=person, organisation=club, status=Representation.Status.PENDING
    )
    assert not represents(person, club)
    confirm_representation(representation=request, by=SYSTEM, notify=False)
    assert represents(person, club)


def test_a_representation_ended_during_the_request_counts_at_once():
    club = factories.OrganisationFactory()
    person = factories.representative(club)
    assert represents(person, club)
    end_representation(representation=Representation.objects.get(user=person), by=SYSTEM)
    assert not represents(person, club)
