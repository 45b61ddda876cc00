"""The venue page, a room's week view and the figures page run the same number of queries with
little and with much data."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.venues.models import ClosedDay
from tests import factories
from tests.venues.factories import (
    BookingFactory,
    RoomFactory,
    VisitorCountFactory,
    open_every_day,
)

pytestmark = pytest.mark.django_db

SIZES = [2, 8]


def fill(size):
    """A venue of `size` rooms; each room `size` bookings this week and in 2022; `size` closed
    days coming; `size` visitor counts in 2022."""
    room = RoomFactory()
    venue = room.venue
    open_every_day(venue)
    rooms = [room] + [RoomFactory(venue=venue) for _ in range(size - 1)]
    today = timezone.localdate()
    for n in range(size):
        ClosedDay.objects.create(venue=venue, date=today + datetime.timedelta(days=20 + n))
        VisitorCountFactory(venue=venue, date=datetime.date(2022, 1 + n, 10), visitors=50 + n)
    for target in rooms:
        organisations = [factories.OrganisationFactory() for _ in range(2)]
        for n in range(size):
            day = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
            starts = timezone.make_aware(
                datetime.datetime.combine(day + datetime.timedelta(days=n % 7), datetime.time(8))
            ) + datetime.timedelta(hours=n)
            BookingFactory(
                room=target,
                organisation=organisations[n % 2],
                starts_at=starts,
                ends_at=starts + datetime.timedelta(minutes=50),
            )
            past = timezone.make_aware(datetime.datetime(2022, 3, 1 + n, 10))
            BookingFactory(
                room=target,
                organisation=organisations[n % 2],
                starts_at=past,
                ends_at=past + datetime.timedelta(hours=1),
            )
    return venue, room


# The agreement, the venue (with its rules), rooms, opening hours, coming closed days.
VENUE_QUERIES = 5
# The agreement, the room (with venue and rules), opening hours, closed days of the week,
# the week's bookings.
ROOM_QUERIES = 5
# The agreement, the venue, the year's visitor counts, meetings per month, by sector, by room.
FIGURES_QUERIES = 6


@pytest.mark.parametrize("size", SIZES)
def test_venue_page_queries_do_not_grow(client, django_assert_num_queries, size):
    venue, _room = fill(size)

    with django_assert_num_queries(VENUE_QUERIES):
        response = client.get(venue.get_absolute_url())

    assert len(response.context["rooms"]) == size
    assert len(response.context["closed_days"]) == size


@pytest.mark.parametrize("size", SIZES)
def test_room_week_queries_do_not_grow(client, django_assert_num_queries, size):
    _venue, room = fill(size)

    with django_assert_num_queries(ROOM_QUERIES):
        response = client.get(room.get_absolute_url())

    assert sum(len(day.busy) for day in response.context["days"]) >= size // 2


@pytest.mark.parametrize("size", SIZES)
def test_figures_page_queries_do_not_grow(client, django_assert_num_queries, size):
    venue, _room = fill(size)
    figures_url = reverse(
        "venues:figures", kwargs={"agreement": venue.agreement.slug, "venue": venue.slug}
    )

    with django_assert_num_queries(FIGURES_QUERIES):
        response = client.get(figures_url, {"ar": 2022})

    assert response.context["figures"].meetings == size * size
    assert response.context["figures"].days_counted == size
