"""The association centre as open data: venues, rooms, opening hours, booking rules, when rooms
are busy, and the centre's figures. Read-only.

No personal data: availability gives busy intervals only (merged, so not even the number of
bookings shows), never who booked or why; figures are aggregates.
"""

import datetime

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Field, Query, Router, Schema

from samverkan.agreements.models import Agreement
from samverkan.core.bounds import date_in_range, date_out_of_range_message
from samverkan.core.exceptions import ApplicationError
from samverkan.venues import selectors
from samverkan.venues.models import OpeningHours, Room, Venue
from samverkan.venues.services.common import rules_of

router = Router(tags=["association centre"])

LONGEST_AVAILABILITY_RANGE = datetime.timedelta(days=62)


class RoomOut(Schema):
    slug: str
    name: str
    capacity: int = Field(..., description="Seats")
    equipment: str
    accessibility_notes: str
    is_bookable: bool
    url: str = Field(..., alias="get_absolute_url")


class OpeningHoursOut(Schema):
    weekday: int = Field(..., description="0 = Monday … 6 = Sunday")
    weekday_label: str = Field(..., alias="get_weekday_display")
    opens_at: datetime.time
    closes_at: datetime.time


class BookingRulesOut(Schema):
    longest_booking_minutes: int
    days_ahead: int
    minimum_notice_minutes: int
    civil_society_may_book: bool
    city_may_book: bool


class VenueOut(Schema):
    agreement: str = Field(..., alias="agreement.slug")
    slug: str
    name: str
    street_address: str
    postal_code: str
    city: str
    url: str = Field(..., alias="get_absolute_url")
    rooms: list[RoomOut]


class VenueDetailOut(VenueOut):
    description: str
    accessibility: str
    opening_hours: list[OpeningHoursOut]
    booking_rules: BookingRulesOut = Field(..., alias="rules_out")


class BusyOut(Schema):
    starts_at: datetime.datetime
    ends_at: datetime.datetime


class AvailabilityOut(Schema):
    venue: str
    room: str
    first_day: datetime.date
    last_day: datetime.date
    busy: list[BusyOut]


class MonthOut(Schema):
    month: int
    visitors: int
    days_counted: int
    meetings: int


class SectorOut(Schema):
    sector: str
    label: str
    meetings: int


class RoomFiguresOut(Schema):
    slug: str
    name: str
    meetings: int
    expected_participants: int


class VisitorFiguresOut(Schema):
    venue: str
    year: int
    visitors: int
    visitors_per_week: int = Field(
        ..., description="The year's visitors over its weeks (this year: the weeks so far)"
    )
    days_counted: int
    meetings_held: int = Field(..., description="Bookings not cancelled that have ended")
    months: list[MonthOut]
    by_sector: list[SectorOut]
    by_room: list[RoomFiguresOut]


class AgreementQuery(Schema):
    agreement: str | None = Field(None, description="Slug of an agreement, e.g. malmoandan")


class AvailabilityQuery(AgreementQuery):
    from_date: datetime.date | None = Field(
        None, alias="from", description="First day (default today)"
    )
    to_date: datetime.date | None = Field(
        None, alias="to", description="Last day, at most 62 days after the first (default +6)"
    )


class FiguresQuery(AgreementQuery):
    year: int | None = Field(None, ge=2000, le=2100, description="Default this year")


def _venues(agreement_slug: str | None):
    qs = Venue.objects.select_related("agreement").order_by("agreement__slug", "name")
    if agreement_slug:
        agreement = Agreement.objects.filter(slug=agreement_slug).first()
        if agreement is None:
            raise Http404
        qs = qs.filter(agreement=agreement)
    return qs


def _venue(slug: str, agreement_slug: str | None, *, detail: bool = False) -> Venue:
    """A venue by slug; without an agreement, the primary agreement's comes first."""
    qs = _venues(agreement_slug).filter(slug=slug).order_by("-agreement__is_primary", "pk")
    if detail:
        qs = qs.select_related("booking_rules").prefetch_related(
            Prefetch("rooms", queryset=Room.objects.order_by("name")),
            Prefetch("opening_hours", queryset=OpeningHours.objects.order_by("weekday")),
        )
    venue = qs.first()
    if venue is None:
        raise Http404
    return venue


@router.get(
    "/venues",
    response=list[VenueOut],
    summary=gettext_noop("Meeting places and their rooms"),
    url_name="venues",
)
def list_venues(request, filters: Query[AgreementQuery]):
    return _venues(filters.agreement).prefetch_related(
        Prefetch("rooms", queryset=Room.objects.order_by("name"))
    )


@router.get(
    "/venues/{slug}",
    response=VenueDetailOut,
    summary=gettext_noop("A meeting place: rooms, opening hours and booking rules"),
    url_name="venue",
)
def get_venue(request, slug: str, filters: Query[AgreementQuery]):
    venue = _venue(slug, filters.agreement, detail=True)
    venue_rules = rules_of(venue)
    venue.rules_out = {
        "longest_booking_minutes": int(venue_rules.longest_booking.total_seconds() // 60),
        "days_ahead": venue_rules.days_ahead,
        "minimum_notice_minutes": int(venue_rules.minimum_notice.total_seconds() // 60),
        "civil_society_may_book": venue_rules.civil_society_may_book,
        "city_may_book": venue_rules.city_may_book,
    }
    return venue


@router.get(
    "/rooms/{venue}/{room}/availability",
    response=AvailabilityOut,
    summary=gettext_noop("When a room is busy (busy intervals only; no personal data)"),
    url_name="room_availability",
)
def room_availability(request, venue: str, room: str, filters: Query[AvailabilityQuery]):
    for name, day in (("from", filters.from_date), ("to", filters.to_date)):
        if not date_in_range(day):
            message = date_out_of_range_message()
            raise ApplicationError(message, code="date_out_of_range", field=name)
    first = filters.from_date or timezone.localdate()
    last = filters.to_date or first + datetime.timedelta(days=6)
    if last < first:
        raise ApplicationError(
            _("The last day cannot be before the first."), code="invalid_range", field="to"
        )
    if last - first > LONGEST_AVAILABILITY_RANGE:
        raise ApplicationError(
            _("Ask for at most %(days)s days at a time.")
            % {"days": LONGEST_AVAILABILITY_RANGE.days + 1},
            code="invalid_range",
            field="to",
        )
    the_venue = _venue(venue, filters.agreement)
    the_room = Room.objects.filter(venue=the_venue, slug=room).first()
    if the_room is None:
        raise Http404
    busy = selectors.busy_intervals(
        the_room,
        selectors.aware(first),
        selectors.aware(last + datetime.timedelta(days=1)),
    )
    return {
        "venue": the_venue.slug,
        "room": the_room.slug,
        "first_day": first,
        "last_day": last,
        "busy": [{"starts_at": i.starts_at, "ends_at": i.ends_at} for i in busy],
    }


@router.get(
    "/venues/{slug}/figures",
    response=VisitorFiguresOut,
    summary=gettext_noop(
        "A meeting place's figures of a year: visitors, meetings, by sector and room"
    ),
    url_name="venue_figures",
)
def venue_figures(request, slug: str, filters: Query[FiguresQuery]):
    venue = _venue(slug, filters.agreement)
    data = selectors.figures(venue, filters.year or timezone.localdate().year)
    return {
        "venue": venue.slug,
        "year": data.year,
        "visitors": data.visitors,
        "visitors_per_week": data.visitors_per_week,
        "days_counted": data.days_counted,
        "meetings_held": data.meetings,
        "months": [
            {
                "month": m.first_day.month,
                "visitors": m.visitors,
                "days_counted": m.days_counted,
                "meetings": m.meetings,
            }
            for m in data.months
        ],
        "by_sector": [
            {"sector": r["sector"], "label": str(r["label"]), "meetings": r["meetings"]}
            for r in data.by_sector
        ],
        "by_room": [
            {
                "slug": r["slug"],
                "name": r["name"],
                "meetings": r["meetings"],
                "expected_participants": r["participants"] or 0,
            }
            for r in data.by_room
        ],
    }
