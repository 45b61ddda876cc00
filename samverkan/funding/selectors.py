"""Reads of funding calls, eligibility and suggestions, and the agreement's economic account,
each in a fixed number of queries."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samverkan.actors.models import District, LegalForm, Organisation, Sector
from samverkan.areas.models import PriorityArea
from samverkan.funding.models import (
    ZERO,
    CallFollow,
    Expense,
    ExpenseCategory,
    Funder,
    FundingCall,
    Grant,
)

PAGE_SIZE = 20
SUGGESTION_LIMIT = 5


# ---------------------------------------------------------------------------------------------
# Calls
# ---------------------------------------------------------------------------------------------


def calls_with_relations(qs: QuerySet | None = None) -> QuerySet:
    qs = FundingCall.objects.all() if qs is None else qs
    return qs.select_related("funder", "agreement").prefetch_related(
        Prefetch("areas", queryset=PriorityArea.objects.order_by("position", "title")),
        Prefetch("districts", queryset=District.objects.order_by("name")),
    )


@dataclass(frozen=True)
class CallFilters:
    q: str = ""
    funder_kind: str = ""
    sector: str = ""
    area: str = ""  # a priority area's slug
    district: str = ""  # a district's slug
    deadline_before: datetime.date | None = None
    include_closed: bool = False


def search_calls(agreement, filters: CallFilters, *, today=None) -> QuerySet:
    """The calls shown in `agreement` (its own and the national ones), open ones only unless
    asked, filtered, soonest deadline first (rolling calls last)."""
    today = today or timezone.localdate()
    qs = FundingCall.objects.all()
    if agreement is not None:
        qs = qs.visible_in(agreement)
    if not filters.include_closed:
        qs = qs.open(today)
    if filters.q:
        for word in filters.q.split()[:8]:
            qs = qs.filter(
                Q(title__icontains=word)
                | Q(description__icontains=word)
                | Q(funder__name__icontains=word)
            )
    if filters.funder_kind:
        qs = qs.filter(funder__kind=filters.funder_kind)
    if filters.sector:
        qs = qs.filter(Q(sectors="") | Q(sectors__contains=f",{filters.sector},"))
    if filters.area:
        qs = qs.filter(Q(areas__isnull=True) | Q(areas__slug=filters.area))
    if filters.district:
        qs = qs.filter(Q(districts__isnull=True) | Q(districts__slug=filters.district))
    if filters.deadline_before:
        qs = qs.filter(deadline__lte=filters.deadline_before)
    if filters.area or filters.district:
        # The joins above can repeat a call; keep each once without DISTINCT's ordering limits.
        qs = FundingCall.objects.filter(pk__in=qs.values("pk"))
    return calls_with_relations(qs).by_deadline()


def calls_page(agreement, filters: CallFilters, page_number, *, today=None):
    return Paginator(search_calls(agreement, filters, today=today), PAGE_SIZE).get_page(page_number)


def call_in(agreement, slug: str) -> FundingCall | None:
    return calls_with_relations(FundingCall.objects.visible_in(agreement)).filter(slug=slug).first()


def follows(user, call) -> bool:
    if not user.is_authenticated:
        return False
    return CallFollow.objects.filter(user=user, call=call).exists()


def funders_with_counts(day=None) -> QuerySet:
    day = day or timezone.localdate()
    open_calls = (Q(calls__deadline__isnull=True) | Q(calls__deadline__gte=day)) & (
        Q(calls__opens_on__isnull=True) | Q(calls__opens_on__lte=day)
    )
    return Funder.objects.select_related("organisation").annotate(
        open_calls=Count("calls", filter=open_calls)
    )


def _join(items) -> str:
    return ", ".join(str(i) for i in items)


def eligibility_in_words(call: FundingCall) -> list[str]:
    """Who may apply, where and for what, as sentences for the call's page."""
    lines = []
    if call.sector_labels:
        lines.append(_("Open to organisations of: %(list)s.") % {"list": _join(call.sector_labels)})
    else:
        lines.append(_("Open to organisations of every sector."))
    if call.legal_form_labels:
        lines.append(
            _("Legal forms that may apply: %(list)s.") % {"list": _join(call.legal_form_labels)}
        )
    else:
        lines.append(_("Every legal form may apply."))
    areas = [a.title for a in call.areas.all()]
    if areas:
        lines.append(_("For work within: %(list)s.") % {"list": _join(areas)})
    else:
        lines.append(_("For work in any area."))
    districts = [d.name for d in call.districts.all()]
    if districts:
        lines.append(_("For activities in: %(list)s.") % {"list": _join(districts)})
    else:
        lines.append(_("For activities anywhere in the municipality."))
    return lines


# ---------------------------------------------------------------------------------------------
# Eligibility and suggestions
# ---------------------------------------------------------------------------------------------


@dataclass
class Suggestion:
    """A call that fits, how well (score) and why (reasons, ready to show)."""

    call: FundingCall
    score: int
    reasons: list[str] = field(default_factory=list)
    applicants: list[Organisation] = field(default_factory=list)


# What ranking and the suggestion cards read of a call: every open call is ranked, and its
# texts and its agreement's (vision, plan) made each of those rows wide for nothing.
RANKED_CALL_COLUMNS = (
    "title",
    "slug",
    "sectors",
    "legal_forms",
    "amount_max",
    "opens_on",
    "deadline",
    "funder__name",
    "funder__slug",
)


def _open_calls(agreement, today, *, area_ids=None, district_ids=None) -> list[FundingCall]:
    """The open calls shown in `agreement`, soonest deadline first, each with the ids of its
    areas and districts (`area_ids`, `district_ids`): ranking compares ids only, so the
    link tables are read without the areas' and districts' rows. Three queries.

    Given the `area_ids` and `district_ids` of what is matched, only the calls that allow any
    area or share one, and any district or share one, are read: the others are never suggested
    (_rank), and reading every open call made each suggestion grow with them."""
    qs = FundingCall.objects.open(today)
    if agreement is not None:
        qs = qs.visible_in(agreement)
    for ids, through, column in (
        (area_ids, FundingCall.areas.through, "priorityarea_id"),
        (district_ids, FundingCall.districts.through, "district_id"),
    ):
        if ids is None:
            continue
        links = through.objects.filter(fundingcall_id=OuterRef("pk"))
        fits = ~Exists(links)
        if ids:
            fits |= Exists(links.filter(**{f"{column}__in": sorted(ids)}))
        qs = qs.filter(fits)
    calls = list(qs.select_related("funder").only(*RANKED_CALL_COLUMNS).by_deadline())
    ids = [call.pk for call in calls]
    area_ids, district_ids = defaultdict(set), defaultdict(set)
    if ids:
        links = FundingCall.areas.through.objects.filter(fundingcall_id__in=ids)
        for call_id, area_id in links.values_list("fundingcall_id", "priorityarea_id"):
            area_ids[call_id].add(area_id)
        links = FundingCall.districts.through.objects.filter(fundingcall_id__in=ids)
        for call_id, district_id in links.values_list("fundingcall_id", "district_id"):
            district_ids[call_id].add(district_id)
    for call in calls:
        call.area_ids = area_ids[call.pk]
        call.district_ids = district_ids[call.pk]
    return calls


def _allows(call: FundingCall, organisation: Organisation) -> bool:
    sectors, forms = call.sector_list, call.legal_form_list
    return (not sectors or organisation.sector in sectors) and (
        not forms or organisation.legal_form in forms
    )


def _who_reason(call: FundingCall, organisation: Organisation) -> str:
    sector = str(Sector(organisation.sector).label) if organisation.sector in Sector.values else ""
    form = (
        str(LegalForm(organisation.legal_form).label)
        if organisation.legal_form in LegalForm.values
        else ""
    )
    if call.sector_list or call.legal_form_list:
        return _("%(org)s may apply (%(form)s, %(sector)s).") % {
            "org": organisation.name,
            "form": form,
            "sector": sector,
        }
    return _("%(org)s may apply: the call is open to every kind of organisation.") % {
        "org": organisation.name
    }


def _rank(
    calls,
    applicants,
    area_ids: set,
    district_ids: set,
    *,
    areas_by_id,
    districts_by_id,
    today,
    limit: int | None = None,
) -> list[Suggestion]:
    """Keep the calls that at least one applicant may apply to and whose areas and districts
    overlap (or allow any); score them by the overlap, specific overlaps above "any". The
    best `limit` (all without one) get their reasons: only those are shown."""
    ranked = []
    for call in calls:
        allowed = [org for org in applicants if _allows(call, org)]
        if not allowed:
            continue
        shared_areas = call.area_ids & area_ids
        shared_districts = call.district_ids & district_ids
        if call.area_ids and not shared_areas:
            continue
        if call.district_ids and not shared_districts:
            continue
        # A specific match weighs more than "any": a call for Lindängen beats a call for all.
        score = 3 * len(shared_areas) + 2 * len(shared_districts)
        score += (1 if call.sector_list or call.legal_form_list else 0) + 1
        ranked.append((score, call, allowed, shared_areas, shared_districts))
    far = datetime.date.max
    ranked.sort(key=lambda r: (-r[0], r[1].deadline or far, r[1].title))
    suggestions = []
    for score, call, allowed, shared_areas, shared_districts in ranked[:limit]:
        reasons = [_who_reason(call, org) for org in allowed[:2]]
        if shared_areas:
            names = sorted(str(areas_by_id[pk]) for pk in shared_areas)
            reasons.append(_("Shared areas: %(list)s.") % {"list": _join(names)})
        else:
            reasons.append(_("The call is open to every area."))
        if shared_districts:
            names = sorted(str(districts_by_id[pk]) for pk in shared_districts)
            reasons.append(_("Shared districts: %(list)s.") % {"list": _join(names)})
        else:
            reasons.append(_("The call is open to the whole municipality."))
        days = call.days_left(today)
        if days is None:
            reasons.append(_("No deadline: applications are taken all year."))
        else:
            reasons.append(
                ngettext(
                    "The deadline is in %(days)d day.",
                    "The deadline is in %(days)d days.",
                    days,
                )
                % {"days": days}
            )
        suggestions.append(Suggestion(call=call, score=score, reasons=reasons, applicants=allowed))
    return suggestions


def _hosted_areas(organisation, today) -> list[PriorityArea]:
    return list(
        PriorityArea.objects.filter(
            Q(hostings__organisation=organisation, hostings__starts_on__lte=today)
            & (Q(hostings__ends_on__isnull=True) | Q(hostings__ends_on__gte=today))
        ).distinct()
    )


def eligible_calls_for_organisation(
    organisation: Organisation, *, agreement=None, today=None, limit: int | None = None
) -> list[Suggestion]:
    """The open calls the organisation may apply to: its sector and legal form are allowed, and
    the call's areas (the priority areas it hosts) and districts (its own) overlap or are any.
    Best fit first, then the soonest deadline."""
    today = today or timezone.localdate()
    areas = _hosted_areas(organisation, today)
    districts = list(organisation.districts.all())
    area_ids, district_ids = {a.pk for a in areas}, {d.pk for d in districts}
    result = _rank(
        _open_calls(agreement, today, area_ids=area_ids, district_ids=district_ids),
        [organisation],
        area_ids,
        district_ids,
        areas_by_id={a.pk: a for a in areas},
        districts_by_id={d.pk: d for d in districts},
        today=today,
        limit=limit or None,
    )
    return result


def suggest_calls_for_posting(posting, *, today=None, limit: int | None = None) -> list[Suggestion]:
    """The open calls that fit a need or offer: its organisation may apply, and the posting's
    areas and districts (or, when it names none, its organisation's districts) overlap."""
    today = today or timezone.localdate()
    organisation = posting.organisation
    areas = list(posting.areas.all())
    districts = list(posting.districts.all()) or list(organisation.districts.all())
    area_ids, district_ids = {a.pk for a in areas}, {d.pk for d in districts}
    result = _rank(
        _open_calls(
            posting.agreement_id and posting.agreement,
            today,
            area_ids=area_ids,
            district_ids=district_ids,
        ),
        [organisation],
        area_ids,
        district_ids,
        areas_by_id={a.pk: a for a in areas},
        districts_by_id={d.pk: d for d in districts},
        today=today,
        limit=limit or None,
    )
    if posting.kind == "funding" and posting.direction == "need":
        for suggestion in result:
            suggestion.reasons.insert(0, _("The posting asks for funding."))
    return result


def suggest_calls_for_collaboration(
    collaboration, *, today=None, limit: int | None = None
) -> list[Suggestion]:
    """The open calls that fit a collaboration: at least one party (the lead first) may apply,
    and the collaboration's areas and districts overlap or the call allows any."""
    today = today or timezone.localdate()
    parties = sorted(
        collaboration.parties.select_related("organisation"),
        key=lambda p: (p.role != "lead", p.organisation.name),
    )
    applicants = [p.organisation for p in parties]
    areas = list(collaboration.areas.all())
    districts = list(collaboration.districts.all())
    area_ids, district_ids = {a.pk for a in areas}, {d.pk for d in districts}
    result = _rank(
        _open_calls(collaboration.agreement, today, area_ids=area_ids, district_ids=district_ids),
        applicants,
        area_ids,
        district_ids,
        areas_by_id={a.pk: a for a in areas},
        districts_by_id={d.pk: d for d in districts},
        today=today,
        limit=limit or None,
    )
    return result


# ---------------------------------------------------------------------------------------------
# The economic account
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CategorySum:
    category: str
    label: str
    amount: Decimal


@dataclass(frozen=True)
class EconomicAccount:
    """The economic account (ekonomisk redovisning) of one year of an agreement.

    Balance = the year's grants − the year's expenses. Nothing is carried over: the city board
    grants the money a year at a time ("ett årligt bidrag") and the annual report accounts for
    each year on its own, so an unspent or overspent sum shows as that year's balance only.
    """

    agreement_id: int
    year: int
    grants: list[Grant]
    categories: list[CategorySum]
    total_grants: Decimal
    total_spent: Decimal
    balance: Decimal
    expense_count: int

    @property
    def is_empty(self) -> bool:
        return not self.grants and not self.expense_count


def _sum_by(rows) -> tuple[dict, dict]:
    """Exact sums of (key, amount) rows in Python. SQLite keeps decimals as binary floating
    point, so its SUM() is not exact; each stored amount (two decimals) reads back exactly, and
    a budget has at most a few thousand entries."""
    totals: dict = {}
    counts: dict = {}
    for key, amount in rows:
        totals[key] = totals.get(key, ZERO) + amount
        counts[key] = counts.get(key, 0) + 1
    return totals, counts


def economic_account(agreement, year: int) -> EconomicAccount:
    """Per-category sums of the year's expenses (every category, zero included, in the
    report's order), the grants, total granted, total spent and the balance. Two queries."""
    grants = list(
        Grant.objects.filter(agreement=agreement, year=year)
        .select_related("recipient")
        .order_by("-amount", "purpose", "pk")
    )
    sums, counts = _sum_by(
        Expense.objects.filter(agreement=agreement, spent_on__year=year).values_list(
            "category", "amount"
        )
    )
    categories = [
        CategorySum(category=c.value, label=str(c.label), amount=sums.get(c.value, ZERO))
        for c in ExpenseCategory
    ]
    total_grants = sum((g.amount for g in grants), ZERO)
    total_spent = sum((c.amount for c in categories), ZERO)
    return EconomicAccount(
        agreement_id=agreement.pk,
        year=year,
        grants=grants,
        categories=categories,
        total_grants=total_grants,
        total_spent=total_spent,
        balance=total_grants - total_spent,
        expense_count=sum(counts.values()),
    )


@dataclass(frozen=True)
class YearSummary:
    year: int
    total_grants: Decimal
    total_spent: Decimal

    @property
    def balance(self) -> Decimal:
        return self.total_grants - self.total_spent


def budget_years(agreement) -> list[YearSummary]:
    """Every year with grants or expenses, newest first, with its totals. Two queries."""
    granted, _n = _sum_by(Grant.objects.filter(agreement=agreement).values_list("year", "amount"))
    spent, _n = _sum_by(
        (day.year, amount)
        for day, amount in Expense.objects.filter(agreement=agreement).values_list(
            "spent_on", "amount"
        )
    )
    years = sorted(set(granted) | set(spent), reverse=True)
    return [
        YearSummary(year=y, total_grants=granted.get(y, ZERO), total_spent=spent.get(y, ZERO))
        for y in years
    ]


def expense_lines(agreement, year: int) -> QuerySet:
    return (
        Expense.objects.filter(agreement=agreement, spent_on__year=year)
        .select_related("grant")
        .order_by("spent_on", "pk")
    )
