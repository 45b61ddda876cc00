"""Needs and offers and their suggested matches: read-only, public fields.

Who posted a posting is personal data and is not exposed; the organisation is.
"""

import datetime

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_noop
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from samverkan.actors.models import District
from samverkan.agreements.selectors import agreement_filter
from samverkan.areas.models import PriorityArea
from samverkan.core.pagination import PageNumberPagination
from samverkan.matching import selectors
from samverkan.matching.index import suggest
from samverkan.matching.models import Posting

router = Router()

TAGS = ["needs and offers"]


class SectorOrganisationRef(Schema):
    name: str
    slug: str
    sector: str
    url: str = Field(..., alias="get_absolute_url")


class AreaRef(Schema):
    slug: str
    title: str


class DistrictRef(Schema):
    slug: str
    name: str


class PostingOut(Schema):
    id: int
    agreement: str = Field(..., alias="agreement.slug")
    direction: str = Field(..., description="need or offer")
    kind: str = Field(..., description="partner, premises, volunteers, competence, funding, other")
    kind_label: str = Field(..., alias="get_kind_display")
    title: str
    text: str
    organisation: SectorOrganisationRef
    areas: list[AreaRef]
    districts: list[DistrictRef]
    valid_until: datetime.date | None
    status: str = Field(..., description="open, withdrawn or closed")
    created_at: datetime.datetime
    url: str = Field(..., alias="get_absolute_url")


class SuggestionOut(Schema):
    posting: PostingOut
    score: float = Field(..., description="Text relevance (0–1) plus the bonuses")
    text_score: float = Field(..., description="BM25 relative to the best suggestion, 0–1")
    shared_words: list[str] = Field(..., description="The words both texts use")
    shared_areas: list[AreaRef]
    shared_districts: list[DistrictRef]
    complementary_sectors: bool = Field(
        ..., description="A city posting and a non-profit one complement each other"
    )
    same_kind: bool

    @staticmethod
    def resolve_shared_words(obj):
        return [str(word) for word in obj.shared_words]


class PostingQuery(Schema):
    agreement: str = Field("", description="An agreement's slug, e.g. malmoandan")
    direction: str = Field("", description="need or offer")
    kind: str = Field("", description="partner, premises, volunteers, competence, funding, other")
    area: str = Field("", description="A priority area's slug (needs agreement)")
    district: str = Field("", description="A district's slug")
    q: str = Field("", description="Words to search for (Swedish)")
    include_closed: bool = Field(False, description="Also withdrawn, closed and expired ones")


@router.get(
    "/postings",
    response=list[PostingOut],
    summary=gettext_noop(
        "Needs and offers; open and valid ones unless include_closed, newest first"
    ),
    tags=TAGS,
)
@paginate(PageNumberPagination, page_size=50)
def list_postings(request, filters: Query[PostingQuery]):
    agreement = agreement_filter(filters.agreement)
    area = None
    if filters.area:
        areas = PriorityArea.objects.filter(slug=filters.area)
        area = get_object_or_404(areas if agreement is None else areas.filter(agreement=agreement))
    district = get_object_or_404(District, slug=filters.district) if filters.district else None
    return selectors.search_postings(
        agreement,
        q=filters.q,
        direction=filters.direction if filters.direction in Posting.Direction.values else "",
        kind=filters.kind if filters.kind in Posting.Kind.values else "",
        area=area,
        district=district,
        include_closed=filters.include_closed,
    )


def _posting(pk: int) -> Posting:
    return get_object_or_404(
        Posting.objects.with_owner().prefetch_related("areas", "districts"),
        pk=pk,
    )


@router.get(
    "/postings/{pk}", response=PostingOut, summary=gettext_noop("One need or offer"), tags=TAGS
)
def get_posting(request, pk: int):
    return _posting(pk)


@router.get(
    "/postings/{pk}/suggestions",
    response=list[SuggestionOut],
    summary=gettext_noop(
        "The ten best counterparts of a posting, with the reasons (empty when it is closed)"
    ),
    tags=TAGS,
)
def get_suggestions(request, pk: int):
    posting = _posting(pk)
    if not posting.is_valid():
        return []
    return suggest(posting, limit=10, with_relations=True)
