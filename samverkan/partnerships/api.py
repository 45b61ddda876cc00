"""Collaborations of the public mapping, their figures per year and the public fields of IOP
agreements: read-only. The internal note, documents, follow-ups and who confirmed a condition
are not exposed."""

import datetime
from decimal import Decimal

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from samverkan.actors.api import OrganisationRef
from samverkan.agreements.selectors import agreement_filter, get_agreement
from samverkan.core.exceptions import ApplicationError
from samverkan.core.links import slug_address
from samverkan.core.pagination import PageNumberPagination
from samverkan.partnerships import selectors
from samverkan.partnerships.models import Collaboration, CollaborationParty, IopCondition

router = Router()

TAGS = ["collaborations"]
MIN_YEAR = 2000


# A page of collaborations names fifty of them and their parties, each with its address and
# labels: a reverse() and a get_FOO_display() (which rebuilds the choices and translates every
# label) per row were most of the page's Python. The labels are looked up, the addresses made
# from one reverse() per kind of page.
KIND_LABELS = dict(Collaboration.Kind.choices)
STATUS_LABELS = dict(Collaboration.Status.choices)
ROLE_LABELS = dict(CollaborationParty.Role.choices)


def _label(labels: dict, value) -> str:
    return str(labels.get(value, value))


class PartyOut(Schema):
    organisation: OrganisationRef
    role: str = Field(..., description="lead, partner, funder or other")
    role_label: str

    @staticmethod
    def resolve_role_label(obj) -> str:
        return _label(ROLE_LABELS, obj.role)


class AreaRef(Schema):
    slug: str
    title: str


class DistrictRef(Schema):
    slug: str
    name: str


class CollaborationOut(Schema):
    agreement: str = Field(..., alias="agreement.slug")
    slug: str
    title: str
    kind: str = Field(..., description="iop, project, network, dialogue, grant_funded or other")
    kind_label: str
    status: str = Field(..., description="planned, running or ended")
    status_label: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    mapping_year: int = Field(..., description="The year of the mapping it was first recorded in")
    parties: list[PartyOut]
    areas: list[AreaRef]
    districts: list[DistrictRef]
    url: str

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return _label(KIND_LABELS, obj.kind)

    @staticmethod
    def resolve_status_label(obj) -> str:
        return _label(STATUS_LABELS, obj.status)

    @staticmethod
    def resolve_url(obj) -> str:
        return slug_address("partnerships:detail", obj.slug, agreement=obj.agreement.slug)


class CollaborationDetailOut(CollaborationOut):
    description: str
    results: str


class CollaborationQuery(Schema):
    agreement: str = Field(..., description="An agreement's slug, e.g. malmoandan")
    q: str = Field("", description="Swedish search in title, description and results")
    kind: str = ""
    status: str = ""
    area: str = Field("", description="A priority area's slug")
    district: str = Field("", description="A district's slug")
    year: int | None = Field(None, description="The year of the mapping")
    organisation: str = Field("", description="A party organisation's slug")


class FigureRowOut(Schema):
    key: str
    label: str
    new: int
    running: int
    ended: int


class FiguresOut(Schema):
    agreement: str
    year: int
    new: int
    running: int
    ended: int
    by_kind: list[FigureRowOut]
    by_area: list[FigureRowOut]
    by_district: list[FigureRowOut]


class FiguresQuery(Schema):
    agreement: str = Field(..., description="An agreement's slug")
    year: int = Field(..., description="The year, e.g. 2022")


class ConditionOut(Schema):
    condition: str = Field(..., description=", ".join(IopCondition.values))
    label: str
    confirmed: bool
    confirmed_on: datetime.date | None


class CollaborationRef(Schema):
    agreement: str = Field(..., alias="agreement.slug")
    slug: str
    title: str
    url: str = Field(..., alias="get_absolute_url")


class IopOut(Schema):
    collaboration: CollaborationRef
    parties: list[PartyOut]
    purpose: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    value: Decimal = Field(..., description="Kronor, exact to the öre")
    signed_on: datetime.date | None
    checklist: list[ConditionOut]
    url: str

    @staticmethod
    def resolve_parties(obj):
        return list(obj.collaboration.parties.all())

    @staticmethod
    def resolve_url(obj):
        return obj.get_absolute_url()

    @staticmethod
    def resolve_checklist(obj):
        return [
            {
                "condition": item["key"],
                "label": str(item["label"]),
                "confirmed": item["confirmed_at"] is not None,
                "confirmed_on": timezone.localdate(item["confirmed_at"])
                if item["confirmed_at"]
                else None,
            }
            for item in obj.checklist()
        ]


class IopQuery(Schema):
    agreement: str = Field("", description="An agreement's slug")
    signed: bool | None = Field(None, description="Only signed (true) or unsigned (false)")


@router.get(
    "/collaborations",
    response=list[CollaborationOut],
    summary=gettext_noop("The public mapping of collaborations, filtered and searched"),
    tags=TAGS,
)
@paginate(PageNumberPagination, page_size=50)
def list_collaborations(request, filters: Query[CollaborationQuery]):
    agreement = get_agreement(filters.agreement)
    return selectors.search_collaborations(
        agreement, selectors.CollaborationFilters(**filters.dict(exclude={"agreement"}))
    )


@router.get(
    "/collaborations/figures",
    response=FiguresOut,
    summary=gettext_noop(
        "New, running and ended collaborations of a year, by kind, area and district"
    ),
    tags=TAGS,
)
def collaboration_figures(request, filters: Query[FiguresQuery]):
    agreement = get_agreement(filters.agreement)
    if not MIN_YEAR <= filters.year <= timezone.localdate().year + 1:
        raise ApplicationError(
            _("The year must be between %(first)s and %(last)s.")
            % {"first": MIN_YEAR, "last": timezone.localdate().year + 1},
            code="invalid_year",
            field="year",
        )
    figures = selectors.collaboration_figures(agreement, filters.year)
    return {"agreement": agreement.slug, **figures.__dict__}


@router.get(
    "/collaborations/{agreement}/{slug}",
    response=CollaborationDetailOut,
    summary=gettext_noop("One collaboration of the public mapping"),
    tags=TAGS,
)
def get_collaboration(request, agreement: str, slug: str):
    agreement = get_agreement(agreement)
    return get_object_or_404(
        selectors.with_relations(Collaboration.objects.public().select_related("agreement")),
        agreement=agreement,
        slug=slug,
    )


@router.get(
    "/iop-agreements",
    response=list[IopOut],
    summary=gettext_noop(
        "IOP agreements: parties, period, value, purpose, signing and checklist state"
    ),
    tags=TAGS,
)
@paginate(PageNumberPagination, page_size=50)
def list_iop_agreements(request, filters: Query[IopQuery]):
    agreement = agreement_filter(filters.agreement)
    qs = selectors.public_iop_agreements(agreement)
    if filters.signed is not None:
        qs = qs.filter(signed_on__isnull=not filters.signed)
    return qs
