"""What the booking and visitor services share: the venue's rules and calendar, and running a
check-then-write under a lock that serialises it against every other such write."""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.core import formatting
from samverkan.core.db import wait_while_sqlite_locked
from samverkan.venues.models import BookingRules, ClosedDay, Weekday


def serialised(operation):
    """Run `operation()` in a transaction in which no other serialised write can interleave.

    PostgreSQL: a plain transaction; the operation locks the row it serialises on (the room,
    with select_for_update), and the exclusion constraint is the last word.
    SQLite: settings open every transaction with BEGIN IMMEDIATE, which takes the database's
    write lock at the start, so the check and the insert that follow cannot interleave with
    another writer. When the lock is taken, a file database waits (its busy timeout); a
    shared-cache in-memory database (the test database) answers "database table is locked" at
    once, so the whole transaction is retried until it gets the lock. Nothing of a failed
    attempt remains: it is rolled back before the retry.
    """
    return wait_while_sqlite_locked(transaction.atomic()(operation))()


def rules_of(venue) -> BookingRules:
    """The venue's booking rules; the defaults of the model when none are recorded."""
    try:
        return venue.booking_rules
    except BookingRules.DoesNotExist:
        return BookingRules(venue=venue)


def format_time(value: datetime.datetime) -> str:
    return formatting.clock(value)


def format_day(value: datetime.date) -> str:
    """'3 mars' (in Swedish), with the year when it is not this year's date."""
    if value.year == timezone.localdate().year:
        return formatting.day_month(value)
    return formatting.long_date(value)


def hours_text(duration: datetime.timedelta) -> str:
    hours = duration.total_seconds() / 3600
    return f"{hours:g}"


@dataclass
class VenueCalendar:
    """A venue's opening hours by weekday and its closed days, read once for many dates."""

    venue: object
    hours: dict = field(default_factory=dict)  # weekday → (opens, closes)
    closed: dict = field(default_factory=dict)  # date → reason

    @classmethod
    def load(cls, venue, first: datetime.date, last: datetime.date) -> "VenueCalendar":
        hours = {h.weekday: (h.opens_at, h.closes_at) for h in venue.opening_hours.all()}
        closed = dict(
            ClosedDay.objects.filter(venue=venue, date__range=(first, last)).values_list(
                "date", "reason"
            )
        )
        return cls(venue=venue, hours=hours, closed=closed)

    def opening_on(self, day: datetime.date):
        """(opens, closes) on `day`, or None when closed."""
        if day in self.closed:
            return None
        return self.hours.get(day.weekday())

    def closed_reason(self, day: datetime.date) -> str:
        """Why the venue is closed on `day` (empty when it is open)."""
        if day in self.closed:
            reason = self.closed[day]
            if reason:
                return _("%(venue)s is closed on %(date)s (%(reason)s).") % {
                    "venue": self.venue.name,
                    "date": format_day(day),
                    "reason": reason,
                }
            return _("%(venue)s is closed on %(date)s.") % {
                "venue": self.venue.name,
                "date": format_day(day),
            }
        if day.weekday() not in self.hours:
            return _("%(venue)s is closed on %(weekday)s.") % {
                "venue": self.venue.name,
                "weekday": str(Weekday(day.weekday()).label).lower(),
            }
        return ""
