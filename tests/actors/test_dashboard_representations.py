"""My pages reads the person's representations once (actors.dashboard.person_representations)
and the permission checks answer from it: the confirmed ones only, and asked again after a
write."""

import pytest

from samverkan.actors import permissions
from samverkan.actors.dashboard import person_representations
from samverkan.core.registry import Viewer
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_permission_checks_answer_from_my_pages_representations(
    member, django_assert_num_queries
):
    confirmed = factories.RepresentationFactory(user=member).organisation
    factories.RepresentationFactory(user=member, status="pending")
    viewer = Viewer(user=member, is_coordinator=False, agreement=None)

    with django_assert_num_queries(1):
        assert len(person_representations(viewer)) == 2
        assert permissions.represented_organisations(member) == {confirmed.pk: confirmed.sector}


def test_a_representation_confirmed_later_is_seen_by_the_permission_checks(member):
    pending = factories.RepresentationFactory(user=member, status="pending")
    person_representations(Viewer(user=member, is_coordinator=False, agreement=None))
    pending.status = "confirmed"
    pending.save()
    assert permissions.represents(member, pending.organisation)
