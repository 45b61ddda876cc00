"""Published events and participation figures, read-only. No personal data: who registered is
never shown, only how many (in all and by sector)."""

import datetime

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_noop
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from samverkan.agreements.models import Agreement
from samverkan.core.pagination import PageNumberPagination
from samverkan.events import selectors

router = Router(tags=["events"])
PAGE_SIZE = 20


class PlaceOut(Schema):
    kind: str
    label: str
    online_url: str | None = Field(None, description="Given for online events and sessions.")


def _place(obj) -> dict:
    return {
        "kind": obj.place_kind,
        "label": obj.place_label,
        "online_url": obj.online_url or None,
    }


class EventOut(Schema):
    id: int
    agreement: str
    slug: str
    kind: str
    kind_label: str
    title: str
    summary: str
    theme: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place: PlaceOut
    organisers: list[str]
    capacity: int | None
    registered: int
    waitlisted: int
    is_cancelled: bool
    url: str

    @staticmethod
    def resolve_agreement(obj) -> str:
        return obj.agreement.slug

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_place(obj) -> dict:
        return _place(obj)

    @staticmethod
    def resolve_organisers(obj) -> list[str]:
        return [o.name for o in obj.organisers.all()]

    @staticmethod
    def resolve_registered(obj) -> int:
        return obj.registered_count

    @staticmethod
    def resolve_waitlisted(obj) -> int:
        return obj.waitlisted_count

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class SessionOut(Schema):
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place: PlaceOut

    @staticmethod
    def resolve_place(obj) -> dict:
        return _place(obj)


class QuotaOut(Schema):
    name: str
    seats: int
    taken: int
    sectors: list[str]


class AreaRef(Schema):
    slug: str
    title: str


class EventDetailOut(EventOut):
    text: str
    areas: list[AreaRef]
    districts: list[str]
    focus_area: str | None
    registration_opens_at: datetime.datetime | None
    registration_closes_at: datetime.datetime
    sessions: list[SessionOut]
    quotas: list[QuotaOut]

    @staticmethod
    def resolve_areas(obj) -> list[dict]:
        return [{"slug": a.slug, "title": a.title} for a in obj.areas.all()]

    @staticmethod
    def resolve_districts(obj) -> list[str]:
        return [d.name for d in obj.districts.all()]

    @staticmethod
    def resolve_focus_area(obj) -> str | None:
        return f"{obj.focus_area.year}: {obj.focus_area.title}" if obj.focus_area else None

    @staticmethod
    def resolve_registration_closes_at(obj) -> datetime.datetime:
        return obj.registration_closes

    @staticmethod
    def resolve_sessions(obj) -> list:
        return list(obj.sessions.all())

    @staticmethod
    def resolve_quotas(obj) -> list[dict]:
        return [
            {"name": q.name, "seats": q.seats, "taken": q.taken, "sectors": q.sectors}
            for q in obj.quotas.all()
        ]


class EventQuery(Schema):
    agreement: str = Field("", description="An agreement's slug, e.g. malmoandan")
    kind: str = Field("", description="dialogue_forum, malmo_hour, learning_lunch, training, …")
    area: str = Field("", description="A priority area's slug")
    district: str = Field("", description="A district's slug")
    focus_year: int | None = Field(None, description="The year of the focus area")
    year: int | None = Field(
        None, ge=1900, le=2200, description="The calendar year the event starts in"
    )
    upcoming: bool = Field(False, description="Only events that have not ended")


class SectorFigures(Schema):
    sector: str
    label: str
    registered: int
    attended: int


class EventFiguresOut(Schema):
    id: int
    slug: str
    title: str
    kind: str
    starts_at: datetime.datetime
    registered: int
    attended: int
    waitlisted: int
    by_sector: list[SectorFigures]


class KindFiguresOut(Schema):
    kind: str
    label: str
    events: int
    registered: int
    attended: int


class ParticipationFiguresOut(Schema):
    agreement: str
    year: int
    events: int
    registered: int
    attended: int
    by_sector: list[SectorFigures]
    by_kind: list[KindFiguresOut]
    per_event: list[EventFiguresOut]


def _sector_rows(figures) -> list[dict]:
    return [{**row, "label": str(row["label"])} for row in figures.by_sector()]


@router.get(
    "/events/figures",
    response=ParticipationFiguresOut,
    summary=gettext_noop(
        "Participation in a year's events: registered and attended, by sector and kind"
    ),
)
def event_figures(request, year: int = Query(..., ge=1900, le=2200), agreement: str = ""):
    found = (
        Agreement.objects.filter(slug=agreement).first()
        if agreement
        else Agreement.objects.filter(is_primary=True).first()
    )
    if found is None:
        raise Http404
    figures = selectors.participation_figures(found, year)
    return {
        "agreement": found.slug,
        "year": year,
        "events": figures.event_count,
        "registered": figures.total.registered,
        "attended": figures.total.attended,
        "by_sector": _sector_rows(figures.total),
        "by_kind": [
            {
                "kind": k.kind,
                "label": str(k.label),
                "events": k.events,
                "registered": k.registered,
                "attended": k.attended,
            }
            for k in figures.by_kind
        ],
        "per_event": [
            {
                "id": f.event.pk,
                "slug": f.event.slug,
                "title": f.event.title,
                "kind": f.event.kind,
                "starts_at": f.event.starts_at,
                "registered": f.registered,
                "attended": f.attended,
                "waitlisted": f.waitlisted,
                "by_sector": _sector_rows(f),
            }
            for f in figures.events
        ],
    }


@router.get(
    "/events", response=list[EventOut], summary=gettext_noop("Published events, soonest first")
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_events(request, filters: Query[EventQuery]):
    qs = selectors._with_counts(
        selectors.published_events().select_related("agreement", "room__venue")
    ).prefetch_related("organisers")
    if filters.agreement:
        qs = qs.filter(agreement__slug=filters.agreement)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.area:
        qs = qs.filter(areas__slug=filters.area)
    if filters.district:
        qs = qs.filter(districts__slug=filters.district)
    if filters.focus_year:
        qs = qs.filter(focus_area__year=filters.focus_year)
    if filters.year:
        qs = qs.filter(starts_at__year=filters.year)
    if filters.upcoming:
        qs = qs.filter(ends_at__gte=timezone.now())
    return qs.order_by("starts_at", "pk")


@router.get(
    "/events/{ref}",
    response=EventDetailOut,
    summary=gettext_noop("One published event by id or slug, with its sessions and seat quotas"),
)
def get_event(request, ref: str):
    qs = selectors.event_with_details(selectors.published_events())
    event = (qs.filter(pk=int(ref)) if ref.isdigit() else qs.filter(slug=ref)).first()
    if event is None:
        raise Http404
    return event
