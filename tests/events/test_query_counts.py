"""A page's query count does not grow with the data: measured at two sizes."""

import pytest
from django.urls import reverse

from samverkan.core.permissions import SYSTEM
from samverkan.events import services
from tests import factories
from tests.areas.factories import PriorityAreaFactory
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory, soon

pytestmark = pytest.mark.django_db

SIZES = [2, 8]


def fill(size: int):
    """`size` events in the coming days, each with `size` organisers, areas, sessions and
    registrations, and a quota."""
    agreement = factories.AgreementFactory(slug="malmoandan")
    areas = [PriorityAreaFactory(agreement=agreement) for _ in range(size)]
    events = []
    for n in range(size):
        event = EventFactory(
            agreement=agreement,
            starts_at=soon(1 + n),
            capacity=size * 3,
            organisers=[factories.OrganisationFactory() for _ in range(size)],
        )
        event.areas.set(areas)
        for m in range(size):
            SessionFactory(event=event, starts_at=soon(1 + n, 8 + m))
            RegistrationFactory(event=event)
        services.add_quota(event=event, by=SYSTEM, name="Kvot", seats=1, sectors=["city"])
        events.append(event)
    return agreement, events


# The agreement; the filter's areas, districts and focus areas; the count; the page of events
# (with counts); their organisers.
CALENDAR_QUERIES = 7
# The agreement; the filter's areas, districts and focus areas; events without sessions;
# sessions with their events.
MONTH_QUERIES = 6
# The agreement; the event with its counts; organisers, areas, districts, sessions, quotas
# (counted), the quotas' organisations, documents.
EVENT_QUERIES = 9
# + session, user, represented organisations, coordinator?, own registration.
EVENT_QUERIES_MEMBER = EVENT_QUERIES + 5
# The count, the page of events with counts, their organisers.
API_LIST_QUERIES = 3


@pytest.mark.parametrize("size", SIZES)
def test_calendar_list_queries_do_not_grow(client, django_assert_num_queries, size):
    agreement, _events = fill(size)

    with django_assert_num_queries(CALENDAR_QUERIES):
        response = client.get(reverse("events:calendar", kwargs={"agreement": agreement.slug}))

    assert len(response.context["events"]) == size


@pytest.mark.parametrize("size", SIZES)
def test_month_view_queries_do_not_grow(client, django_assert_num_queries, size):
    agreement, events = fill(size)
    day = events[0].starts_at

    with django_assert_num_queries(MONTH_QUERIES):
        response = client.get(
            reverse(
                "events:month",
                kwargs={"agreement": agreement.slug, "year": day.year, "month": day.month},
            )
        )

    assert response.context["count"] >= size


@pytest.mark.parametrize("size", SIZES)
def test_event_page_queries_do_not_grow(client, django_assert_num_queries, size):
    _agreement, events = fill(size)

    with django_assert_num_queries(EVENT_QUERIES):
        response = client.get(events[0].get_absolute_url())

    assert response.context["event"].registered_count == size
    assert len(response.context["event"].sessions.all()) == size


@pytest.mark.parametrize("size", SIZES)
def test_event_page_queries_for_a_member_do_not_grow(client, django_assert_num_queries, size):
    _agreement, events = fill(size)
    client.force_login(factories.UserFactory())

    with django_assert_num_queries(EVENT_QUERIES_MEMBER):
        response = client.get(events[0].get_absolute_url())

    assert response.context["own"] is None


@pytest.mark.parametrize("size", SIZES)
def test_api_event_list_queries_do_not_grow(client, django_assert_num_queries, size):
    fill(size)

    with django_assert_num_queries(API_LIST_QUERIES):
        response = client.get("/api/v1/events")

    assert response.json()["count"] == size
