"""Each booking rule refuses with its own reason; a booking that keeps them all is made, audited
and confirmed by e-mail after commit."""

import datetime

import pytest
from django.utils import timezone

from samverkan.core.exceptions import ApplicationError, PermissionDeniedError
from samverkan.core.models import AuditEntry
from samverkan.venues import services
from samverkan.venues.models import Booking, BookingRules, ClosedDay, OpeningHours
from tests import factories
from tests.venues.factories import at

pytestmark = pytest.mark.django_db


def book(room, organisation, by, starts_at, ends_at, participants=10, **kwargs):
    return services.book_room(
        room=room,
        organisation=organisation,
        starts_at=starts_at,
        ends_at=ends_at,
        purpose="Styrelsemöte",
        expected_participants=participants,
        by=by,
        **kwargs,
    )


def refusal(room, organisation, by, starts_at, ends_at, participants=10, **kwargs) -> str:
    before = Booking.objects.count()
    with pytest.raises(ApplicationError) as caught:
        book(room, organisation, by, starts_at, ends_at, participants, **kwargs)
    assert Booking.objects.count() == before
    return caught.value.code


def test_an_ombud_books_a_room_for_the_organisation(
    room, civil_org, ombud, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = book(room, civil_org, ombud, at(3, 14), at(3, 16), participants=12)

    assert booking.status == Booking.Status.CONFIRMED
    assert (booking.room, booking.organisation, booking.booked_by) == (room, civil_org, ombud)
    assert AuditEntry.objects.filter(action="booking.created", object_id=str(booking.pk)).exists()
    assert [m.to for m in mailoutbox] == [[ombud.email]]
    assert "14:00–16:00" in mailoutbox[0].body


def test_no_mail_is_sent_before_the_booking_commits(room, civil_org, ombud, mailoutbox):
    book(room, civil_org, ombud, at(3, 14), at(3, 16))

    assert mailoutbox == []  # the test's transaction never commits


def test_a_booking_in_the_past_is_refused(room, civil_org, ombud):
    assert refusal(room, civil_org, ombud, at(-1, 14), at(-1, 16)) == "in_the_past"


def test_a_booking_outside_the_opening_hours_is_refused(room, civil_org, ombud):
    OpeningHours.objects.filter(venue=room.venue).update(
        opens_at=datetime.time(9), closes_at=datetime.time(17)
    )

    assert refusal(room, civil_org, ombud, at(3, 16), at(3, 18)) == "outside_opening_hours"
    assert refusal(room, civil_org, ombud, at(3, 8), at(3, 10)) == "outside_opening_hours"
    assert book(room, civil_org, ombud, at(3, 9), at(3, 17)).pk


def test_a_weekday_without_opening_hours_is_closed(room, civil_org, ombud):
    closed_weekday = (timezone.localdate() + datetime.timedelta(days=3)).weekday()
    OpeningHours.objects.filter(venue=room.venue, weekday=closed_weekday).delete()

    assert refusal(room, civil_org, ombud, at(3, 10), at(3, 12)) == "closed"


def test_a_closed_day_is_refused_with_its_reason(room, civil_org, ombud):
    day = timezone.localdate() + datetime.timedelta(days=3)
    ClosedDay.objects.create(venue=room.venue, date=day, reason="Midsommarafton")

    with pytest.raises(ApplicationError) as caught:
        book(room, civil_org, ombud, at(3, 10), at(3, 12))

    assert "Midsommarafton" in str(caught.value.message)


def test_a_booking_longer_than_the_longest_allowed_is_refused(room, civil_org, ombud):
    BookingRules.objects.create(venue=room.venue, longest_booking=datetime.timedelta(hours=3))
    room.venue.refresh_from_db()

    assert refusal(room, civil_org, ombud, at(3, 9), at(3, 12, 30)) == "too_long"
    assert book(room, civil_org, ombud, at(3, 9), at(3, 12)).pk


def test_a_booking_too_far_ahead_is_refused(room, civil_org, ombud):
    BookingRules.objects.create(venue=room.venue, days_ahead=30)

    assert refusal(room, civil_org, ombud, at(31, 10), at(31, 12)) == "too_far_ahead"
    assert book(room, civil_org, ombud, at(30, 10), at(30, 12)).pk


def test_a_booking_without_the_minimum_notice_is_refused(room, civil_org, ombud):
    BookingRules.objects.create(venue=room.venue, minimum_notice=datetime.timedelta(days=2))

    assert refusal(room, civil_org, ombud, at(1, 10), at(1, 12)) == "too_short_notice"
    assert book(room, civil_org, ombud, at(3, 10), at(3, 12)).pk


def test_more_participants_than_seats_is_refused(room, civil_org, ombud):
    with pytest.raises(ApplicationError) as caught:
        book(room, civil_org, ombud, at(3, 10), at(3, 12), participants=room.capacity + 1)

    assert caught.value.code == "too_many_participants"
    assert caught.value.field == "expected_participants"
    assert book(room, civil_org, ombud, at(3, 10), at(3, 12), participants=room.capacity).pk


def test_a_booking_must_end_after_it_starts_on_the_same_day(room, civil_org, ombud):
    assert refusal(room, civil_org, ombud, at(3, 12), at(3, 12)) == "invalid"
    assert refusal(room, civil_org, ombud, at(3, 22), at(4, 1)) == "several_days"


def test_a_room_that_is_not_bookable_is_refused(room, civil_org, ombud):
    room.is_bookable = False
    room.save()

    assert refusal(room, civil_org, ombud, at(3, 10), at(3, 12)) == "not_bookable"


def test_a_sector_the_rules_exclude_cannot_book(room, city_org, city_employee):
    BookingRules.objects.create(venue=room.venue, city_may_book=False)

    with pytest.raises(PermissionDeniedError):
        book(room, city_org, city_employee, at(3, 10), at(3, 12))


def test_a_coordinator_may_book_outside_the_rules_but_not_in_the_past(room, civil_org):
    coordinator = factories.coordinator()
    BookingRules.objects.create(venue=room.venue, days_ahead=30)

    booking = book(room, civil_org, coordinator, at(200, 6), at(200, 23), enforce_rules=False)

    assert booking.booked_by == coordinator
    assert refusal(room, civil_org, coordinator, at(-1, 9), at(-1, 10), enforce_rules=False) == (
        "in_the_past"
    )


def test_only_a_coordinator_may_book_outside_the_rules(room, civil_org, ombud):
    with pytest.raises(PermissionDeniedError):
        book(room, civil_org, ombud, at(3, 10), at(3, 12), enforce_rules=False)
