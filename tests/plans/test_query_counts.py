"""The plan page and the follow-up read in a fixed number of queries, at two sizes."""

import pytest
from django.urls import reverse

from tests import factories
from tests.plans.factories import plan_delayed_in_2019

pytestmark = pytest.mark.django_db

SIZES = [3, 30]

# The plan with its agreement, the activities with organisation and area, the revisions.
PLAN_QUERIES = 3
# The plan with its agreement, the activities, the status history up to the year's end.
FOLLOW_UP_QUERIES = 3
# The agreement, the plans with their number of activities.
LIST_QUERIES = 2
# count, page, status histories.
API_QUERIES = 3


def fill(size: int):
    plan = plan_delayed_in_2019(size=size)
    organisation = factories.OrganisationFactory()
    plan.activities.update(responsible_organisation=organisation)
    return plan


@pytest.mark.parametrize("size", SIZES)
def test_plan_page_queries_do_not_grow(client, django_assert_num_queries, size):
    plan = fill(size)

    with django_assert_num_queries(PLAN_QUERIES):
        response = client.get(plan.get_absolute_url())

    assert response.status_code == 200
    assert response.context["activity_count"] == size


@pytest.mark.parametrize("size", SIZES)
def test_follow_up_page_queries_do_not_grow(client, django_assert_num_queries, size):
    plan = fill(size)
    url = reverse("plans:follow_up", args=[plan.agreement.slug, plan.slug])

    with django_assert_num_queries(FOLLOW_UP_QUERIES):
        response = client.get(url, {"ar": 2020})

    assert response.status_code == 200
    assert response.context["follow_up"].total == size


@pytest.mark.parametrize("size", SIZES)
def test_plan_list_queries_do_not_grow(client, django_assert_num_queries, size):
    plan = fill(size)

    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(reverse("plans:list", args=[plan.agreement.slug]))

    assert response.status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_activities_api_queries_do_not_grow(client, django_assert_num_queries, size):
    fill(size)

    with django_assert_num_queries(API_QUERIES):
        response = client.get("/api/v1/plan-activities")

    assert response.json()["count"] == size
