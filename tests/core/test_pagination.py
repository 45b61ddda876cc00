"""counted_page: the page Paginator.get_page gives, with the list's length read by the query that
finds the page's rows (a search ranks every match before its first page anyway)."""

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samverkan.actors.models import District
from samverkan.core.pagination import counted_page

pytestmark = pytest.mark.django_db

PER_PAGE = 4


@pytest.fixture
def districts(db):
    for n in range(10):
        District.objects.create(name=f"Område {n:02}", slug=f"omrade-{n:02}")
    return District.objects.order_by("-name")


def shown(page) -> tuple:
    return (
        page.number,
        page.paginator.count,
        page.paginator.num_pages,
        [d.name for d in page.object_list],
    )


@pytest.mark.parametrize("number", [1, 2, 3, "2", 4, 99, 10**30, 0, -1, "x", "", None, 2.0, 2.5])
def test_counted_page_is_the_page_the_paginator_gives(districts, number):
    expected = shown(Paginator(districts, PER_PAGE).get_page(number))

    assert shown(counted_page(districts, PER_PAGE, number)) == expected


def test_counted_page_reads_the_count_with_the_rows(districts):
    with CaptureQueriesContext(connection) as queries:
        page = counted_page(districts, PER_PAGE, 2)
        shown(page)

    assert page.paginator.count == 10
    assert not [q for q in queries.captured_queries if '"__count"' in q["sql"]]


def test_counted_page_of_an_empty_list_has_one_empty_page(db):
    with CaptureQueriesContext(connection) as queries:
        page = counted_page(District.objects.order_by("name"), PER_PAGE, 1)

    assert shown(page) == (1, 0, 1, [])
    assert len(queries) == 1
