"""Two bookings of one room never overlap; the refusal names the time already booked. Adjacent
bookings are fine and a cancelled booking frees its slot."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from samverkan.core.exceptions import ConflictError
from samverkan.venues import services
from samverkan.venues.models import Booking
from samverkan.venues.services import booking as booking_service
from tests import factories
from tests.venues.factories import BookingFactory, RoomFactory, at

pytestmark = pytest.mark.django_db


def book(room, organisation, by, starts_at, ends_at):
    return services.book_room(
        room=room,
        organisation=organisation,
        starts_at=starts_at,
        ends_at=ends_at,
        purpose="Medlemsmöte",
        expected_participants=5,
        by=by,
    )


def test_an_overlapping_booking_is_refused_naming_the_existing_time(room, civil_org, ombud):
    book(room, civil_org, ombud, at(3, 14), at(3, 16))
    other = factories.OrganisationFactory()

    with pytest.raises(ConflictError) as caught:
        book(room, other, factories.representative(other), at(3, 15), at(3, 17))

    day = date_format(timezone.localdate() + timezone.timedelta(days=3), "j F")
    assert "14:00–16:00" in str(caught.value.message)
    assert day in str(caught.value.message)
    assert caught.value.code == "room_taken"
    assert Booking.objects.count() == 1


@pytest.mark.parametrize(
    ("start", "end"),
    [((13, 0), (14, 30)), ((15, 0), (15, 30)), ((13, 0), (17, 0)), ((14, 0), (16, 0))],
    ids=["overlaps-start", "inside", "around", "same"],
)
def test_every_kind_of_overlap_is_refused(room, civil_org, ombud, start, end):
    book(room, civil_org, ombud, at(3, 14), at(3, 16))

    with pytest.raises(ConflictError):
        book(room, civil_org, ombud, at(3, *start), at(3, *end))


def test_a_booking_may_start_when_the_previous_one_ends(room, civil_org, ombud):
    book(room, civil_org, ombud, at(3, 14), at(3, 16))

    book(room, civil_org, ombud, at(3, 16), at(3, 18))
    book(room, civil_org, ombud, at(3, 12), at(3, 14))

    assert Booking.objects.count() == 3


def test_another_room_at_the_same_time_is_free(room, civil_org, ombud):
    other_room = RoomFactory(venue=room.venue)
    book(room, civil_org, ombud, at(3, 14), at(3, 16))

    assert book(other_room, civil_org, ombud, at(3, 14), at(3, 16)).room == other_room


def test_a_cancelled_booking_frees_its_slot(room, civil_org, ombud):
    first = book(room, civil_org, ombud, at(3, 14), at(3, 16))
    services.cancel_booking(booking=first, by=ombud)

    second = book(room, civil_org, ombud, at(3, 14), at(3, 16))

    assert second.status == Booking.Status.CONFIRMED
    assert Booking.objects.active().get() == second


@pytest.mark.postgres
def test_postgresql_refuses_an_overlap_written_past_the_service(room, civil_org):
    BookingFactory(room=room, organisation=civil_org, starts_at=at(3, 14), ends_at=at(3, 16))

    with pytest.raises(IntegrityError), transaction.atomic():
        BookingFactory(room=room, organisation=civil_org, starts_at=at(3, 15), ends_at=at(3, 17))
    BookingFactory(room=room, organisation=civil_org, starts_at=at(3, 16), ends_at=at(3, 17))
    BookingFactory(
        room=room,
        organisation=civil_org,
        starts_at=at(3, 14),
        ends_at=at(3, 16),
        status=Booking.Status.CANCELLED,
    )


@pytest.mark.postgres
def test_the_constraints_refusal_reads_as_the_checks(room, civil_org, ombud, monkeypatch):
    """When the check misses a booking (one written past the service), the exclusion constraint
    refuses the insert and the service gives the same ConflictError."""
    book(room, civil_org, ombud, at(3, 14), at(3, 16))
    real = booking_service.first_overlapping
    calls = []

    def miss_once(*args, **kwargs):
        calls.append(1)
        return None if len(calls) == 1 else real(*args, **kwargs)

    monkeypatch.setattr(booking_service, "first_overlapping", miss_once)

    with pytest.raises(ConflictError) as caught:
        book(room, civil_org, ombud, at(3, 15), at(3, 17))

    assert "14:00–16:00" in str(caught.value.message)
    assert len(calls) == 2
