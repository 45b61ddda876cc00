"""A page's query count does not grow with the data: measured at two sizes."""

import datetime

import pytest
from django.urls import reverse

from tests import factories
from tests.areas.factories import PriorityAreaFactory
from tests.partnerships.factories import CollaborationFactory, IopAgreementFactory, confirm_all

pytestmark = pytest.mark.django_db

SIZES = [2, 12]


def fill(size: int):
    """`size` collaborations, each with `size`+1 parties, two areas and two districts, and an IOP
    agreement with `size` follow-ups."""
    agreement = factories.AgreementFactory(slug="malmoandan")
    areas = [PriorityAreaFactory(agreement=agreement) for _ in range(2)]
    districts = [factories.DistrictFactory() for _ in range(2)]
    city = factories.administration()
    collaborations = []
    for n in range(size):
        parties = [(factories.OrganisationFactory(), "partner") for _ in range(size)]
        collaboration = CollaborationFactory(
            agreement=agreement,
            kind="iop",
            starts_on=datetime.date(2019 + n % 5, 1, 1),
            mapping_year=2019 + n % 5,
            parties=[(city, "lead"), *parties],
        )
        collaboration.areas.set(areas)
        collaboration.districts.set(districts)
        collaborations.append(collaboration)
    iop = IopAgreementFactory(collaboration=collaborations[0])
    confirm_all(iop, by=factories.coordinator())
    for n in range(size):
        iop.follow_ups.create(followed_up_on=datetime.date(2023, 1, 1 + n), text=f"Uppföljning {n}")
    return agreement, collaborations, city


# The agreement; filter choices (areas, districts, organisations, years); the count, the page,
# its parties (with organisations), areas, districts.
LIST_QUERIES = 10
# The agreement, the collaboration (with its IOP agreement), parties, areas, districts; the
# funding calls that fit it and their funders (funding's tag).
DETAIL_QUERIES = 7
# A party's representative: + session, user, own representations, coordinator?
DETAIL_QUERIES_REPRESENTATIVE = DETAIL_QUERIES + 4
# The agreement, the collaboration, its parties, the IOP agreement with the people who confirmed.
IOP_QUERIES = 4
# A representative: + session, user, own representations, coordinator? (twice: manage and
# confirm), documents, follow-ups.
IOP_QUERIES_REPRESENTATIVE = IOP_QUERIES + 7
# The agreement, totals (one query), the year: collaborations, areas, area links, district links.
FIGURES_QUERIES = 6
# The agreement, the count, the page, parties, areas, districts.
API_LIST_QUERIES = 6


@pytest.mark.parametrize("size", SIZES)
def test_list_queries_do_not_grow(client, django_assert_num_queries, size):
    agreement, _c, _city = fill(size)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(reverse("partnerships:list", kwargs={"agreement": agreement.slug}))
    assert len(response.context["page"].object_list) == size


@pytest.mark.parametrize("size", SIZES)
def test_detail_queries_do_not_grow(client, django_assert_num_queries, size):
    _agreement, collaborations, _city = fill(size)
    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(collaborations[0].get_absolute_url())
    assert len(response.context["collaboration"].parties.all()) == size + 1


@pytest.mark.parametrize("size", SIZES)
def test_detail_queries_for_a_representative_do_not_grow(client, django_assert_num_queries, size):
    _agreement, collaborations, city = fill(size)
    client.force_login(factories.representative(city))
    with django_assert_num_queries(DETAIL_QUERIES_REPRESENTATIVE):
        response = client.get(collaborations[0].get_absolute_url())
    assert response.context["can_edit"]


@pytest.mark.parametrize("size", SIZES)
def test_iop_page_queries_do_not_grow(client, django_assert_num_queries, size):
    _agreement, collaborations, _city = fill(size)
    url = collaborations[0].iop.get_absolute_url()
    with django_assert_num_queries(IOP_QUERIES):
        client.get(url)


@pytest.mark.parametrize("size", SIZES)
def test_iop_page_queries_for_a_representative_do_not_grow(client, django_assert_num_queries, size):
    _agreement, collaborations, city = fill(size)
    client.force_login(factories.representative(city))
    url = collaborations[0].iop.get_absolute_url()
    with django_assert_num_queries(IOP_QUERIES_REPRESENTATIVE):
        response = client.get(url)
    assert len(response.context["follow_ups"]) == size


@pytest.mark.parametrize("size", SIZES)
def test_figures_queries_do_not_grow(client, django_assert_num_queries, size):
    agreement, _c, _city = fill(size)
    with django_assert_num_queries(FIGURES_QUERIES):
        client.get(
            reverse("partnerships:figures", kwargs={"agreement": agreement.slug}), {"ar": 2021}
        )


@pytest.mark.parametrize("size", SIZES)
def test_api_list_queries_do_not_grow(client, django_assert_num_queries, size):
    fill(size)
    with django_assert_num_queries(API_LIST_QUERIES):
        response = client.get("/api/v1/collaborations", {"agreement": "malmoandan"})
    assert response.json()["count"] == size
