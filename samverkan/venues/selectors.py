"""Reads of the association centre, each in a fixed number of queries.

Availability is public and carries no personal data: only when a room is busy, never who
booked it or why.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, Sum
from django.db.models.functions import TruncMonth
from django.shortcuts import get_object_or_404
from django.utils import timezone

from samverkan.actors.models import Representation, Sector
from samverkan.core.bounds import date_in_range
from samverkan.venues import permissions
from samverkan.venues.models import Booking, BookingSeries, ClosedDay, Room, Venue, VisitorCount
from samverkan.venues.services.common import rules_of

UPCOMING_CLOSED_DAYS = 60  # days ahead the venue page lists closed days for


def aware(day: datetime.date, at: datetime.time = datetime.time.min) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, at))


def monday_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def parse_week(value: str | None) -> datetime.date:
    """The Monday of an ISO week written '2025-W10'; this week's when missing, invalid or outside
    the site's range of years."""
    if value:
        try:
            year, week = value.upper().split("-W")
            monday = datetime.date.fromisocalendar(int(year), int(week), 1)
        except ValueError:
            pass
        else:
            if date_in_range(monday):
                return monday
    return monday_of(timezone.localdate())


def week_param(monday: datetime.date) -> str:
    year, week, _day = monday.isocalendar()
    return f"{year}-W{week:02d}"


# ---------------------------------------------------------------------------------------------
# Venues and rooms
# ---------------------------------------------------------------------------------------------


def venues_of(agreement):
    return (
        Venue.objects.filter(agreement=agreement)
        .select_related("agreement")  # for each venue's address (get_absolute_url)
        .prefetch_related(Prefetch("rooms", queryset=Room.objects.order_by("name")))
        .order_by("name")
    )


def get_venue(agreement, slug: str) -> Venue:
    return get_object_or_404(
        Venue.objects.select_related("agreement", "booking_rules"), agreement=agreement, slug=slug
    )


def get_room(agreement, venue_slug: str, room_slug: str) -> Room:
    return get_object_or_404(
        Room.objects.select_related("venue__agreement", "venue__booking_rules"),
        venue__agreement=agreement,
        venue__slug=venue_slug,
        slug=room_slug,
    )


def venue_page_data(venue: Venue) -> dict:
    today = timezone.localdate()
    return {
        "venue": venue,
        "rooms": list(venue.rooms.order_by("name")),
        "opening_hours": list(venue.opening_hours.order_by("weekday")),
        "closed_days": list(
            ClosedDay.objects.filter(
                venue=venue,
                date__range=(today, today + datetime.timedelta(days=UPCOMING_CLOSED_DAYS)),
            ).order_by("date")
        ),
        "rules": rules_of(venue),
    }


# ---------------------------------------------------------------------------------------------
# Availability: busy intervals only
# ---------------------------------------------------------------------------------------------


@dataclass
class Interval:
    starts_at: datetime.datetime
    ends_at: datetime.datetime

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at)


@dataclass
class DayAvailability:
    date: datetime.date
    opens: datetime.time | None = None
    closes: datetime.time | None = None
    is_closed_day: bool = False  # a holiday, although the weekday has opening hours
    closed_reason: str = ""
    busy: list[Interval] = field(default_factory=list)
    free: list[Interval] = field(default_factory=list)
    slots: list["Slot"] = field(default_factory=list)  # filled in by choosable_slots' caller

    @property
    def is_open(self) -> bool:
        return self.opens is not None

    @property
    def is_today(self) -> bool:
        return self.date == timezone.localdate()


def busy_intervals(room, starts_at, ends_at) -> list[Interval]:
    """When the room is taken between `starts_at` and `ends_at`: adjacent and overlapping
    bookings merged, so nothing tells how many bookings or whose they are."""
    rows = (
        Booking.objects.active()
        .filter(room=room)
        .overlapping(starts_at, ends_at)
        .order_by("starts_at")
        .values_list("starts_at", "ends_at")
    )
    merged: list[Interval] = []
    for start, end in rows:
        if merged and start <= merged[-1].ends_at:
            merged[-1].ends_at = max(merged[-1].ends_at, end)
        else:
            merged.append(Interval(start, end))
    return merged


def _free_between(opens_at, closes_at, busy: list[Interval]) -> list[Interval]:
    free, cursor = [], opens_at
    for interval in busy:
        if interval.starts_at > cursor:
            free.append(Interval(cursor, min(interval.starts_at, closes_at)))
        cursor = max(cursor, interval.ends_at)
        if cursor >= closes_at:
            break
    if cursor < closes_at:
        free.append(Interval(cursor, closes_at))
    return [i for i in free if i.ends_at > i.starts_at]


def availability(room, first: datetime.date, days: int) -> list[DayAvailability]:
    """Day by day from `first`: opening hours, busy and free intervals. Three queries."""
    last = first + datetime.timedelta(days=days - 1)
    hours = {h.weekday: (h.opens_at, h.closes_at) for h in room.venue.opening_hours.all()}
    closed = dict(
        ClosedDay.objects.filter(venue=room.venue, date__range=(first, last)).values_list(
            "date", "reason"
        )
    )
    busy = busy_intervals(room, aware(first), aware(last + datetime.timedelta(days=1)))
    result = []
    for offset in range(days):
        day = first + datetime.timedelta(days=offset)
        start_of_day, end_of_day = aware(day), aware(day + datetime.timedelta(days=1))
        entry = DayAvailability(
            date=day,
            busy=[
                Interval(max(i.starts_at, start_of_day), min(i.ends_at, end_of_day))
                for i in busy
                if i.starts_at < end_of_day and i.ends_at > start_of_day
            ],
        )
        if day in closed:
            entry.is_closed_day, entry.closed_reason = True, closed[day]
        elif day.weekday() in hours:
            entry.opens, entry.closes = hours[day.weekday()]
            entry.free = _free_between(
                aware(day, entry.opens), aware(day, entry.closes), entry.busy
            )
        result.append(entry)
    return result


@dataclass
class Slot:
    """A stretch of a day's opening hours that is wholly busy or wholly free. A free one can be
    chosen when the booking rules still let it be booked: not begun, not too soon, not too far
    ahead."""

    starts_at: datetime.datetime
    ends_at: datetime.datetime
    is_busy: bool
    has_begun: bool = False
    can_be_chosen: bool = False
    href: str = ""  # where choosing it leads; set by the page


def choosable_slots(day: DayAvailability, venue_rules, now: datetime.datetime) -> list[Slot]:
    """The day's opening hours as slots to choose from: each busy interval as one slot (when,
    never whose), the free time cut at every whole hour."""
    if not day.is_open:
        return []
    earliest = now + venue_rules.minimum_notice
    latest_day = timezone.localtime(now).date() + datetime.timedelta(days=venue_rules.days_ahead)
    slots = [Slot(i.starts_at, i.ends_at, is_busy=True) for i in day.busy]
    for interval in day.free:
        cursor = interval.starts_at
        while cursor < interval.ends_at:
            local = timezone.localtime(cursor)
            next_hour = local.replace(minute=0, second=0, microsecond=0) + datetime.timedelta(
                hours=1
            )
            end = min(next_hour, interval.ends_at)
            slots.append(
                Slot(
                    cursor,
                    end,
                    is_busy=False,
                    has_begun=cursor < now,
                    can_be_chosen=cursor >= earliest and day.date <= latest_day,
                )
            )
            cursor = end
    opens, closes = aware(day.date, day.opens), aware(day.date, day.closes)
    return sorted(
        (s for s in slots if s.ends_at > opens and s.starts_at < closes),
        key=lambda s: s.starts_at,
    )


# ---------------------------------------------------------------------------------------------
# Bookings of one's organisations
# ---------------------------------------------------------------------------------------------


def bookings_for(user, agreement, *, upcoming: bool = True):
    """The bookings of the organisations the person represents (a coordinator: all), coming
    ones first by date or past ones latest first, without their related rows: a coordinator's
    list holds every booking of the agreement, so it is counted and ordered on the bookings
    table alone (the index booking_end_start) and only a page of it is loaded with its room,
    venue and organisation (`with_details`)."""
    qs = Booking.objects.filter(room__in=Room.objects.filter(venue__agreement=agreement))
    if not permissions.can_see_all_bookings(user)[0]:
        represented = Representation.objects.confirmed().filter(user=user).values("organisation")
        qs = qs.filter(organisation__in=represented)
    now = timezone.now()
    if upcoming:
        return qs.filter(ends_at__gt=now).order_by("starts_at", "pk")
    return qs.filter(ends_at__lte=now).order_by("-starts_at", "-pk")


def with_details(page_of_bookings) -> list[Booking]:
    """A page of `bookings_for` (a sliced query, not yet run), in its order, with what the list
    (venues/my_bookings.html) shows; one query, which joins the page's rows only."""
    return list(
        Booking.objects.select_related("room__venue", "organisation")
        .only(
            *("starts_at", "ends_at", "purpose", "status", "series_id"),
            *("room__name", "room__venue__name", "organisation__name"),
        )
        .filter(pk__in=page_of_bookings.only("pk"))
        .order_by(*page_of_bookings.query.order_by)
    )


def get_booking(agreement, pk: int) -> Booking:
    return get_object_or_404(
        Booking.objects.select_related(
            "room__venue__agreement", "organisation", "series", "booked_by", "cancelled_by"
        ),
        room__venue__agreement=agreement,
        pk=pk,
    )


def get_series(agreement, pk: int) -> BookingSeries:
    return get_object_or_404(
        BookingSeries.objects.select_related(
            "room__venue__agreement", "organisation", "booked_by"
        ).prefetch_related(Prefetch("bookings", queryset=Booking.objects.order_by("starts_at"))),
        room__venue__agreement=agreement,
        pk=pk,
    )


# ---------------------------------------------------------------------------------------------
# Figures: visitors, meetings held, bookings by sector and room (aggregates only)
# ---------------------------------------------------------------------------------------------


@dataclass
class MonthFigures:
    first_day: datetime.date
    visitors: int
    days_counted: int
    meetings: int


@dataclass
class WeekFigures:
    year: int
    week: int
    visitors: int


@dataclass
class Figures:
    venue: Venue
    year: int
    visitors: int
    days_in_period: int
    days_counted: int
    months: list[MonthFigures]
    weeks: list[WeekFigures]
    meetings: int
    by_sector: list[dict]
    by_room: list[dict]

    @property
    def weeks_in_period(self) -> float:
        return self.days_in_period / 7

    @property
    def visitors_per_week(self) -> int:
        """The year's visitors divided by its weeks (up to today in the current year)."""
        if not self.days_in_period:
            return 0
        return round(self.visitors / self.weeks_in_period)


SECTOR_LABELS = dict(Sector.choices)


def figures(venue: Venue, year: int, *, now=None) -> Figures:
    """The centre's figures of one year in five queries: daily visitor counts, meetings held
    per month, by sector and by room. A meeting held is a booking not cancelled that has
    ended; the year's visitors per week are its visitors over its weeks (in the current year,
    the weeks up to today)."""
    now = now or timezone.now()
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    today = timezone.localdate(now)
    period_end = min(last, today)
    days_in_period = max((period_end - first).days + 1, 0)

    counts = list(
        VisitorCount.objects.filter(venue=venue, date__range=(first, last)).values_list(
            "date", "visitors"
        )
    )
    month_visitors, month_days, week_visitors = defaultdict(int), defaultdict(int), defaultdict(int)
    for day, visitors in counts:
        month_visitors[day.month] += visitors
        month_days[day.month] += 1
        iso_year, iso_week, _day = day.isocalendar()
        week_visitors[(iso_year, iso_week)] += visitors

    year_start, next_year = aware(first), aware(datetime.date(year + 1, 1, 1))
    held = Booking.objects.held(now=now).filter(
        room__venue=venue, starts_at__gte=year_start, starts_at__lt=next_year
    )
    month_meetings = defaultdict(int)
    for row in (
        held.annotate(month=TruncMonth("starts_at"))
        .values("month")
        .annotate(meetings=Count("pk"))
        .order_by()
    ):
        month_meetings[row["month"].month] += row["meetings"]
    by_sector = [
        {
            "sector": row["organisation__sector"],
            "label": SECTOR_LABELS.get(row["organisation__sector"], row["organisation__sector"]),
            "meetings": row["meetings"],
        }
        for row in held.values("organisation__sector")
        .annotate(meetings=Count("pk"))
        .order_by("-meetings", "organisation__sector")
    ]
    held_here = Q(
        bookings__status=Booking.Status.CONFIRMED,
        bookings__ends_at__lte=now,
        bookings__starts_at__gte=year_start,
        bookings__starts_at__lt=next_year,
    )
    by_room = list(
        Room.objects.filter(venue=venue)
        .annotate(
            meetings=Count("bookings", filter=held_here),
            participants=Sum("bookings__expected_participants", filter=held_here),
        )
        .order_by("-meetings", "name")
        .values("name", "slug", "capacity", "meetings", "participants")
    )
    return Figures(
        venue=venue,
        year=year,
        visitors=sum(month_visitors.values()),
        days_in_period=days_in_period,
        days_counted=len(counts),
        months=[
            MonthFigures(
                datetime.date(year, m, 1), month_visitors[m], month_days[m], month_meetings[m]
            )
            for m in range(1, 13)
            if datetime.date(year, m, 1) <= max(period_end, first)
        ],
        weeks=[WeekFigures(y, w, v) for (y, w), v in sorted(week_visitors.items())],
        meetings=sum(month_meetings.values()),
        by_sector=by_sector,
        by_room=by_room,
    )
