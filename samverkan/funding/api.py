"""Funding calls, funders and the agreement's economic account: read-only, public fields.

Amounts are exact decimal strings ("1000000.00"), never JSON numbers, so no client reads them
as floating point. Who follows a call and the individual expense entries are not exposed.
"""

import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_noop
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from samverkan.agreements.selectors import agreement_filter, get_agreement
from samverkan.core.pagination import PageNumberPagination
from samverkan.funding import selectors
from samverkan.funding.models import MAX_YEAR, MIN_YEAR

router = Router()

CALLS = ["funding calls"]
BUDGET = ["budget"]
AMOUNT = 'An exact amount in kronor as a decimal string, e.g. "12345.50"'


def _amount(value) -> str | None:
    return None if value is None else format(value, "f")


class FunderOut(Schema):
    slug: str
    name: str
    kind: str = Field(..., description="municipality, state, foundation, eu or other")
    kind_label: str = Field(..., alias="get_kind_display")
    website: str
    description: str


class FunderListOut(FunderOut):
    open_calls: int


class Ref(Schema):
    slug: str
    name: str


class CallOut(Schema):
    slug: str
    title: str
    funder: FunderOut
    agreement: str | None = Field(None, description="The agreement's slug; null for national calls")
    status: str = Field(..., description="upcoming, open or closed (from the dates)")
    sectors: list[str] = Field(..., description="Sectors that may apply; empty = any")
    legal_forms: list[str] = Field(..., description="Legal forms that may apply; empty = any")
    areas: list[Ref] = Field(..., description="Priority areas; empty = any")
    districts: list[Ref] = Field(..., description="Districts; empty = anywhere")
    amount_min: str | None = Field(None, description=AMOUNT)
    amount_max: str | None = Field(None, description=AMOUNT)
    opens_on: datetime.date | None
    deadline: datetime.date | None = Field(None, description="null for a rolling call")
    link: str

    @staticmethod
    def resolve_agreement(obj) -> str | None:
        return obj.agreement.slug if obj.agreement_id else None

    @staticmethod
    def resolve_sectors(obj) -> list[str]:
        return obj.sector_list

    @staticmethod
    def resolve_legal_forms(obj) -> list[str]:
        return obj.legal_form_list

    @staticmethod
    def resolve_areas(obj) -> list[dict]:
        return [{"slug": a.slug, "name": a.title} for a in obj.areas.all()]

    @staticmethod
    def resolve_districts(obj) -> list[dict]:
        return [{"slug": d.slug, "name": d.name} for d in obj.districts.all()]

    @staticmethod
    def resolve_amount_min(obj) -> str | None:
        return _amount(obj.amount_min)

    @staticmethod
    def resolve_amount_max(obj) -> str | None:
        return _amount(obj.amount_max)


class CallDetailOut(CallOut):
    description: str
    eligibility_note: str
    eligibility: list[str] = Field(..., description="Who may apply, in words")

    @staticmethod
    def resolve_eligibility(obj) -> list[str]:
        return selectors.eligibility_in_words(obj)


class CallQuery(Schema):
    agreement: str = Field("", description="An agreement's slug: its own calls and national ones")
    q: str = Field("", description="Words in the title, description or funder's name")
    funder_kind: str = Field("", description="municipality, state, foundation, eu or other")
    sector: str = Field("", description="Only calls open to this sector")
    area: str = Field("", description="Only calls open to this priority area (slug)")
    district: str = Field("", description="Only calls open to this district (slug)")
    deadline_before: datetime.date | None = Field(None, description="Deadline on or before")
    include_closed: bool = Field(False, description="Also calls that are closed or not yet open")


class CategoryOut(Schema):
    category: str
    label: str
    amount: str = Field(..., description=AMOUNT)


class GrantOut(Schema):
    purpose: str
    recipient: str
    decided_by: str
    reference: str
    amount: str = Field(..., description=AMOUNT)


class AccountOut(Schema):
    agreement: str
    year: int
    grants: list[GrantOut]
    categories: list[CategoryOut]
    total_grants: str = Field(..., description=AMOUNT)
    total_spent: str = Field(..., description=AMOUNT)
    balance: str = Field(..., description=AMOUNT + "; grants − spent, not carried over")


@router.get(
    "/funding-calls",
    response=list[CallOut],
    summary=gettext_noop("Open funding calls, soonest deadline first"),
    tags=CALLS,
)
@paginate(PageNumberPagination, page_size=50)
def list_calls(request, filters: Query[CallQuery]):
    return selectors.search_calls(
        agreement_filter(filters.agreement),
        selectors.CallFilters(
            q=filters.q.strip(),
            funder_kind=filters.funder_kind,
            sector=filters.sector,
            area=filters.area,
            district=filters.district,
            deadline_before=filters.deadline_before,
            include_closed=filters.include_closed,
        ),
    )


@router.get(
    "/funding-calls/{slug}",
    response=CallDetailOut,
    summary=gettext_noop("One funding call with its eligibility in words"),
    tags=CALLS,
)
def get_call(request, slug: str):
    return get_object_or_404(selectors.calls_with_relations(), slug=slug)


@router.get("/funders", response=list[FunderListOut], summary=gettext_noop("Funders"), tags=CALLS)
def list_funders(request):
    return selectors.funders_with_counts()


@router.get(
    "/budget/{agreement}/{year}",
    response=AccountOut,
    summary=gettext_noop("The economic account of a year: grants, spending by category, balance"),
    tags=BUDGET,
)
def get_account(request, agreement: str, year: int):
    agreement = get_agreement(agreement)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404("No such year")
    account = selectors.economic_account(agreement, year)
    return {
        "agreement": agreement.slug,
        "year": year,
        "grants": [
            {
                "purpose": g.purpose,
                "recipient": g.recipient_label,
                "decided_by": g.decided_by,
                "reference": g.reference,
                "amount": _amount(g.amount),
            }
            for g in account.grants
        ],
        "categories": [
            {"category": c.category, "label": c.label, "amount": _amount(c.amount)}
            for c in account.categories
        ],
        "total_grants": _amount(account.total_grants),
        "total_spent": _amount(account.total_spent),
        "balance": _amount(account.balance),
    }
