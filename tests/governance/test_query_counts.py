"""The pages' query counts do not grow with the data: measured at two sizes."""

import datetime

import pytest
from django.urls import reverse

from samverkan.governance import services
from samverkan.governance.models import Statement
from tests import factories
from tests.governance import factories as gov

pytestmark = pytest.mark.django_db

SIZES = [1, 4]

# Agreement, body, memberships (with people and organisations), meetings.
BODY_QUERIES = 4
# Agreement, meeting (with body, agreement, chair, secretary), agenda, attendance, paragraphs,
# statements, adjusters.
MEETING_QUERIES = 7
# Agreement, count, page of decisions (with meeting, body, agreement).
DECISIONS_QUERIES = 3


def fill(size: int):
    """`size` published meetings with `size` + 1 paragraphs each, statements and agenda items."""
    coordinator = factories.coordinator()
    body = gov.body(by=coordinator, adjoined=size)
    meetings = []
    for n in range(size):
        meeting = gov.meeting(body, datetime.date(2022, 1 + n, 10), present=8, by=coordinator)
        for i in range(size + 1):
            item = services.add_agenda_item(meeting=meeting, title=f"Punkt {i}", by=coordinator)
            paragraph = gov.paragraph(meeting, agenda_item=item, by=coordinator)
            services.add_statement(
                paragraph=paragraph,
                kind=Statement.Kind.NOTE,
                membership=gov.voting(body)[i % 8],
                text="Anteckning.",
                by=coordinator,
            )
        meetings.append(gov.adjust(meeting, by=coordinator))
    return body, meetings


@pytest.mark.parametrize("size", SIZES)
def test_body_page_queries_do_not_grow(client, django_assert_num_queries, size):
    body, _meetings = fill(size)

    with django_assert_num_queries(BODY_QUERIES):
        response = client.get(body.get_absolute_url())

    assert len(response.context["published_meetings"]) == size


@pytest.mark.parametrize("size", SIZES)
def test_meeting_page_queries_do_not_grow(client, django_assert_num_queries, size):
    _body, meetings = fill(size)

    with django_assert_num_queries(MEETING_QUERIES):
        response = client.get(meetings[-1].get_absolute_url())

    assert response.status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_decisions_page_queries_do_not_grow(client, django_assert_num_queries, size):
    body, _meetings = fill(size)

    with django_assert_num_queries(DECISIONS_QUERIES):
        response = client.get(
            reverse("governance:decisions", kwargs={"agreement": body.agreement.slug})
        )

    assert response.context["page"].paginator.count == size * (size + 1)
