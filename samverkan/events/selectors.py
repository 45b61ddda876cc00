"""Reads of events: the calendar, the month view, an event's page, a person's registrations and
the participation figures, each in a fixed number of queries."""

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

import django_filters
from django.core.paginator import Paginator
from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from samverkan.actors.models import District, Organisation
from samverkan.areas.models import FocusArea, PriorityArea
from samverkan.core.forms import QuickSelect
from samverkan.core.links import slug_addresses
from samverkan.events import permissions
from samverkan.events.models import (
    Event,
    EventDocument,
    EventKind,
    EventSession,
    ParticipantSector,
    Registration,
    SeatQuota,
)
from samverkan.events.services import waitlist_position

PAGE_SIZE = 20
UPCOMING, PAST = "kommande", "tidigare"
# Read once: the enums build these anew on every access, and the lists ask per row.
SECTORS = tuple(ParticipantSector.values)
SECTOR_CHOICES = tuple(ParticipantSector.choices)
SECTOR_LABELS = dict(SECTOR_CHOICES)
KIND_LABELS = dict(EventKind.choices)
STATUS_LABELS = dict(Registration.Status.choices)


# ---------------------------------------------------------------------------------------------
# Filters of the calendar and the month view (GET parameters in Swedish, like `sida`)
# ---------------------------------------------------------------------------------------------


class EventFilter(django_filters.FilterSet):
    typ = django_filters.ChoiceFilter(
        field_name="kind",
        choices=EventKind.choices,
        label=_("Kind"),
        empty_label=_("All kinds"),
        widget=QuickSelect,
    )
    omrade = django_filters.ModelChoiceFilter(
        field_name="areas",
        to_field_name="slug",
        queryset=PriorityArea.objects.none(),
        label=_("Priority area"),
        empty_label=_("All areas"),
        widget=QuickSelect,
    )
    stadsdel = django_filters.ModelChoiceFilter(
        field_name="districts",
        to_field_name="slug",
        queryset=District.objects.none(),
        label=_("District"),
        empty_label=_("All districts"),
        widget=QuickSelect,
    )
    fokusomrade = django_filters.ModelChoiceFilter(
        field_name="focus_area",
        to_field_name="year",
        queryset=FocusArea.objects.none(),
        label=_("Focus area"),
        empty_label=_("All focus areas"),
        widget=QuickSelect,
    )

    class Meta:
        model = Event
        fields: list[str] = []

    def __init__(self, data=None, *args, agreement, **kwargs):
        super().__init__(data, *args, **kwargs)
        filters = self.filters
        filters["omrade"].queryset = PriorityArea.objects.filter(agreement=agreement).order_by(
            "position", "title"
        )
        filters["stadsdel"].queryset = District.objects.order_by("municipality", "name")
        filters["fokusomrade"].queryset = FocusArea.objects.filter(agreement=agreement).order_by(
            "-year"
        )

    @property
    def form(self):
        form = super().form
        if not getattr(form, "_labelled", False):
            form.fields["fokusomrade"].label_from_instance = lambda f: f"{f.year}: {f.title}"
            for name in ("typ", "omrade", "stadsdel", "fokusomrade"):
                form.fields[name].widget.attrs.setdefault("id", f"filter-{name}")
            form._labelled = True
        return form

    def active_query(self) -> str:
        """The filters in use as a query string, for links that keep them (pagination)."""
        if not self.is_bound:
            return ""
        return "&".join(
            f"{name}={self.data.get(name)}"
            for name in self.filters
            if self.data.get(name) and name in getattr(self.form, "cleaned_data", {})
        )


def published_events(agreement=None) -> QuerySet:
    qs = Event.objects.published()
    if agreement is not None:
        qs = qs.filter(agreement=agreement)
    return qs


def _registrations_with(status) -> Coalesce:
    """The number of the event's registrations with `status`, as a correlated subquery: computed
    for the events of the page only, where a join and GROUP BY would count the registrations of
    every event the filters match before the page is cut (thousands at city scale)."""
    counts = (
        Registration.objects.filter(event=OuterRef("pk"), status=status)
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def _with_counts(qs: QuerySet) -> QuerySet:
    return qs.annotate(
        registered_count=_registrations_with(Registration.Status.REGISTERED),
        waitlisted_count=_registrations_with(Registration.Status.WAITLISTED),
    )


def event_addresses(agreement):
    """A function from an event's slug to its address (what `Event.get_absolute_url` answers)
    for the events of one agreement, from one reverse() (core.links.slug_addresses): lists of
    many events spent a large part of their time in reverse()."""
    return slug_addresses("events:event", agreement=agreement.slug)


class UpcomingEvents:
    """The events of `qs` that have not ended, soonest first (starts_at, pk), for a Paginator,
    read without walking the past ones: ordering all events by their start and skipping those
    that had ended read every past event of the agreement (8 000 at city scale) for each page.

    The events that have not ended are those running now (begun, not ended) and those starting
    from now; the first come before the second in the order. Those running now are found
    through the index on `ends_at` and are few (what happens at one moment); those starting
    from now through the index on `starts_at`, one page of them. One query counts both."""

    def __init__(self, qs: QuerySet, now):
        self.running = qs.filter(starts_at__lt=now, ends_at__gte=now)
        self.starting = qs.filter(starts_at__gte=now).order_by("starts_at", "pk")
        self.not_ended = qs.filter(ends_at__gte=now)
        self.now = now

    @cached_property
    def _counts(self) -> dict:
        return self.not_ended.order_by().aggregate(
            total=Count("pk"), running=Count("pk", filter=Q(starts_at__lt=self.now))
        )

    def count(self) -> int:
        return self._counts["total"]

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list:
        start, stop = window.start or 0, window.stop
        running = self._counts["running"]
        rows = []
        if start < running:
            # Few rows, ordered here: an ORDER BY with LIMIT would tempt the planner back onto
            # the starts_at index from the first event ever.
            everyone = sorted(self.running.order_by(), key=lambda e: (e.starts_at, e.pk))
            rows += everyone[start:stop]
        if stop > running:
            rows += list(self.starting[max(start - running, 0) : stop - running])
        return rows


def calendar_page_data(agreement, params, *, page_number=1, now=None) -> dict:
    """The calendar list: published events, upcoming (soonest first) or past (latest first),
    filtered by kind, area, district and focus area, paginated; each with its organisers and
    counts of registrations."""
    now = now or timezone.now()
    when = PAST if params.get("tid") == PAST else UPCOMING
    filterset = EventFilter(
        params or None, agreement=agreement, queryset=published_events(agreement)
    )
    qs = _with_counts(filterset.qs.select_related("agreement", "focus_area", "room__venue"))
    if when == PAST:
        listed = qs.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
    else:
        listed = UpcomingEvents(qs, now)
    page = Paginator(listed, PAGE_SIZE).get_page(page_number)
    events = list(page.object_list)
    prefetch_related_objects(events, Prefetch("organisers", queryset=_organisers()))
    address = event_addresses(agreement)
    for event in events:
        event.url = address(event.slug)
        event.kind_label = KIND_LABELS.get(event.kind, event.kind)
    query = filterset.active_query()
    if when == PAST:
        query = f"{query}&tid={PAST}" if query else f"tid={PAST}"
    return {
        "agreement": agreement,
        "filter": filterset,
        "page": page,
        "events": events,
        "when": when,
        "query": query,
        "today": timezone.localdate(),
    }


def _organisers():
    return Organisation.objects.order_by("name").only("pk", "name", "slug")


# ---------------------------------------------------------------------------------------------
# The month view
# ---------------------------------------------------------------------------------------------


@dataclass
class Occurrence:
    """One thing in the month: an event without sessions, or one session of an event."""

    event: Event
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    session: EventSession | None = None

    @property
    def place(self):
        return self.session or self.event


def month_bounds(year: int, month: int) -> tuple[datetime.datetime, datetime.datetime]:
    tz = timezone.get_current_timezone()
    start = datetime.datetime(year, month, 1, tzinfo=tz)
    following = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=tz)
    return start, following


def month_page_data(agreement, year: int, month: int, params) -> dict:
    """A month as weeks (Monday first) of days, each day with the events and sessions that
    take place on it. Filters as the calendar list."""
    start, following = month_bounds(year, month)
    filterset = EventFilter(
        params or None, agreement=agreement, queryset=published_events(agreement)
    )
    events = filterset.qs
    plain = (
        events.filter(starts_at__lt=following, ends_at__gte=start, sessions__isnull=True)
        .select_related("agreement", "room__venue")
        .order_by("starts_at", "pk")
    )
    sessions = (
        EventSession.objects.filter(
            event__in=events.values("pk"), starts_at__lt=following, ends_at__gte=start
        )
        .select_related("event__agreement", "room__venue")
        .order_by("starts_at", "pk")
    )
    occurrences = [Occurrence(e, e.starts_at, e.ends_at) for e in plain] + [
        Occurrence(s.event, s.starts_at, s.ends_at, session=s) for s in sessions
    ]
    occurrences.sort(key=lambda o: (o.starts_at, o.event.pk))
    by_day = defaultdict(list)
    for occurrence in occurrences:
        day = timezone.localtime(occurrence.starts_at).date()
        last = timezone.localtime(occurrence.ends_at - datetime.timedelta(seconds=1)).date()
        while day <= last:
            by_day[day].append(occurrence)
            day += datetime.timedelta(days=1)
    weeks = [
        [
            {"date": day, "in_month": day.month == month, "items": by_day.get(day, [])}
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    previous = (year - 1, 12) if month == 1 else (year, month - 1)
    following_month = (year + 1, 1) if month == 12 else (year, month + 1)
    return {
        "agreement": agreement,
        "filter": filterset,
        "query": filterset.active_query(),
        "year": year,
        "month": month,
        "first_day": start.date(),
        "weeks": weeks,
        "count": len(occurrences),
        "previous": previous,
        "next": following_month,
        "today": timezone.localdate(),
        "weekdays": [
            datetime.date(2024, 1, day) for day in range(1, 8)
        ],  # 1 January 2024 was a Monday
    }


# ---------------------------------------------------------------------------------------------
# An event's page
# ---------------------------------------------------------------------------------------------


def event_with_details(qs: QuerySet, *, all_documents: bool = False) -> QuerySet:
    documents = EventDocument.objects.order_by("kind", "uploaded_at", "pk")
    if not all_documents:
        documents = documents.filter(is_public=True)
    return _with_counts(
        qs.select_related("agreement", "focus_area", "room__venue").prefetch_related(
            Prefetch("organisers", queryset=_organisers()),
            Prefetch(
                "areas",
                queryset=PriorityArea.objects.select_related("agreement").order_by("position"),
            ),
            Prefetch("districts", queryset=District.objects.order_by("name")),
            Prefetch(
                "sessions",
                queryset=EventSession.objects.select_related("room__venue").order_by("starts_at"),
            ),
            Prefetch(
                "quotas",
                queryset=SeatQuota.objects.annotate(
                    taken=Count(
                        "registrations",
                        filter=Q(registrations__status=Registration.Status.REGISTERED),
                    )
                )
                .prefetch_related(Prefetch("organisations", queryset=_organisers()))
                .order_by("pk"),
            ),
            Prefetch("documents", queryset=documents, to_attr="document_list"),
        )
    )


def seat_summary(event: Event) -> dict:
    """What the page says about seats: taken, remaining in all, free general seats, and per
    quota how many are free (needs `registered_count` and the quotas with `taken`)."""
    if event.capacity is None:
        return {"limited": False, "remaining": None, "general_free": None, "quotas": []}
    quotas = list(event.quotas.all())
    reserved = sum(q.seats for q in quotas)
    in_quotas = sum(min(q.taken, q.seats) for q in quotas)
    general_taken = event.registered_count - in_quotas
    return {
        "limited": True,
        "remaining": max(event.capacity - event.registered_count, 0),
        "general_free": max(event.capacity - reserved - general_taken, 0),
        "quotas": [{"quota": q, "free": max(q.seats - q.taken, 0)} for q in quotas],
    }


def event_page_data(agreement, slug: str, *, user, now=None) -> dict | None:
    """Everything an event's page shows and what the person may do there; None when there is
    no such event or the person may not see it (a draft)."""
    event = event_with_details(
        Event.objects.filter(agreement=agreement, slug=slug), all_documents=True
    ).first()
    if event is None:
        return None
    return viewer_data(agreement, event, seat_summary(event), user=user, now=now)


def viewer_data(agreement, event: Event, seats: dict, *, user, now=None) -> dict | None:
    """What one person sees of an event (`event_with_details`, its `seat_summary`) and may do
    there: their own registration and place on the waiting list, whether registration is open
    to them, whether they run the event; None when they may not see it (a draft). Two queries
    for a logged-in person (their registration, whom they represent), none for the public."""
    now = now or timezone.now()
    manage_possible = user.is_authenticated
    represented = permissions.represented_organisation_ids(user) if manage_possible else set()
    can_manage = (
        manage_possible and permissions.can_manage_event(user, event, represented=represented)[0]
    )
    if not event.is_published and not can_manage:
        return None
    documents = [d for d in event.document_list if d.is_public or can_manage]
    own = None
    position = None
    if user.is_authenticated:
        own = (
            Registration.objects.active()
            .filter(event=event, user=user)
            .select_related("organisation", "quota")
            .first()
        )
        if own is not None and own.status == Registration.Status.WAITLISTED:
            position = waitlist_position(own)
    registration_open = (
        event.is_published
        and not event.is_cancelled
        and (event.registration_opens_at is None or event.registration_opens_at <= now)
        and now < event.registration_closes
    )
    return {
        "agreement": agreement,
        "event": event,
        "seats": seats,
        "documents": documents,
        "own": own,
        "position": position,
        "online_links": own is not None and own.status == Registration.Status.REGISTERED,
        "registration_open": registration_open,
        "not_yet_open": bool(event.registration_opens_at and now < event.registration_opens_at),
        "is_full": seats["limited"] and seats["remaining"] == 0,
        "can_cancel": own is not None and now < event.starts_at,
        "can_manage": can_manage,
        "has_begun": now >= event.starts_at,
        "is_past": now >= event.ends_at,
    }


@dataclass(slots=True)
class Participant:
    """A row of the participant list: what it shows, worked out once."""

    key: str  # the registration's pk, as the form sends it back
    status: str
    name: str
    email: str
    organisation_label: str
    sector_label: str
    quota_name: str | None
    attended: bool | None
    queued_at: datetime.datetime | None
    position: int | None = None


def participants(event: Event) -> list[Participant]:
    """Everyone registered or waiting, with a seat first (in order of registration), then the
    waiting list in its order. Personal data: for the organisers and coordinators only.

    The columns the rows show, read as values in one query (a list has hundreds of rows, and
    a registration with its person, organisation and quota as model instances was most of the
    selector's time), each row's name and labels worked out once."""
    rows = [
        Participant(
            key=str(pk),
            status=status,
            name=f"{first_name} {last_name}".strip() or email,
            email=email,
            organisation_label=organisation or organisation_name,
            sector_label=SECTOR_LABELS.get(sector, sector),
            quota_name=quota,
            attended=attended,
            queued_at=queued_at,
        )
        for (
            pk,
            status,
            attended,
            sector,
            queued_at,
            first_name,
            last_name,
            email,
            organisation,
            organisation_name,
            quota,
        ) in event.registrations.active()
        .order_by("created_at", "pk")
        .values_list(
            "pk",
            "status",
            "attended",
            "sector",
            "queued_at",
            "user__first_name",
            "user__last_name",
            "user__email",
            "organisation__name",
            "organisation_name",
            "quota__name",
        )
    ]
    seated = [r for r in rows if r.status == Registration.Status.REGISTERED]
    waiting = sorted(
        (r for r in rows if r.status == Registration.Status.WAITLISTED),
        key=lambda r: (r.queued_at, int(r.key)),
    )
    for n, registration in enumerate(waiting, start=1):
        registration.position = n
    return seated + waiting


# ---------------------------------------------------------------------------------------------
# A person's registrations
# ---------------------------------------------------------------------------------------------


def my_registrations(agreement, user, *, now=None) -> dict:
    """The person's registrations for the agreement's events, coming ones first, with the
    place on the waiting list of those waiting."""
    now = now or timezone.now()
    rows = list(
        Registration.objects.filter(user=user, event__agreement=agreement)
        .exclude(status=Registration.Status.CANCELLED, event__ends_at__lt=now)
        # Only what the page shows: the place, organisation and quota were read and not shown.
        .select_related("event")
        .only(
            "status",
            "attended",
            "event__title",
            "event__slug",
            "event__starts_at",
            "event__ends_at",
            "event__status",
            "event__agreement_id",
        )
        .order_by("event__starts_at", "pk")
    )
    address = event_addresses(agreement)
    cancel_address = slug_addresses("events:cancel", agreement=agreement.slug)
    waiting_events = [r.event_id for r in rows if r.status == Registration.Status.WAITLISTED]
    queues = defaultdict(list)
    for event_id, pk in (
        Registration.objects.waitlisted()
        .filter(event_id__in=waiting_events)
        .values_list("event_id", "pk")
    ):
        queues[event_id].append(pk)
    for registration in rows:
        registration.position = (
            queues[registration.event_id].index(registration.pk) + 1
            if registration.status == Registration.Status.WAITLISTED
            else None
        )
        registration.can_cancel = (
            registration.status != Registration.Status.CANCELLED
            and now < registration.event.starts_at
        )
        # Each row's addresses and status from one reverse() and one table, not per row.
        registration.event_url = address(registration.event.slug)
        registration.cancel_url = cancel_address(registration.event.slug)
        registration.status_label = STATUS_LABELS.get(registration.status, registration.status)
    return {
        "agreement": agreement,
        "upcoming": [r for r in rows if r.event.ends_at >= now],
        "past": [r for r in rows if r.event.ends_at < now][::-1],
    }


def registrations_for_feed(agreement, user) -> QuerySet:
    """The events a person holds a seat at or waits for, with their sessions, for their feed."""
    return (
        Event.objects.filter(
            agreement=agreement,
            registrations__user=user,
            registrations__status__in=[
                Registration.Status.REGISTERED,
                Registration.Status.WAITLISTED,
            ],
        )
        .select_related("agreement", "room__venue")
        .prefetch_related(
            Prefetch("sessions", queryset=EventSession.objects.select_related("room__venue")),
            Prefetch(
                "registrations",
                queryset=Registration.objects.active().filter(user=user),
                to_attr="own_registrations",
            ),
        )
        .order_by("starts_at", "pk")
    )


def feed_events(agreement, *, area=None) -> QuerySet:
    qs = published_events(agreement)
    if area is not None:
        qs = qs.filter(areas=area)
    return (
        qs.select_related("agreement", "room__venue")
        .prefetch_related(
            Prefetch("sessions", queryset=EventSession.objects.select_related("room__venue"))
        )
        .order_by("starts_at", "pk")
    )


# ---------------------------------------------------------------------------------------------
# Participation figures: the annual report quotes these
# ---------------------------------------------------------------------------------------------


def _sector_counts() -> dict[str, int]:
    return dict.fromkeys(SECTORS, 0)


@dataclass
class Figures:
    """Registered (holding a seat), attended and waiting, in all and by sector."""

    registered: int = 0
    attended: int = 0
    waitlisted: int = 0
    registered_by_sector: dict = field(default_factory=_sector_counts)
    attended_by_sector: dict = field(default_factory=_sector_counts)

    def add(self, other: "Figures") -> None:
        self.registered += other.registered
        self.attended += other.attended
        self.waitlisted += other.waitlisted
        for sector in SECTORS:
            self.registered_by_sector[sector] += other.registered_by_sector[sector]
            self.attended_by_sector[sector] += other.attended_by_sector[sector]

    def by_sector(self) -> list[dict]:
        """Rows for a table: the sector's label, registered, attended."""
        return [
            {
                "sector": value,
                "label": label,
                "registered": self.registered_by_sector[value],
                "attended": self.attended_by_sector[value],
            }
            for value, label in SECTOR_CHOICES
        ]


@dataclass
class EventFigures(Figures):
    event: Event | None = None


@dataclass
class KindFigures(Figures):
    kind: str = ""
    label: str = ""
    events: int = 0


@dataclass
class ParticipationFigures:
    year: int
    events: list[EventFigures]
    by_kind: list[KindFigures]
    total: Figures
    years: list[int]

    @property
    def event_count(self) -> int:
        return len(self.events)


def _figure_counts() -> dict:
    """The counts of an event's registrations that the figures read, as aggregates of the
    registrations grouped by event: in all (named apart from the fields the filters read), then
    `registered_<sector>` and `attended_<sector>` (the order of FIGURE_COLUMNS)."""
    registered = Q(status=Registration.Status.REGISTERED)
    attended = registered & Q(attended=True)
    counts = {
        "registered_count": Count("pk", filter=registered),
        "attended_count": Count("pk", filter=attended),
        "waitlisted_count": Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
    }
    for sector in SECTORS:
        counts[f"registered_{sector}"] = Count("pk", filter=registered & Q(sector=sector))
        counts[f"attended_{sector}"] = Count("pk", filter=attended & Q(sector=sector))
    return counts


FIGURE_COLUMNS = tuple(_figure_counts())
NO_REGISTRATIONS = (0,) * len(FIGURE_COLUMNS)


def _year_events(agreement, year: int) -> QuerySet:
    """The events the figures count: the year's published events, not cancelled."""
    return (
        published_events(agreement)
        .exclude(status=Event.Status.CANCELLED)
        .filter(starts_at__year=year)
    )


def _figures_years(agreement) -> list[int]:
    return sorted(
        {
            d.year
            for d in published_events(agreement)
            .exclude(status=Event.Status.CANCELLED)
            .dates("starts_at", "year")
        },
        reverse=True,
    )


def _event_figures(event: Event, counts: tuple) -> EventFigures:
    registered, attended, waitlisted, *by_sector = counts
    return EventFigures(
        registered=registered,
        attended=attended,
        waitlisted=waitlisted,
        registered_by_sector=dict(zip(SECTORS, by_sector[0::2], strict=True)),
        attended_by_sector=dict(zip(SECTORS, by_sector[1::2], strict=True)),
        event=event,
    )


@dataclass
class YearTotals:
    """The figures page's totals of a year: by kind of event and in all, and the years."""

    year: int
    by_kind: list[KindFigures]
    total: Figures
    years: list[int]

    @property
    def event_count(self) -> int:
        return sum(k.events for k in self.by_kind)


def year_totals(agreement, year: int) -> YearTotals:
    """What `participation_figures` sums, counted in SQL by kind of event rather than event by
    event (thousands of rows a year): the events of each kind, the registrations of each kind
    by status, attendance and sector; the totals are the kinds' sums. Three queries."""
    year_events = _year_events(agreement, year)
    kinds = {value: KindFigures(kind=value, label=label) for value, label in EventKind.choices}
    for kind, events in year_events.order_by().values_list("kind").annotate(n=Count("pk")):
        kinds[kind].events = events
    # One plain count per kind, status, attendance and sector (a few hundred rows at most):
    # a third faster on PostgreSQL than thirteen filtered counts per kind. Read from the events
    # joined once to their registrations: `event__in` a subquery joined the events twice (the
    # filter and the kind), a fifth of the time on the 100 000 registrations of a year.
    for kind, status, attended, sector, n in (
        year_events.filter(registrations__isnull=False)
        .order_by()
        .values_list(
            "kind", "registrations__status", "registrations__attended", "registrations__sector"
        )
        .annotate(n=Count("registrations"))
    ):
        figures = kinds[kind]
        if status == Registration.Status.WAITLISTED:
            figures.waitlisted += n
        elif status == Registration.Status.REGISTERED:
            figures.registered += n
            figures.registered_by_sector[sector] += n
            if attended:
                figures.attended += n
                figures.attended_by_sector[sector] += n
    total = Figures()
    for kind in kinds.values():
        total.add(kind)
    return YearTotals(
        year=year,
        by_kind=[k for k in kinds.values() if k.events],
        total=total,
        years=_figures_years(agreement),
    )


FIGURES_PAGE_SIZE = 50


def figures_events_page(agreement, year: int, form, *, page_number=1, event_count=None) -> dict:
    """One page of the figures' event-by-event table (FIGURES_PAGE_SIZE events in the order of
    their start), searched by the words of the title and the kind of `form` (a bound
    FiguresFilterForm); each event with its counts, read for the page's events only.
    `event_count`: the number of the year's events, when known (YearTotals), not counted again
    when nothing is searched."""
    events = _year_events(agreement, year)
    filters = form.cleaned_data if form.is_valid() else {}
    if filters.get("sok"):
        events = events.filter(title__icontains=filters["sok"])
    if filters.get("typ"):
        events = events.filter(kind=filters["typ"])
    events = events.only("agreement_id", "kind", "title", "slug", "theme", "starts_at").order_by(
        "starts_at", "pk"
    )
    paginator = Paginator(events, FIGURES_PAGE_SIZE)
    if event_count is not None and not (filters.get("sok") or filters.get("typ")):
        paginator.count = event_count
    page = paginator.get_page(page_number)
    rows = list(page.object_list)
    counts = {
        row[0]: row[1:]
        for row in Registration.objects.filter(event__in=[e.pk for e in rows])
        .order_by()
        .values("event_id")
        .annotate(**_figure_counts())
        .values_list("event_id", *FIGURE_COLUMNS)
    }
    for event in rows:
        Event.agreement.field.set_cached_value(event, agreement)
    query = urlencode({name: filters[name] for name in ("sok", "typ") if filters.get(name)})
    return {
        "page": page,
        "events": [_event_figures(e, counts.get(e.pk, NO_REGISTRATIONS)) for e in rows],
        "query": query,
    }


def participation_figures(agreement, year: int) -> ParticipationFigures:
    """The year's published, not cancelled, events of an agreement with how many registered
    (held a seat), attended and waited, in all and by sector (the city, civil society,
    business, academia, other); totals by kind of event and for the year. Three queries.

    The annual report (issue 7) quotes these, e.g. the dialogue forum's participants.

    A year has thousands of events and tens of thousands of registrations: the registrations
    are counted in SQL, one row of counts per event (by the events' query as a subquery, not a
    list of their ids), where one row per event and sector, summed in Python, was most of the
    page's time. Counting in the events' query instead (a join and GROUP BY) carries each
    event's columns through the aggregate and took twice as long.
    """
    year_events = _year_events(agreement, year)
    events = list(
        # Hundreds of events a year: only what the figures page, the API and the annual report
        # read of each (another field would cost a query per event: add it here).
        year_events.only("agreement_id", "kind", "title", "slug", "theme", "starts_at").order_by(
            "starts_at", "pk"
        )
    )
    counts = {
        row[0]: row[1:]
        for row in Registration.objects.filter(event__in=year_events.values("pk"))
        .order_by()
        .values("event_id")
        .annotate(**_figure_counts())
        .values_list("event_id", *FIGURE_COLUMNS)
    }
    kinds = {value: KindFigures(kind=value, label=label) for value, label in EventKind.choices}
    per_event = []
    for event in events:
        # The agreement is the one asked about: its row need not be read again per event.
        Event.agreement.field.set_cached_value(event, agreement)
        figures = _event_figures(event, counts.get(event.pk, NO_REGISTRATIONS))
        per_event.append(figures)
        kind = kinds[event.kind]
        kind.events += 1
        kind.add(figures)
    total = Figures()
    for kind in kinds.values():
        total.add(kind)
    return ParticipationFigures(
        year=year,
        events=per_event,
        by_kind=[k for k in kinds.values() if k.events],
        total=total,
        years=_figures_years(agreement),
    )
