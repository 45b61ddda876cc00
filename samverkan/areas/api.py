"""Priority areas, their hosts and phases, focus areas and proposals: read-only, public fields.

Who proposed or supported a proposal, and who hosts an area as contact person, is personal
data and is not exposed.
"""

import datetime

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_noop
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from samverkan.actors.api import OrganisationRef
from samverkan.agreements.selectors import agreement_filter, get_agreement
from samverkan.areas import selectors
from samverkan.areas.models import FocusArea, HostSide, Phase, PhaseChange
from samverkan.core.formatting import choice_label
from samverkan.core.pagination import PageNumberPagination

router = Router()

AREAS = ["areas"]
FOCUS = ["focus areas"]


# The list answers every area with its hosts at once: each row's values are read with plain
# attribute lookups (a dotted alias is parsed as a template variable for each row) and the labels
# come translated once per language (core.formatting.choice_label), not once per row.


class HostOut(Schema):
    side: str = Field(..., description="civil (the non-profit host) or city")
    side_label: str
    organisation: OrganisationRef
    starts_on: datetime.date
    ends_on: datetime.date | None
    agreement_reference: str

    @staticmethod
    def resolve_side_label(obj) -> str:
        return choice_label(HostSide, obj.side)


class AreaOut(Schema):
    agreement: str
    slug: str
    title: str
    summary: str
    phase: int = Field(..., description="1–5: the phase of the plan's method")
    phase_label: str
    started_on: datetime.date | None
    from_plan: bool
    hosts: list[HostOut] = Field(..., alias="current_hostings")
    url: str = Field(..., alias="get_absolute_url")

    @staticmethod
    def resolve_agreement(obj) -> str:
        return obj.agreement.slug

    @staticmethod
    def resolve_phase_label(obj) -> str:
        return choice_label(Phase, obj.phase)


class GoalOut(Schema):
    number: int
    title: str


class PhaseChangeOut(Schema):
    phase: int
    phase_label: str = Field(..., alias="get_phase_display")
    changed_on: datetime.date
    note: str


class AreaDetailOut(AreaOut):
    description: str
    goals: list[GoalOut]
    phase_history: list[PhaseChangeOut]


class AreaRef(Schema):
    slug: str
    title: str


class FocusAreaOut(Schema):
    agreement: str = Field(..., alias="agreement.slug")
    year: int
    title: str
    description: str
    areas: list[AreaRef]


class ProposalOut(Schema):
    id: int
    agreement: str = Field(..., alias="agreement.slug")
    year: int
    title: str
    motivation: str
    status: str
    status_label: str = Field(..., alias="get_status_display")
    preparation_note: str
    areas: list[AreaRef]
    supporters: int = Field(..., description="How many people support the proposal")
    created_at: datetime.datetime
    url: str = Field(..., alias="get_absolute_url")


class AgreementQuery(Schema):
    agreement: str = Field("", description="An agreement's slug, e.g. malmoandan")


class FocusQuery(AgreementQuery):
    year: int | None = Field(None, description="Only this year")


class ProposalQuery(FocusQuery):
    status: str = Field(
        "", description="proposed, prepared, on_agenda, adopted, not_adopted or withdrawn"
    )


@router.get(
    "/areas",
    response=list[AreaOut],
    summary=gettext_noop("Priority areas with their current hosts and phase"),
    tags=AREAS,
)
def list_areas(request, filters: Query[AgreementQuery]):
    agreement = agreement_filter(filters.agreement)
    return selectors.areas_of(agreement, goals=False)  # the list does not show them


@router.get(
    "/areas/{agreement}/{slug}",
    response=AreaDetailOut,
    summary=gettext_noop(
        "One priority area: description, goals, current hosts, phase and its history"
    ),
    tags=AREAS,
)
def get_area(request, agreement: str, slug: str):
    areas = selectors.areas_of(get_agreement(agreement))
    return get_object_or_404(
        areas.prefetch_related(
            Prefetch(
                "phase_changes",
                queryset=PhaseChange.objects.order_by("-changed_on", "-id"),
                to_attr="phase_history",
            )
        ),
        slug=slug,
    )


@router.get(
    "/focus-areas",
    response=list[FocusAreaOut],
    summary=gettext_noop("The focus areas the steering groups chose, newest year first"),
    tags=FOCUS,
)
def list_focus_areas(request, filters: Query[FocusQuery]):
    qs = FocusArea.objects.select_related("agreement").prefetch_related("areas")
    agreement = agreement_filter(filters.agreement)
    if agreement is not None:
        qs = qs.filter(agreement=agreement)
    if filters.year:
        qs = qs.filter(year=filters.year)
    return qs.order_by("-year", "agreement__slug")


@router.get(
    "/focus-area-proposals",
    response=list[ProposalOut],
    summary=gettext_noop("Proposed focus areas with their number of supporters (no personal data)"),
    tags=FOCUS,
)
@paginate(PageNumberPagination, page_size=50)
def list_proposals(request, filters: Query[ProposalQuery]):
    agreement = agreement_filter(filters.agreement)
    qs = selectors.proposals_with_support(agreement)
    if filters.year:
        qs = qs.filter(year=filters.year)
    if filters.status:
        qs = qs.filter(status=filters.status)
    return qs
