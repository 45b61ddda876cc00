"""The demo centre: Nobel 21 with the 2022 figures of the annual report, loaded idempotently."""

import itertools
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.venues import demo, selectors
from samverkan.venues.models import Booking, Room, Venue, VisitorCount

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(shared_demo):
    return Venue.objects.get(agreement__slug="malmoandan", slug="nobel-21")


def test_nobel_21_shows_the_2022_figures_of_the_annual_report(client, loaded):
    """One load for the venue, the figures and their page: the demo load takes seconds."""
    assert loaded.address == "Nobelvägen 21, 212 15 Malmö"
    capacities = dict(loaded.rooms.values_list("name", "capacity"))
    assert capacities["Stora salen"] >= 120
    assert any(8 <= seats <= 30 for seats in capacities.values())
    assert "Köket och caféet" in capacities
    assert loaded.opening_hours.count() == 6
    assert loaded.booking_rules.days_ahead == 180

    figures = selectors.figures(loaded, 2022)

    assert figures.meetings == 2850
    assert figures.visitors_per_week == 545
    assert figures.days_in_period == 365
    assert sum(row["meetings"] for row in figures.by_sector) == 2850
    assert sum(row["meetings"] for row in figures.by_room) == 2850
    assert {row["sector"] for row in figures.by_sector} >= {"civil", "municipal"}

    response = client.get(
        reverse("venues:figures", kwargs={"agreement": "malmoandan", "venue": "nobel-21"}),
        {"ar": 2022},
    )
    html = response.content.decode()
    assert '<dd id="visitors-per-week">545</dd>' in html
    assert '<dd id="meetings">2\u00a0850</dd>' in html


def test_the_2022_bookings_are_spread_without_overlaps_and_coming_ones_exist(loaded):
    bookings = list(
        Booking.objects.filter(room__venue=loaded, starts_at__year=2022)
        .active()
        .order_by("room", "starts_at")
        .values_list("room", "starts_at", "ends_at")
    )
    assert len(bookings) == 2850
    for (room_a, _start_a, end_a), (room_b, start_b, _end_b) in itertools.pairwise(bookings):
        assert room_a != room_b or end_a <= start_b
    local_starts = [timezone.localtime(start) for _room, start, _end in bookings]
    assert sum(1 for start in local_starts if start.hour >= 17) > 800
    assert sum(1 for start in local_starts if start.weekday() == 5) > 100
    figures = selectors.figures(loaded, 2022)
    assert all(row["meetings"] > 100 for row in figures.by_room)
    months = {m.first_day.month: m.meetings for m in figures.months}
    assert months[7] < months[9] / 2
    assert Booking.objects.filter(room__venue=loaded, status="cancelled").exists()

    assert Booking.objects.filter(room__venue=loaded, starts_at__gt=timezone.now()).count() >= 10
    assert loaded.rooms.get(slug="studiecirkelrummet").series.count() == 1


def test_a_second_load_creates_nothing(shared_demo):
    before = (
        Venue.objects.count(),
        Room.objects.count(),
        Booking.objects.count(),
        VisitorCount.objects.count(),
    )

    started = time.monotonic()
    counts = demo.load()
    assert time.monotonic() - started < 3

    assert all(tally["created"] == 0 for tally in counts.values()), counts
    assert counts["bookings"]["existing"] == Booking.objects.count()
    assert (
        Venue.objects.count(),
        Room.objects.count(),
        Booking.objects.count(),
        VisitorCount.objects.count(),
    ) == before
