"""Weekly series: every free date is booked; the dates that collide are reported with the
reason, before (the plan) and after (the series' report); cancelled as a whole or per date."""

import datetime

import pytest
from django.utils import timezone

from samverkan.core.exceptions import ConflictError
from samverkan.venues import services
from samverkan.venues.models import Booking, ClosedDay
from tests.venues.factories import BookingFactory, at

pytestmark = pytest.mark.django_db

WEEK = datetime.timedelta(weeks=1)


def series_args(room, organisation, by, weeks=5):
    first = timezone.localdate() + datetime.timedelta(days=7)
    return {
        "room": room,
        "organisation": organisation,
        "first_date": first,
        "last_date": first + (weeks - 1) * WEEK,
        "starts_at": datetime.time(17),
        "ends_at": datetime.time(19),
        "purpose": "Läxhjälp",
        "expected_participants": 12,
        "by": by,
    }


def test_a_series_books_every_free_week_and_reports_the_collisions(room, civil_org, ombud):
    args = series_args(room, civil_org, ombud)
    BookingFactory(room=room, starts_at=at(14, 18), ends_at=at(14, 20))  # the second week
    ClosedDay.objects.create(venue=room.venue, date=args["first_date"] + 3 * WEEK, reason="Jul")

    plan = services.plan_weekly_series(**args)
    assert [d.is_free for d in plan.dates] == [True, False, True, False, True]
    assert Booking.objects.count() == 1  # planning writes nothing

    series, report = services.book_weekly_series(**args)

    assert [d.date for d in report.free] == [args["first_date"] + n * WEEK for n in (0, 2, 4)]
    assert "18:00–20:00" in report.taken[0].problem
    assert "Jul" in report.taken[1].problem
    assert series.bookings.count() == 3
    assert [entry["date"] for entry in series.skipped] == [
        (args["first_date"] + n * WEEK).isoformat() for n in (1, 3)
    ]
    starts = [timezone.localtime(b.starts_at) for b in series.bookings.order_by("starts_at")]
    assert {(s.weekday(), s.hour) for s in starts} == {(args["first_date"].weekday(), 17)}


def test_a_series_with_no_free_date_books_nothing(room, civil_org, ombud):
    args = series_args(room, civil_org, ombud, weeks=1)
    BookingFactory(room=room, starts_at=at(7, 16), ends_at=at(7, 18))

    with pytest.raises(ConflictError):
        services.book_weekly_series(**args)

    assert Booking.objects.count() == 1


def test_a_whole_series_is_cancelled(room, civil_org, ombud):
    series, _plan = services.book_weekly_series(**series_args(room, civil_org, ombud))

    count = services.cancel_series(series=series, by=ombud)

    assert count == 5
    assert not Booking.objects.active().exists()
    series.refresh_from_db()
    assert series.cancelled_at is not None
    with pytest.raises(ConflictError):
        services.cancel_series(series=series, by=ombud)


def test_one_date_of_a_series_is_cancelled_and_the_others_stay(room, civil_org, ombud):
    series, _plan = services.book_weekly_series(**series_args(room, civil_org, ombud))
    second = series.bookings.order_by("starts_at")[1]

    services.cancel_booking(booking=second, by=ombud)

    assert series.bookings.filter(status=Booking.Status.CONFIRMED).count() == 4
    assert Booking.objects.get(pk=second.pk).is_cancelled
