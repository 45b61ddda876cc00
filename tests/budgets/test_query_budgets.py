"""Every page answers within its query budget (tests/budgets/budgets.py), with a small data set
and again with three times the rows on every list: a count that grows with the data (an N+1)
fails the second round, `large`. (My pages for each kind of person is measured on a data set of
its own, which cannot share this module's transaction: test_dashboard_budget.py.)

The data set is built once per size and module, inside a transaction that is rolled back at the
end; each test runs in a savepoint of it. Building it fills the process-wide caches (content
types), so a count does not depend on which test ran before.
"""

import re
from urllib.parse import urlparse

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import resolve

from samverkan.actors.models import Organisation
from samverkan.areas.models import PhaseChange
from samverkan.events.models import Registration
from tests.budgets.budgets import PAGES, ROLES, SITEMAP
from tests.budgets.data import build

pytestmark = pytest.mark.django_db

SIZES = {"small": 1, "large": 3}  # rounds of `grow`: every list is three times as long

N_PLUS_ONE_HINT = (
    "If the small data set is within budget and the large one is not, the count grows with the "
    "data (an N+1): fetch the relation with select_related/prefetch_related/annotate in the "
    "app's selector. If the page rightly does more (or less) work now, change its budget in "
    "tests/budgets/budgets.py."
)


@pytest.fixture(scope="module", params=list(SIZES))
def data(request, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        data = build(rounds=SIZES[request.param])
        data.size = request.param
        data.sitemap = sitemap_sample(Client())
        yield data
        transaction.set_rollback(True)


def sitemap_sample(client) -> dict[str, str]:
    """The first address of each kind of page (URL name) in /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    sample: dict[str, str] = {}
    for loc in re.findall(r"<loc>([^<]+)</loc>", response.content.decode()):
        path = urlparse(loc).path
        sample.setdefault(resolve(path).view_name, path)
    return sample


def cases(table: dict) -> list:
    return [
        pytest.param(name, role, id=f"{name}-{role}")
        for name, entry in table.items()
        for role in ROLES
        if getattr(entry, "budget", entry).of(role) is not None
    ]


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """The budgets count the queries of rendering a page, not of serving it from the page
    cache (samverkan/core/cache.py), whatever PAGE_CACHE_SECONDS the environment sets."""
    settings.PAGE_CACHE_SECONDS = 0


def client_as(role: str, data) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(getattr(data, role))
    return client


def assert_within_budget(assert_num_queries, data, name: str, path: str, role: str, budget):
    client = client_as(role, data)
    info = f"{name} ({path}) as {role}, {data.size} data set. {N_PLUS_ONE_HINT}"
    with assert_num_queries(budget, info=info):
        response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200


def measured_budget(data, path: str) -> str:
    """What the page costs now, per role, written as a line of the budget table."""
    counts = []
    for role in ROLES:
        client = client_as(role, data)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        counts.append(str(len(queries)) if response.status_code == 200 else "None")
    return f"Budget({', '.join(counts)})"


def test_every_kind_of_page_in_the_sitemap_has_a_budget(data):
    missing = sorted(set(data.sitemap) - set(SITEMAP))
    suggestions = "\n".join(
        f'    "{name}": {measured_budget(data, data.sitemap[name])},  # measured at '
        f"{data.sitemap[name]}"
        for name in missing
    )
    assert not missing, (
        f"Pages of the sitemap without a query budget: {missing}. Add each URL name to SITEMAP "
        "in tests/budgets/budgets.py with its number of queries (anonymous, member, "
        "coordinator), check that it stays the same with the large data set (add the rows the "
        "page lists to tests/budgets/data.py), and say in a comment what the queries are for. "
        f"Measured now with the {data.size} data set:\n{suggestions}"
    )


def test_the_data_set_has_a_page_of_every_kind_with_a_budget(data):
    absent = sorted(set(SITEMAP) - set(data.sitemap))
    assert not absent, (
        f"The sitemap of the test data has no page of {absent}: add the rows these pages show "
        "to tests/budgets/data.py, or remove the budgets of pages that are gone."
    )


def test_each_round_of_data_adds_rows_to_the_measured_lists(data):
    rounds = SIZES[data.size]
    assert Organisation.objects.filter(umbrellas=data.club).count() == rounds
    assert data.event.registrations.count() == 2 * rounds
    assert data.course.modules.count() == 2 + rounds
    assert data.collaboration.parties.count() == 2 + rounds
    assert data.body.meetings.count() == 1 + rounds
    assert data.meeting.paragraphs.count() == 2 * rounds
    assert Registration.objects.filter(user=data.member).count() == rounds
    assert PhaseChange.objects.filter(area=data.area).count() == rounds


@pytest.mark.parametrize(("name", "role"), cases(SITEMAP))
def test_sitemap_page_is_within_its_query_budget(data, django_assert_num_queries, name, role):
    assert name in data.sitemap, f"The test data has no {name} page in the sitemap"
    assert_within_budget(
        django_assert_num_queries, data, name, data.sitemap[name], role, SITEMAP[name].of(role)
    )


@pytest.mark.parametrize(("name", "role"), cases(PAGES))
def test_page_is_within_its_query_budget(data, django_assert_num_queries, name, role):
    page = PAGES[name]
    assert_within_budget(
        django_assert_num_queries, data, name, page.url(data), role, page.budget.of(role)
    )
