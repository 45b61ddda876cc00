"""Weekly series: the same room and time every week from one date to another.

`plan_weekly_series` tells, without writing, which dates are free and which are not (and why);
`book_weekly_series` books every free date and keeps the others as the series' report. A series
is cancelled as a whole (its coming bookings) or date by date (`cancel_booking`).
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.core.audit import log_action
from samverkan.core.exceptions import ApplicationError, ConflictError
from samverkan.core.permissions import person, require
from samverkan.venues import notifications, permissions
from samverkan.venues.models import Booking, BookingSeries
from samverkan.venues.services.booking import (
    check_shape,
    insert_booking,
    lock_room,
    overlap_error,
    require_booking_rights,
    rule_problem,
)
from samverkan.venues.services.common import VenueCalendar, rules_of, serialised

LONGEST_SERIES = datetime.timedelta(days=366)
WEEK = datetime.timedelta(days=7)


@dataclass
class SeriesDate:
    date: datetime.date
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    problem: str = ""  # why the date cannot be booked; empty when it is free

    @property
    def is_free(self) -> bool:
        return not self.problem


@dataclass
class SeriesPlan:
    dates: list[SeriesDate]

    @property
    def free(self) -> list[SeriesDate]:
        return [d for d in self.dates if d.is_free]

    @property
    def taken(self) -> list[SeriesDate]:
        return [d for d in self.dates if not d.is_free]


def _aware(day: datetime.date, at: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, at))


def _plan(
    *,
    room,
    organisation,
    first_date,
    last_date,
    starts_at,
    ends_at,
    purpose,
    expected_participants,
    by,
    enforce_rules,
) -> SeriesPlan:
    venue_rules = rules_of(room.venue)
    require_booking_rights(by, organisation, venue_rules, enforce_rules=enforce_rules)
    if last_date < first_date:
        raise ApplicationError(
            _("The last date of a series cannot be before its first."),
            code="invalid",
            field="last_date",
        )
    if last_date - first_date > LONGEST_SERIES:
        raise ApplicationError(
            _("A series can run for at most one year."), code="invalid", field="last_date"
        )
    if ends_at <= starts_at:
        raise ApplicationError(
            _("A booking must end after it starts."), code="invalid", field="ends_at"
        )
    days = []
    day = first_date
    while day <= last_date:
        days.append(day)
        day += WEEK
    dates = [SeriesDate(d, _aware(d, starts_at), _aware(d, ends_at)) for d in days]
    check_shape(
        room=room,
        starts_at=dates[0].starts_at,
        ends_at=dates[0].ends_at,
        expected_participants=expected_participants,
        purpose=purpose,
    )
    calendar = VenueCalendar.load(room.venue, first_date, last_date)
    taken = list(
        Booking.objects.active()
        .filter(room=room)
        .overlapping(dates[0].starts_at, dates[-1].ends_at)
        .order_by("starts_at")
    )
    now = timezone.now()
    for entry in dates:
        problem = rule_problem(
            venue_rules=venue_rules,
            calendar=calendar,
            starts_at=entry.starts_at,
            ends_at=entry.ends_at,
            now=now,
            enforce_rules=enforce_rules,
        )
        if problem is not None:
            entry.problem = problem[0]
            continue
        clash = next(
            (b for b in taken if b.starts_at < entry.ends_at and b.ends_at > entry.starts_at),
            None,
        )
        if clash is not None:
            entry.problem = str(overlap_error(clash).message)
    return SeriesPlan(dates=dates)


def plan_weekly_series(
    *,
    room,
    organisation,
    first_date: datetime.date,
    last_date: datetime.date,
    starts_at: datetime.time,
    ends_at: datetime.time,
    purpose: str,
    expected_participants: int,
    by,
    enforce_rules: bool = True,
) -> SeriesPlan:
    """Which dates of a weekly series (the weekday of `first_date`, every week up to and
    including `last_date`) can be booked, and why the others cannot. Writes nothing.

    Raises what `book_room` raises for the series as a whole (who, capacity, times).
    """
    return _plan(
        room=room,
        organisation=organisation,
        first_date=first_date,
        last_date=last_date,
        starts_at=starts_at,
        ends_at=ends_at,
        purpose=purpose.strip(),
        expected_participants=expected_participants,
        by=by,
        enforce_rules=enforce_rules,
    )


def book_weekly_series(
    *,
    room,
    organisation,
    first_date: datetime.date,
    last_date: datetime.date,
    starts_at: datetime.time,
    ends_at: datetime.time,
    purpose: str,
    expected_participants: int,
    by,
    enforce_rules: bool = True,
    notify: bool = True,
) -> tuple[BookingSeries, SeriesPlan]:
    """Book every free date of a weekly series at once and keep the others, with the reason,
    in the series' report (`BookingSeries.skipped`). The dates are planned and booked in one
    serialised transaction, so the report is true when it is returned.

    Raises what `plan_weekly_series` raises, and ConflictError when no date is free.
    """
    purpose = purpose.strip()

    def write():
        locked = lock_room(room)
        plan = _plan(
            room=locked,
            organisation=organisation,
            first_date=first_date,
            last_date=last_date,
            starts_at=starts_at,
            ends_at=ends_at,
            purpose=purpose,
            expected_participants=expected_participants,
            by=by,
            enforce_rules=enforce_rules,
        )
        if not plan.free:
            raise ConflictError(
                _("None of the dates of the series can be booked."), code="no_free_date"
            )
        booker = person(by)
        series = BookingSeries.objects.create(
            room=locked,
            organisation=organisation,
            booked_by=booker,
            first_date=first_date,
            last_date=last_date,
            starts_at=starts_at,
            ends_at=ends_at,
            purpose=purpose,
            expected_participants=expected_participants,
            skipped=[{"date": d.date.isoformat(), "reason": d.problem} for d in plan.taken],
        )
        for entry in plan.free:
            insert_booking(
                room=locked,
                starts_at=entry.starts_at,
                ends_at=entry.ends_at,
                organisation=organisation,
                booked_by=booker,
                series=series,
                purpose=purpose,
                expected_participants=expected_participants,
            )
        log_action(
            series,
            "booking_series.created",
            by=by,
            data={
                "room": locked.slug,
                "organisation": organisation.slug,
                "booked": [d.date.isoformat() for d in plan.free],
                "skipped": series.skipped,
            },
        )
        if notify:
            notifications.series_confirmed(series, plan)
        return series, plan

    return serialised(write)


def cancel_series(*, series: BookingSeries, by, notify: bool = True) -> int:
    """Cancel every booking of the series that has not started; the series is marked
    cancelled. Returns how many bookings were cancelled.

    Raises PermissionDeniedError as `cancel_booking` does, ConflictError when nothing is left
    to cancel.
    """

    def write() -> int:
        locked = (
            BookingSeries.objects.select_for_update(of=("self",))
            .select_related("room__venue__agreement", "organisation", "booked_by")
            .get(pk=series.pk)
        )
        require(by, permissions.can_cancel_booking, locked)
        now = timezone.now()
        coming = Booking.objects.active().filter(series=locked, starts_at__gt=now)
        count = coming.update(
            status=Booking.Status.CANCELLED,
            cancelled_at=now,
            cancelled_by=person(by),
        )
        if not count:
            raise ConflictError(
                _("The series has no coming bookings left to cancel."), code="nothing_to_cancel"
            )
        locked.cancelled_at = now
        locked.save(update_fields=["cancelled_at"])
        log_action(locked, "booking_series.cancelled", by=by, data={"bookings": count})
        if notify:
            notifications.series_cancelled(locked, count=count, by=by)
        return count

    return serialised(write)
