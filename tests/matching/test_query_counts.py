"""A page's query count does not grow with the data: measured at two sizes."""

import pytest
from django.urls import reverse

from tests import factories
from tests.areas.factories import PriorityAreaFactory
from tests.matching.factories import NEED, OFFER, administration, association, posting

pytestmark = pytest.mark.django_db

SIZES = [2, 10]

# The agreement, the count, the postings, their areas, their districts, the area and district
# choices of the filter form.
LIST_QUERIES = 7
# The agreement, the posting, its areas, its districts; the suggestions: term statistics,
# scoring, candidates, their shared areas, their shared districts, the chosen postings, the
# shared words; the posting's matches; the open funding calls that fit (funding's tag).
DETAIL_QUERIES = 13
# A representative: + session, user, coordinator?, their organisations.
DETAIL_QUERIES_REPRESENTATIVE = DETAIL_QUERIES + 4
# Count, postings, areas, districts.
API_LIST_QUERIES = 4


def fill(agreement, size: int):
    area = PriorityAreaFactory(agreement=agreement)
    districts = [factories.DistrictFactory() for _n in range(2)]
    city = administration()
    need = posting(
        agreement, city, NEED, "Simskola för barn", "Simskola för barn på sommarlovet.",
        areas=[area], districts=districts,
    )  # fmt: skip
    for n in range(size):
        posting(
            agreement, association(), OFFER, f"Simundervisning {n}", "Vi har simskola för barn.",
            areas=[area], districts=districts,
        )  # fmt: skip
        posting(agreement, administration(), NEED, f"Lokal {n}", "Lokal.", areas=[area])
    return need, city


@pytest.mark.parametrize("size", SIZES)
def test_list_queries_do_not_grow(client, agreement, django_assert_num_queries, size):
    fill(agreement, size)

    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(reverse("matching:list", kwargs={"agreement": agreement.slug}))

    assert len(response.context["page"].object_list) == min(2 * size + 1, 20)  # a page is 20


@pytest.mark.parametrize("size", SIZES)
def test_posting_page_queries_do_not_grow(client, agreement, django_assert_num_queries, size):
    need, _city = fill(agreement, size)

    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(need.get_absolute_url())

    assert len(response.context["suggestions"]) == min(size, 10)


@pytest.mark.parametrize("size", SIZES)
def test_posting_page_queries_for_a_representative_do_not_grow(
    client, agreement, django_assert_num_queries, size
):
    need, city = fill(agreement, size)
    client.force_login(factories.representative(city))

    with django_assert_num_queries(DETAIL_QUERIES_REPRESENTATIVE):
        response = client.get(need.get_absolute_url())

    assert all(s.can_respond for s in response.context["suggestions"])


@pytest.mark.parametrize("size", SIZES)
def test_api_list_queries_do_not_grow(client, agreement, django_assert_num_queries, size):
    fill(agreement, size)

    with django_assert_num_queries(API_LIST_QUERIES):
        response = client.get("/api/v1/postings")

    assert response.json()["count"] == 2 * size + 1
