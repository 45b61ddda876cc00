"""Bodies, published minutes and decisions, read-only. No e-mail addresses or other contact data
of people: members appear by name, seat, role and the organisation they represent."""

import datetime

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_noop
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from samverkan.core.pagination import PageNumberPagination
from samverkan.governance import selectors
from samverkan.governance.models import Body

router = Router(tags=["governance"])
PAGE_SIZE = 20


def _name(user) -> str:
    return user.get_full_name()


class AgreementRef(Schema):
    name: str
    slug: str


class BodyOut(Schema):
    agreement: AgreementRef
    slug: str
    name: str
    kind: str
    kind_label: str = Field(..., alias="get_kind_display")
    description: str
    city_voting_seats: int | None
    civil_voting_seats: int | None
    quorum: int | None = Field(None, description="Empty: more than half of the voting members.")
    url: str = Field(..., alias="get_absolute_url")


class MemberOut(Schema):
    name: str
    seat: str
    seat_label: str
    role: str
    role_label: str
    is_chair: bool
    organisation: str | None
    starts_on: datetime.date
    ends_on: datetime.date | None


class CompositionOut(Schema):
    on: datetime.date
    voting_city: int
    voting_civil: int
    adjoined: int
    city_seats: int | None
    civil_seats: int | None
    is_complete: bool
    missing: list[str]
    quorum: int


class BodyDetailOut(BodyOut):
    members: list[MemberOut]
    composition: CompositionOut


class MeetingOut(Schema):
    id: int
    agreement: str
    body: str
    body_name: str
    starts_at: datetime.datetime
    place: str
    adjusted_on: datetime.date | None
    published_at: datetime.datetime | None
    url: str = Field(..., alias="get_absolute_url")

    @staticmethod
    def resolve_agreement(obj) -> str:
        return obj.body.agreement.slug

    @staticmethod
    def resolve_body(obj) -> str:
        return obj.body.slug

    @staticmethod
    def resolve_body_name(obj) -> str:
        return obj.body.name


class StatementOut(Schema):
    kind: str
    kind_label: str
    by: str
    organisation: str | None
    text: str


class ParagraphOut(Schema):
    number: int
    year: int
    title: str
    text: str
    decision: str
    method: str
    method_label: str
    votes_for: int | None
    votes_against: int | None
    statements: list[StatementOut]


class MeetingDetailOut(MeetingOut):
    adjusters: list[str]
    agenda: list[str]
    paragraphs: list[ParagraphOut]

    @staticmethod
    def resolve_adjusters(obj) -> list[str]:
        return [_name(user) for user in obj.adjusters.all()]

    @staticmethod
    def resolve_agenda(obj) -> list[str]:
        return [item.title for item in obj.agenda_items.all()]

    @staticmethod
    def resolve_paragraphs(obj) -> list[dict]:
        return [
            {
                "number": p.number,
                "year": p.year,
                "title": p.title,
                "text": p.text,
                "decision": p.decision,
                "method": p.method,
                "method_label": p.get_method_display(),
                "votes_for": p.votes_for,
                "votes_against": p.votes_against,
                "statements": [
                    {
                        "kind": s.kind,
                        "kind_label": s.get_kind_display(),
                        "by": _name(s.by.user),
                        "organisation": s.by.organisation.name if s.by.organisation else None,
                        "text": s.text,
                    }
                    for s in p.statements.all()
                ],
            }
            for p in obj.paragraphs.all()
        ]


class DecisionOut(Schema):
    agreement: str
    body: str
    meeting_id: int
    meeting_date: datetime.date
    number: int
    year: int
    title: str
    decision: str
    method: str
    votes_for: int | None
    votes_against: int | None
    url: str

    @staticmethod
    def resolve_agreement(obj) -> str:
        return obj.meeting.body.agreement.slug

    @staticmethod
    def resolve_body(obj) -> str:
        return obj.meeting.body.slug

    @staticmethod
    def resolve_meeting_date(obj) -> datetime.date:
        return selectors.meeting_day(obj.meeting)

    @staticmethod
    def resolve_url(obj) -> str:
        return f"{obj.meeting.get_absolute_url()}#paragraf-{obj.number}"


class MeetingQuery(Schema):
    agreement: str = Field("", description="An agreement's slug, e.g. malmoandan")
    body: str = Field("", description="A body's slug, e.g. styrgruppen")
    year: int | None = Field(None, ge=1900, le=2200, description="The calendar year of the meeting")


def _member(m) -> dict:
    return {
        "name": _name(m.user),
        "seat": m.seat,
        "seat_label": m.get_seat_display(),
        "role": m.role,
        "role_label": m.get_role_display(),
        "is_chair": m.is_chair,
        "organisation": m.organisation.name if m.organisation else None,
        "starts_on": m.starts_on,
        "ends_on": m.ends_on,
    }


@router.get("/bodies", response=list[BodyOut], summary=gettext_noop("Bodies of the agreements"))
def list_bodies(request, agreement: str = ""):
    qs = Body.objects.select_related("agreement").order_by("agreement__slug", "kind", "name")
    if agreement:
        qs = qs.filter(agreement__slug=agreement)
    return qs


@router.get(
    "/bodies/{agreement}/{slug}",
    response=BodyDetailOut,
    summary=gettext_noop("One body: its members today and its composition against its seats"),
)
def get_body(request, agreement: str, slug: str):
    body = (
        Body.objects.select_related("agreement")
        .filter(agreement__slug=agreement, slug=slug)
        .first()
    )
    if body is None:
        raise Http404
    members = list(selectors.memberships_on(body))
    composition = selectors.composition(body, memberships=members)
    voting = sum(1 for m in members if m.is_voting)
    body.members = [_member(m) for m in members]
    body.composition = {
        "on": timezone.localdate(),
        "voting_city": composition.voting_city,
        "voting_civil": composition.voting_civil,
        "adjoined": composition.adjoined,
        "city_seats": composition.city_seats,
        "civil_seats": composition.civil_seats,
        "is_complete": composition.is_complete,
        "missing": composition.missing,
        "quorum": selectors.quorum_required(body, voting_members=voting),
    }
    return body


@router.get(
    "/meetings", response=list[MeetingOut], summary=gettext_noop("Meetings with published minutes")
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_meetings(request, filters: Query[MeetingQuery]):
    qs = selectors.published_meetings().select_related("body__agreement")
    if filters.agreement:
        qs = qs.filter(body__agreement__slug=filters.agreement)
    if filters.body:
        qs = qs.filter(body__slug=filters.body)
    if filters.year:
        qs = qs.filter(starts_at__year=filters.year)
    return qs.order_by("-starts_at", "-pk")


@router.get(
    "/meetings/{meeting_id}",
    response=MeetingDetailOut,
    summary=gettext_noop(
        "Published minutes of one meeting, with paragraphs, decisions and statements"
    ),
)
def get_meeting(request, meeting_id: int):
    meeting = (
        selectors.published_meetings()
        .select_related("body__agreement")
        .prefetch_related("adjusters", "agenda_items", selectors.paragraphs_with_details())
        .filter(pk=meeting_id)
        .first()
    )
    if meeting is None:
        raise Http404
    return meeting


@router.get(
    "/decisions",
    response=list[DecisionOut],
    summary=gettext_noop("Published decisions, newest first"),
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_decisions(request, agreement: str = ""):
    qs = selectors.published_decisions()
    if agreement:
        qs = qs.filter(body__agreement__slug=agreement)
    return qs
