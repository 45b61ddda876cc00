"""The bulk writer under the scale generator: inserts that keep what the generator set, keys
handed out before the insert, and deletes that follow each foreign key's on_delete."""

import datetime

import pytest
from django.db.models.deletion import ProtectedError
from django.utils import timezone

from samverkan.actors.models import Organisation, Representation
from samverkan.demo import bulk
from samverkan.partnerships.models import Collaboration, CollaborationParty
from tests import factories

pytestmark = pytest.mark.django_db


def test_inserted_rows_keep_their_times_and_get_the_automatic_ones(member):
    organisation = factories.OrganisationFactory()
    long_ago = timezone.now() - datetime.timedelta(days=400)
    kept = Representation(user=member, organisation=organisation, requested_at=long_ago)
    filled = Representation(user=factories.UserFactory(), organisation=organisation)
    before = timezone.now()

    bulk.insert([kept, filled], with_pk=False)

    times = dict(
        Representation.objects.filter(organisation=organisation).values_list(
            "user_id", "requested_at"
        )
    )
    assert times[member.pk] == long_ago
    assert times[filled.user_id] >= before


def test_new_rows_get_keys_that_other_rows_can_point_at():
    parent = Organisation(name="Kommittén", slug="kommitten", sector="municipal")
    bulk.insert_new([parent])
    child = Organisation(
        name="Förvaltningen", slug="forvaltningen", sector="municipal", part_of_id=parent.pk
    )
    bulk.insert_new([child])

    assert Organisation.objects.get(slug="forvaltningen").part_of.name == "Kommittén"


def test_delete_cascades_and_empties_what_points_at_the_rows(member):
    committee = factories.OrganisationFactory(sector="municipal", legal_form="committee")
    administration = factories.OrganisationFactory(
        sector="municipal", legal_form="administration", part_of=committee
    )
    factories.RepresentationFactory(user=member, organisation=committee)

    deleted = bulk.delete(Organisation.objects.filter(pk=committee.pk))

    assert deleted == 2  # the committee and its representation
    assert not Representation.objects.filter(user=member).exists()
    administration.refresh_from_db()
    assert administration.part_of is None


def test_delete_refuses_rows_that_something_protects():
    organisation = factories.OrganisationFactory()
    collaboration = Collaboration.objects.create(
        agreement=factories.AgreementFactory(), title="Läxhjälp", slug="laxhjalp", mapping_year=2025
    )
    CollaborationParty.objects.create(collaboration=collaboration, organisation=organisation)

    with pytest.raises(ProtectedError):
        bulk.delete(Organisation.objects.filter(pk=organisation.pk))
    assert Organisation.objects.filter(pk=organisation.pk).exists()
