"""The centre's figures: visitors per week and month, meetings held (not cancelled, already
over), by sector and by room."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samverkan.actors.models import Sector
from samverkan.venues import selectors
from samverkan.venues.models import Booking
from tests import factories
from tests.venues.factories import BookingFactory, RoomFactory, VisitorCountFactory

pytestmark = pytest.mark.django_db


def moment(month, day, hour):
    return timezone.make_aware(datetime.datetime(2022, month, day, hour))


@pytest.fixture
def year_2022(room):
    venue = room.venue
    hall = RoomFactory(venue=venue, name="Stora salen", slug="stora-salen", capacity=120)
    civil = factories.OrganisationFactory()
    city = factories.administration()
    for month, day, visitors in [(1, 3, 100), (1, 4, 50), (2, 1, 300), (12, 30, 25)]:
        VisitorCountFactory(venue=venue, date=datetime.date(2022, month, day), visitors=visitors)
    VisitorCountFactory(venue=venue, date=datetime.date(2021, 12, 31), visitors=999)
    for n, (target, org) in enumerate([(room, civil), (room, civil), (hall, city)]):
        BookingFactory(
            room=target,
            organisation=org,
            starts_at=moment(3, 1 + n, 18),
            ends_at=moment(3, 1 + n, 20),
            expected_participants=10,
        )
    BookingFactory(
        room=room,
        organisation=civil,
        starts_at=moment(4, 1, 18),
        ends_at=moment(4, 1, 20),
        status=Booking.Status.CANCELLED,
    )
    # New Year's Eve late evening in Malmö is still 2022, though 2023 in UTC.
    BookingFactory(
        room=hall,
        organisation=civil,
        starts_at=timezone.make_aware(datetime.datetime(2022, 12, 31, 23, 30)),
        ends_at=timezone.make_aware(datetime.datetime(2022, 12, 31, 23, 59)),
    )
    BookingFactory(  # 2023: another year
        room=hall,
        organisation=civil,
        starts_at=timezone.make_aware(datetime.datetime(2023, 1, 1, 0, 30)),
        ends_at=timezone.make_aware(datetime.datetime(2023, 1, 1, 2)),
    )
    return venue


def test_visitors_are_summed_per_month_and_averaged_per_week(year_2022):
    figures = selectors.figures(year_2022, 2022)

    assert figures.visitors == 475
    assert figures.days_counted == 4
    months = {m.first_day.month: (m.visitors, m.days_counted) for m in figures.months}
    assert months[1] == (150, 2) and months[2] == (300, 1) and months[3] == (0, 0)
    assert figures.visitors_per_week == round(475 / (365 / 7))
    assert sum(w.visitors for w in figures.weeks) == 475


def test_meetings_held_leave_out_cancelled_ones_and_other_years(year_2022):
    figures = selectors.figures(year_2022, 2022)

    assert figures.meetings == 4
    assert {m.first_day.month: m.meetings for m in figures.months if m.meetings} == {3: 3, 12: 1}


def test_meetings_are_counted_by_sector_and_by_room(year_2022):
    figures = selectors.figures(year_2022, 2022)

    assert {row["sector"]: row["meetings"] for row in figures.by_sector} == {
        Sector.CIVIL_SOCIETY: 3,
        Sector.MUNICIPALITY: 1,
    }
    by_room = {row["slug"]: (row["meetings"], row["participants"]) for row in figures.by_room}
    assert by_room["stora-salen"] == (2, 18)
    assert sum(meetings for meetings, _p in by_room.values()) == 4


def test_a_coming_booking_is_not_a_meeting_held(room):
    this_year = timezone.localdate().year
    BookingFactory(room=room)  # tomorrow

    assert selectors.figures(room.venue, this_year).meetings == 0


def test_the_current_year_averages_over_the_weeks_so_far(room):
    today = timezone.localdate()
    VisitorCountFactory(venue=room.venue, date=today, visitors=700)

    figures = selectors.figures(room.venue, today.year)

    assert figures.days_in_period == today.timetuple().tm_yday


@pytest.fixture
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


def figures_page(client, venue, year=2022):
    return client.get(
        reverse("venues:figures", kwargs={"agreement": venue.agreement.slug, "venue": venue.slug}),
        {"ar": year},
    )


@pytest.mark.usefixtures("_page_cache_on")
def test_a_logged_in_visitor_reads_the_figures_kept_for_everyone(client, year_2022, member):
    assert figures_page(client, year_2022).context["figures"].meetings == 4
    client.force_login(member)
    with CaptureQueriesContext(connection) as queries:
        figures = figures_page(client, year_2022).context["figures"]
    assert figures.meetings == 4
    assert not [q for q in queries if "venues_visitorcount" in q["sql"]]


@pytest.mark.usefixtures("_page_cache_on")
@pytest.mark.django_db(transaction=True)
def test_a_new_meeting_shows_in_the_kept_figures_at_once(client, room, member):
    client.force_login(member)
    assert figures_page(client, room.venue).context["figures"].meetings == 0
    BookingFactory(room=room, starts_at=moment(5, 2, 18), ends_at=moment(5, 2, 20))
    assert figures_page(client, room.venue).context["figures"].meetings == 1
