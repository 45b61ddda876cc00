"""A page's query count does not grow with the data: measured at two sizes."""

import pytest
from django.urls import reverse

from samverkan.actors.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db

SIZES = [5, 25]


def fill_register(size: int) -> Organisation:
    """`size` public organisations, each in 2 districts with 2 areas of interest."""
    districts = [factories.DistrictFactory() for _ in range(4)]
    areas = [factories.InterestAreaFactory() for _ in range(4)]
    umbrella = factories.OrganisationFactory(name="Paraplyet", legal_form="umbrella")
    organisations = [
        factories.OrganisationFactory(
            districts=districts[n % 3 : n % 3 + 2], interest_areas=areas[n % 3 : n % 3 + 2]
        )
        for n in range(size - 1)
    ]
    for organisation in organisations:
        organisation.umbrellas.add(umbrella)
    return organisations[0]


# Anonymous visitors: filter choices (2), count, page, districts, areas.
REGISTER_QUERIES = 6
# The organisation with part_of, then districts, areas, umbrellas, members, parts; the sections
# of the other apps: collaborations, IOP agreements, coming and past events, postings.
ORGANISATION_QUERIES = 11
# count, page, districts, areas.
API_QUERIES = 4
# Filter choices (2), the organisations, districts, areas (one chunk).
CSV_QUERIES = 5


@pytest.mark.parametrize("size", SIZES)
def test_register_page_queries_do_not_grow(client, django_assert_num_queries, size):
    fill_register(size)

    with django_assert_num_queries(REGISTER_QUERIES):
        response = client.get(reverse("actors:register"))

    assert response.status_code == 200
    assert len(response.context["page"].object_list) == min(size, 20)


@pytest.mark.parametrize("size", SIZES)
def test_register_search_queries_do_not_grow(client, django_assert_num_queries, size):
    fill_register(size)

    with django_assert_num_queries(REGISTER_QUERIES):
        response = client.get(reverse("actors:register"), {"q": "förening"})

    assert response.context["page"].paginator.count == size


@pytest.mark.parametrize("size", SIZES)
def test_organisation_page_queries_do_not_grow(client, django_assert_num_queries, size):
    organisation = fill_register(size)

    with django_assert_num_queries(ORGANISATION_QUERIES):
        response = client.get(organisation.get_absolute_url())

    assert response.status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_umbrella_page_queries_do_not_grow_with_its_members(
    client, django_assert_num_queries, size
):
    fill_register(size)
    umbrella = Organisation.objects.get(name="Paraplyet")

    with django_assert_num_queries(ORGANISATION_QUERIES):
        response = client.get(umbrella.get_absolute_url())

    assert len(response.context["organisation"].umbrella_members.all()) == size - 1


@pytest.mark.parametrize("size", SIZES)
def test_api_list_queries_do_not_grow(client, django_assert_num_queries, size):
    fill_register(size)

    with django_assert_num_queries(API_QUERIES):
        response = client.get("/api/v1/organisations")

    assert response.json()["count"] == size


@pytest.mark.parametrize("size", SIZES)
def test_csv_export_queries_do_not_grow(client, django_assert_num_queries, size):
    fill_register(size)

    with django_assert_num_queries(CSV_QUERIES):
        response = client.get(reverse("actors:register_csv"))
        lines = b"".join(response.streaming_content).decode().splitlines()

    assert len(lines) == size + 1
