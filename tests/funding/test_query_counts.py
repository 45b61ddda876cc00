"""The pages' query counts do not grow with the data: measured at two sizes."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from samverkan.funding.models import ExpenseCategory
from tests import factories
from tests.areas.factories import PriorityAreaFactory
from tests.funding.factories import CallFactory, ExpenseFactory, GrantFactory, in_days

pytestmark = pytest.mark.django_db

SIZES = [2, 8]


def fill(size: int):
    agreement = factories.AgreementFactory(slug="malmoandan")
    areas = [PriorityAreaFactory(agreement=agreement) for _ in range(size)]
    districts = [factories.DistrictFactory() for _ in range(size)]
    calls = [
        CallFactory(agreement=agreement if n % 2 else None, areas=areas, districts=districts,
                    deadline=in_days(n + 1))
        for n in range(size)
    ]  # fmt: skip
    for year in (2021, 2022):
        GrantFactory.create_batch(size, agreement=agreement, year=year)
        for n in range(size):
            ExpenseFactory(
                agreement=agreement,
                spent_on=datetime.date(year, 1 + n % 12, 1),
                category=list(ExpenseCategory)[n % 6],
                amount=Decimal("10.50"),
            )
    return agreement, calls


# The agreement, the filter's areas and districts, the count, the page of calls, their areas,
# their districts.
LIST_QUERIES = 7
# The agreement, the call (with funder), its areas, its districts.
CALL_QUERIES = 4
# The agreement, the grants, the expenses' categories and amounts.
ACCOUNT_QUERIES = 3
# The agreement, the grants' and the expenses' amounts per year.
BUDGET_QUERIES = 3
# Logged in: + session, user, group check (coordinator?).
LOGGED_IN = 3


@pytest.mark.parametrize("size", SIZES)
def test_calls_list(client, django_assert_num_queries, size):
    fill(size)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get("/overenskommelser/malmoandan/finansiering/")
    assert len(response.context["page"].object_list) == size


@pytest.mark.parametrize("size", SIZES)
def test_call_page(client, django_assert_num_queries, size):
    agreement, calls = fill(size)
    with django_assert_num_queries(CALL_QUERIES):
        response = client.get(calls[-1].url_in(agreement))
    assert response.status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_call_page_of_a_member(client, django_assert_num_queries, size):
    agreement, calls = fill(size)
    client.force_login(factories.UserFactory())
    # + whether the member follows the call.
    with django_assert_num_queries(CALL_QUERIES + LOGGED_IN + 1):
        assert client.get(calls[-1].url_in(agreement)).status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_economic_account_page(client, django_assert_num_queries, size):
    fill(size)
    with django_assert_num_queries(ACCOUNT_QUERIES):
        response = client.get("/overenskommelser/malmoandan/budget/2022/")
    assert response.context["account"].total_spent == Decimal("10.50") * size


@pytest.mark.parametrize("size", SIZES)
def test_economic_account_page_of_a_coordinator(client, django_assert_num_queries, size):
    fill(size)
    client.force_login(factories.coordinator())
    # + the expense lines (with their grants).
    with django_assert_num_queries(ACCOUNT_QUERIES + LOGGED_IN + 1):
        response = client.get("/overenskommelser/malmoandan/budget/2022/")
    assert len(response.context["expenses"]) == size


@pytest.mark.parametrize("size", SIZES)
def test_budget_years_page(client, django_assert_num_queries, size):
    fill(size)
    with django_assert_num_queries(BUDGET_QUERIES):
        response = client.get(reverse("funding:budget", kwargs={"agreement": "malmoandan"}))
    assert [y.year for y in response.context["years"]] == [2022, 2021]
