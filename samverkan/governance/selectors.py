"""Reads of bodies, meetings and decisions that need thought, each in a fixed number of queries."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samverkan.areas.models import FocusAreaProposal
from samverkan.governance.models import (
    AgendaItem,
    Attendance,
    Body,
    Meeting,
    Membership,
    MinutesParagraph,
    Seat,
    Statement,
)


def meeting_day(meeting: Meeting) -> datetime.date:
    """The meeting's date in local time: it decides the year of its paragraphs."""
    return timezone.localtime(meeting.starts_at).date()


def memberships_on(body: Body, on: datetime.date | None = None) -> QuerySet:
    """The body's memberships running on `on` (today): voting first, city before civil."""
    day = on or timezone.localdate()
    return (
        Membership.objects.filter(body=body, starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .select_related("user", "organisation")
        .order_by("-role", "seat", "-is_chair", "user__last_name", "user__first_name", "pk")
    )


@dataclass(frozen=True)
class Composition:
    """How a body is made up on a date, against its seats."""

    voting_city: int
    voting_civil: int
    adjoined: int
    city_seats: int | None
    civil_seats: int | None
    missing: list[str] = field(default_factory=list)

    @property
    def voting(self) -> int:
        return self.voting_city + self.voting_civil

    @property
    def has_fixed_composition(self) -> bool:
        return self.city_seats is not None or self.civil_seats is not None

    @property
    def voting_seats(self) -> int | None:
        if not self.has_fixed_composition:
            return None
        return (self.city_seats or 0) + (self.civil_seats or 0)

    @property
    def is_complete(self) -> bool:
        return not self.missing


def composition(body: Body, on: datetime.date | None = None, *, memberships=None) -> Composition:
    """Counts of the voting members per side and of the adjoined on `on` (today), whether the
    body is complete against its seats, and what is missing or too many, in Swedish.

    `memberships` may be the body's memberships on that date when the caller has them already.
    A body without seat numbers (e.g. a working group) is complete as it is.
    """
    if memberships is None:
        memberships = list(memberships_on(body, on))
    voting_city = sum(1 for m in memberships if m.is_voting and m.seat == Seat.CITY)
    voting_civil = sum(1 for m in memberships if m.is_voting and m.seat == Seat.CIVIL_SOCIETY)
    adjoined = sum(1 for m in memberships if not m.is_voting)
    missing = []
    for seats, count, side in (
        (body.city_voting_seats, voting_city, Seat.CITY),
        (body.civil_voting_seats, voting_civil, Seat.CIVIL_SOCIETY),
    ):
        if seats is None:
            continue
        if count < seats:
            gap = seats - count
            if side == Seat.CITY:
                text = ngettext(
                    "%(count)d voting member for the city is missing (%(seats)d seats).",
                    "%(count)d voting members for the city are missing (%(seats)d seats).",
                    gap,
                )
            else:
                text = ngettext(
                    "%(count)d voting member for the non-profit sector is missing "
                    "(%(seats)d seats).",
                    "%(count)d voting members for the non-profit sector are missing "
                    "(%(seats)d seats).",
                    gap,
                )
            missing.append(text % {"count": gap, "seats": seats})
        elif count > seats:
            text = _("%(count)d voting members for %(side)s, but only %(seats)d seats.")
            missing.append(text % {"count": count, "side": side.label, "seats": seats})
    return Composition(
        voting_city=voting_city,
        voting_civil=voting_civil,
        adjoined=adjoined,
        city_seats=body.city_voting_seats,
        civil_seats=body.civil_voting_seats,
        missing=missing,
    )


def quorum_required(body: Body, on: datetime.date | None = None, *, voting_members=None) -> int:
    """How many voting members must be present: the body's `quorum`, otherwise more than half of
    its voting members: of its voting seats when it has a fixed composition (a vacant seat still
    counts), else of the voting members on `on`."""
    if body.quorum:
        return body.quorum
    seats = (body.city_voting_seats or 0) + (body.civil_voting_seats or 0)
    if body.city_voting_seats is None and body.civil_voting_seats is None:
        if voting_members is None:
            voting_members = memberships_on(body, on).filter(role=Membership.Role.VOTING).count()
        seats = voting_members
    return seats // 2 + 1


@dataclass(frozen=True)
class Quorum:
    present: int
    required: int

    @property
    def is_quorate(self) -> bool:
        return self.present >= self.required


def meeting_quorum(meeting: Meeting) -> Quorum:
    """The voting members recorded present at the meeting against the quorum."""
    present = Attendance.objects.filter(
        meeting=meeting, present=True, membership__role=Membership.Role.VOTING
    ).count()
    return Quorum(present=present, required=quorum_required(meeting.body, meeting_day(meeting)))


def bodies_of(agreement) -> QuerySet:
    # The agreement comes along for each body's address (get_absolute_url).
    return (
        Body.objects.filter(agreement=agreement)
        .select_related("agreement")
        .order_by("kind", "name")
    )


def body_page_data(body: Body, *, can_see_unpublished: bool) -> dict:
    """The body's members today, its composition and quorum, and its meetings (published ones
    only, unless the person may see unpublished ones)."""
    members = list(memberships_on(body))
    meetings = Meeting.objects.filter(body=body).select_related("body__agreement")
    if not can_see_unpublished:
        meetings = meetings.filter(status=Meeting.Status.ADJUSTED)
    meetings = list(meetings.order_by("-starts_at"))
    voting_members = sum(1 for m in members if m.is_voting)
    return {
        "agreement": body.agreement,
        "body": body,
        "voting_members": [m for m in members if m.is_voting],
        "adjoined_members": [m for m in members if not m.is_voting],
        "composition": composition(body, memberships=members),
        "quorum": quorum_required(body, voting_members=voting_members),
        "published_meetings": [m for m in meetings if m.is_public],
        "unpublished_meetings": [m for m in meetings if not m.is_public],
    }


def paragraphs_with_details() -> Prefetch:
    return Prefetch(
        "paragraphs",
        queryset=MinutesParagraph.objects.select_related(
            "agenda_item__focus_proposal"
        ).prefetch_related(
            Prefetch(
                "statements",
                queryset=Statement.objects.select_related("by__user", "by__organisation"),
            )
        ),
    )


def meeting_with_minutes(agreement, body_slug: str, pk: int) -> Meeting | None:
    """One meeting with its agenda, attendance, paragraphs, statements and adjusters."""
    return (
        Meeting.objects.filter(body__agreement=agreement, body__slug=body_slug, pk=pk)
        .select_related("body__agreement", "chair", "secretary")
        .prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("focus_proposal").order_by("position"),
            ),
            Prefetch(
                "attendances",
                queryset=Attendance.objects.select_related(
                    "membership__user", "membership__organisation"
                ).order_by(
                    "-membership__role",
                    "membership__seat",
                    "membership__user__last_name",
                    "membership__user__first_name",
                ),
            ),
            paragraphs_with_details(),
            "adjusters",
        )
        .first()
    )


def published_meetings(agreement=None) -> QuerySet:
    qs = Meeting.objects.filter(status=Meeting.Status.ADJUSTED)
    if agreement is not None:
        qs = qs.filter(body__agreement=agreement)
    return qs


def published_decisions(agreement=None) -> QuerySet:
    """Decisions (not mere notes) in adjusted minutes, newest first, with their meeting."""
    qs = MinutesParagraph.objects.filter(meeting__status=Meeting.Status.ADJUSTED).exclude(
        method=MinutesParagraph.Method.NOTED
    )
    if agreement is not None:
        qs = qs.filter(body__agreement=agreement)
    return qs.select_related("meeting__body__agreement").order_by(
        "-meeting__starts_at", "-number", "-pk"
    )


def prepared_proposals(agreement) -> QuerySet:
    """Focus-area proposals the coordinators have prepared for the steering group."""
    return FocusAreaProposal.objects.filter(
        agreement=agreement, status=FocusAreaProposal.Status.PREPARED
    ).order_by("-year", "title")
