"""Booking a room and cancelling a booking.

`book_room` is the one way a booking is written (the pages, the admin, the demo's future
bookings, and the events app when it reserves a room for an event), so the rules and the
no-overlap guarantee hold for every caller.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.core import formatting
from samverkan.core.audit import log_action
from samverkan.core.exceptions import ApplicationError, ConflictError
from samverkan.core.permissions import person, require
from samverkan.venues import notifications, permissions
from samverkan.venues.models import Booking, Room
from samverkan.venues.services.common import (
    VenueCalendar,
    format_day,
    format_time,
    hours_text,
    rules_of,
    serialised,
)


def overlap_error(existing: Booking) -> ConflictError:
    """The refusal of a colliding booking, naming the time the room is already taken."""
    return ConflictError(
        _("The room is already booked %(start)s–%(end)s on %(date)s.")
        % {
            "start": format_time(existing.starts_at),
            "end": format_time(existing.ends_at),
            "date": format_day(timezone.localdate(existing.starts_at)),
        },
        code="room_taken",
        field="starts_at",
    )


def first_overlapping(room, starts_at, ends_at, *, exclude_pk=None) -> Booking | None:
    qs = Booking.objects.active().filter(room=room).overlapping(starts_at, ends_at)
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    return qs.order_by("starts_at").first()


def check_shape(*, room, starts_at, ends_at, expected_participants, purpose) -> None:
    """What holds for any booking, whatever the date: a bookable room, an interval, a purpose,
    a number of participants that fits."""
    if not room.is_bookable:
        raise ApplicationError(
            _("%(room)s cannot be booked.") % {"room": room.name}, code="not_bookable"
        )
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        raise ValueError("book_room needs aware datetimes")
    if ends_at <= starts_at:
        raise ApplicationError(
            _("A booking must end after it starts."), code="invalid", field="ends_at"
        )
    if not purpose.strip():
        raise ApplicationError(
            _("Tell us what the room is booked for."), code="invalid", field="purpose"
        )
    if expected_participants < 1:
        raise ApplicationError(
            _("A booking needs at least one participant."),
            code="invalid",
            field="expected_participants",
        )
    if expected_participants > room.capacity:
        raise ApplicationError(
            _("%(room)s has %(seats)s seats; %(expected)s participants do not fit.")
            % {"room": room.name, "seats": room.capacity, "expected": expected_participants},
            code="too_many_participants",
            field="expected_participants",
        )


def rule_problem(
    *, venue_rules, calendar: VenueCalendar, starts_at, ends_at, now, enforce_rules=True
) -> tuple[str, str, str] | None:
    """The first booking rule the interval breaks, as (message, code, field), or None.

    The past is always refused; the venue's rules (opening hours, closed days, longest booking,
    how far ahead, minimum notice) unless a coordinator books with `enforce_rules=False`.
    """
    if starts_at < now:
        return _("A booking cannot start in the past."), "in_the_past", "starts_at"
    if not enforce_rules:
        return None
    local_start, local_end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    day = local_start.date()
    if local_end.date() != day:
        return _("A booking must start and end on the same day."), "several_days", "ends_at"
    opening = calendar.opening_on(day)
    if opening is None:
        return calendar.closed_reason(day), "closed", "starts_at"
    opens, closes = opening
    if local_start.time() < opens or local_end.time() > closes:
        return (
            _(
                "%(venue)s is open %(opens)s–%(closes)s on that day; the booking must fit "
                "within the opening hours."
            )
            % {
                "venue": calendar.venue.name,
                "opens": formatting.clock(opens),
                "closes": formatting.clock(closes),
            },
            "outside_opening_hours",
            "starts_at",
        )
    if ends_at - starts_at > venue_rules.longest_booking:
        return (
            _("A booking may last at most %(hours)s hours.")
            % {"hours": hours_text(venue_rules.longest_booking)},
            "too_long",
            "ends_at",
        )
    if day > timezone.localtime(now).date() + datetime.timedelta(days=venue_rules.days_ahead):
        return (
            _("Rooms can be booked at most %(days)s days ahead.")
            % {"days": venue_rules.days_ahead},
            "too_far_ahead",
            "starts_at",
        )
    if starts_at - now < venue_rules.minimum_notice:
        return (
            _("A booking must be made at least %(hours)s hours before it starts.")
            % {"hours": hours_text(venue_rules.minimum_notice)},
            "too_short_notice",
            "starts_at",
        )
    return None


def lock_room(room) -> Room:
    """The room's row, locked until the transaction ends (PostgreSQL; a no-op on SQLite, where
    the transaction already holds the database's write lock)."""
    return (
        Room.objects.select_for_update(of=("self",))
        .select_related("venue__agreement")
        .get(pk=room.pk)
    )


def insert_booking(*, room, starts_at, ends_at, **fields) -> Booking:
    """Insert, with the overlap checked first; the exclusion constraint has the last word on
    PostgreSQL and its refusal reads the same as the check's."""
    existing = first_overlapping(room, starts_at, ends_at)
    if existing is not None:
        raise overlap_error(existing)
    try:
        with transaction.atomic():
            return Booking.objects.create(room=room, starts_at=starts_at, ends_at=ends_at, **fields)
    except IntegrityError as exc:
        existing = first_overlapping(room, starts_at, ends_at)
        if existing is None:
            raise
        raise overlap_error(existing) from exc


def require_booking_rights(by, organisation, venue_rules, *, enforce_rules: bool) -> None:
    """Raise PermissionDeniedError unless `by` may book for `organisation` at the venue, and
    outside its rules when `enforce_rules` is off."""
    require(by, permissions.can_book_for, organisation, venue_rules)
    if not enforce_rules:
        require(by, permissions.can_book_outside_rules)


def book_room(
    *,
    room,
    organisation,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    purpose: str,
    expected_participants: int,
    by,
    enforce_rules: bool = True,
    notify: bool = True,
) -> Booking:
    """Book `room` for `organisation` for [starts_at, ends_at).

    Guarantees: the person represents the organisation (or is a coordinator) and its sector may
    book at the venue; the booking follows the venue's rules; no other booking of the room that
    is not cancelled overlaps it, also when many requests arrive at once (the check and the
    insert run serialised, and PostgreSQL's exclusion constraint backs it). An audit entry is
    written in the same transaction and the confirmation e-mail is sent after commit.

    `enforce_rules=False` lets a coordinator book outside the opening hours and limits (an
    event planned far ahead); the past, the capacity and overlaps are refused all the same.

    Raises PermissionDeniedError (who), ApplicationError (a rule, with the field it concerns),
    ConflictError naming the time of the booking already there.
    """
    purpose = purpose.strip()

    def write() -> Booking:
        locked = lock_room(room)
        venue_rules = rules_of(locked.venue)
        require_booking_rights(by, organisation, venue_rules, enforce_rules=enforce_rules)
        check_shape(
            room=locked,
            starts_at=starts_at,
            ends_at=ends_at,
            expected_participants=expected_participants,
            purpose=purpose,
        )
        local_day = timezone.localtime(starts_at).date()
        calendar = VenueCalendar.load(locked.venue, local_day, local_day)
        problem = rule_problem(
            venue_rules=venue_rules,
            calendar=calendar,
            starts_at=starts_at,
            ends_at=ends_at,
            now=timezone.now(),
            enforce_rules=enforce_rules,
        )
        if problem is not None:
            message, code, field = problem
            raise ApplicationError(message, code=code, field=field)
        booking = insert_booking(
            room=locked,
            starts_at=starts_at,
            ends_at=ends_at,
            organisation=organisation,
            booked_by=person(by),
            purpose=purpose,
            expected_participants=expected_participants,
        )
        log_action(
            booking,
            "booking.created",
            by=by,
            data={
                "room": locked.slug,
                "organisation": organisation.slug,
                "starts_at": starts_at.isoformat(),
                "ends_at": ends_at.isoformat(),
            },
        )
        if notify:
            notifications.booking_confirmed(booking)
        return booking

    return serialised(write)


def cancel_booking(*, booking: Booking, by, notify: bool = True) -> Booking:
    """Cancel a booking that has not started; its slot is free again at once.

    Raises PermissionDeniedError for others than the organisation's representatives and the
    coordinators, ConflictError when it is already cancelled or has started.
    """

    def write() -> Booking:
        locked = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("room__venue__agreement", "organisation", "booked_by")
            .get(pk=booking.pk)
        )
        require(by, permissions.can_cancel_booking, locked)
        if locked.is_cancelled:
            raise ConflictError(_("The booking is already cancelled."), code="already_cancelled")
        if locked.starts_at <= timezone.now():
            raise ConflictError(
                _("A booking that has already started cannot be cancelled."), code="started"
            )
        locked.status = Booking.Status.CANCELLED
        locked.cancelled_at = timezone.now()
        locked.cancelled_by = person(by)
        locked.save(update_fields=["status", "cancelled_at", "cancelled_by"])
        log_action(locked, "booking.cancelled", by=by)
        if notify:
            notifications.booking_cancelled(locked, by=by)
        return locked

    return serialised(write)
