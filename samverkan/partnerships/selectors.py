"""Reads of the mapping that need thought: search and filters, one collaboration's page, an IOP
agreement's page, and the figures per year the annual report includes."""

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Collate, ExtractYear
from django.utils import timezone

from samverkan.actors.models import District, Organisation
from samverkan.areas.models import PriorityArea
from samverkan.core.collation import SWEDISH_COLLATION, swedish_sort_key
from samverkan.core.links import slug_address
from samverkan.partnerships import permissions
from samverkan.partnerships.models import (
    Collaboration,
    CollaborationParty,
    IopAgreement,
    IopCondition,
)
from samverkan.partnerships.search import search

FIRST_MAPPING_YEAR = 2018  # the mapping began in November 2018 (seed 003)

ROLE_ORDER = Case(
    *[When(role=role, then=Value(n)) for n, role in enumerate(CollaborationParty.Role.values)],
    output_field=IntegerField(),
)


@dataclass(frozen=True)
class CollaborationFilters:
    q: str = ""
    kind: str = ""
    status: str = ""
    area: str = ""  # slug of a priority area of the agreement
    district: str = ""  # slug
    year: int | None = None  # mapping year
    organisation: str = ""  # a party's organisation: its slug, or a part of its name


def parties_prefetch() -> Prefetch:
    return Prefetch(
        "parties",
        queryset=CollaborationParty.objects.select_related("organisation").order_by(
            ROLE_ORDER, Collate("organisation__name", SWEDISH_COLLATION), "pk"
        ),
    )


def with_relations(qs: QuerySet) -> QuerySet:
    """Parties (lead first, with their organisations), areas and districts in one query each."""
    return qs.prefetch_related(
        parties_prefetch(),
        Prefetch("areas", queryset=PriorityArea.objects.order_by("position", "title")),
        Prefetch("districts", queryset=District.objects.order_by("name")),
    )


def search_collaborations(
    agreement, filters: CollaborationFilters, *, public_only: bool = True
) -> QuerySet:
    """The agreement's collaborations matching the filters and every word of the search, in
    Swedish alphabetical order of their titles, with parties, areas and districts prefetched."""
    qs = Collaboration.objects.filter(agreement=agreement).select_related("agreement")
    if public_only:
        qs = qs.public()
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.year:
        qs = qs.filter(mapping_year=filters.year)
    # Filters through many-to-many relations as subqueries: no duplicate rows, no DISTINCT.
    if filters.area:
        qs = qs.filter(
            pk__in=Collaboration.areas.through.objects.filter(
                priorityarea__slug=filters.area
            ).values("collaboration_id")
        )
    if filters.district:
        qs = qs.filter(
            pk__in=Collaboration.districts.through.objects.filter(
                district__slug=filters.district
            ).values("collaboration_id")
        )
    if filters.organisation:
        qs = qs.filter(
            pk__in=CollaborationParty.objects.filter(
                Q(organisation__slug=filters.organisation)
                | Q(organisation__name__icontains=filters.organisation)
            ).values("collaboration_id")
        )
    qs = search(qs, filters.q)
    return with_relations(qs.order_by(Collate("title", SWEDISH_COLLATION), "pk"))


KIND_LABELS = dict(Collaboration.Kind.choices)
STATUS_LABELS = dict(Collaboration.Status.choices)


def for_list(agreement, collaborations) -> list[Collaboration]:
    """A page of collaborations with their address, kind and status label: from one reverse()
    (core.links.slug_address) and the choices read once, where `get_absolute_url` and
    `get_FOO_display` per card were a large part of the list's time."""
    rows = list(collaborations)
    for c in rows:
        c.url = slug_address("partnerships:detail", c.slug, agreement=agreement.slug)
        c.kind_label = KIND_LABELS.get(c.kind, c.kind)
        c.status_label = STATUS_LABELS.get(c.status, c.status)
    return rows


# Up to this many organisations the filter is a list to choose from; beyond it (a city-scale
# mapping has thousands, a page of 700 KB) it is a text field matching a part of the name.
ORGANISATION_CHOICES_LIMIT = 100


def filter_choices(agreement) -> dict:
    """What the list's filters offer: the agreement's areas, the districts and organisations that
    take part in some collaboration (at most ORGANISATION_CHOICES_LIMIT + 1: more means too
    many to list), the years of the mapping."""
    collaborations = Collaboration.objects.filter(agreement=agreement).public()
    return {
        "kinds": Collaboration.Kind.choices,
        "statuses": Collaboration.Status.choices,
        "areas": list(
            PriorityArea.objects.filter(agreement=agreement)
            .order_by("position", "title")
            .values_list("slug", "title")
        ),
        "districts": list(
            District.objects.filter(
                pk__in=Collaboration.districts.through.objects.filter(
                    collaboration__in=collaborations
                ).values("district_id")
            )
            .order_by(Collate("name", SWEDISH_COLLATION))
            .values_list("slug", "name")
        ),
        "organisations": list(
            Organisation.objects.filter(
                pk__in=CollaborationParty.objects.filter(collaboration__in=collaborations).values(
                    "organisation_id"
                )
            )
            .order_by(Collate("name", SWEDISH_COLLATION))
            .values_list("slug", "name")[: ORGANISATION_CHOICES_LIMIT + 1]
        ),
        "years": list(
            collaborations.order_by("-mapping_year")
            .values_list("mapping_year", flat=True)
            .distinct()
        ),
    }


def get_collaboration(agreement, slug: str) -> Collaboration:
    """One collaboration with what permission checks need (parties and their organisations)."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        Collaboration.objects.select_related("agreement").prefetch_related(parties_prefetch()),
        agreement=agreement,
        slug=slug,
    )


def collaboration_page_data(agreement, slug: str, *, user) -> dict | None:
    """Everything one collaboration's page shows, in a fixed number of queries. None when there
    is no such collaboration or it is not public and the person may not edit it."""
    collaboration = with_relations(
        Collaboration.objects.filter(agreement=agreement, slug=slug).select_related(
            "agreement", "iop"
        )
    ).first()
    if collaboration is None:
        return None
    if not permissions.can_view_collaboration(user, collaboration)[0]:
        return None
    can_edit = permissions.can_edit_collaboration(user, collaboration)[0]
    iop = getattr(collaboration, "iop", None) if collaboration.is_iop else None
    return {
        "agreement": agreement,
        "collaboration": collaboration,
        "iop": iop,
        "can_edit": can_edit,
        "can_end": can_edit and collaboration.status != Collaboration.Status.ENDED,
        "can_manage_iop": can_edit and collaboration.is_iop,
    }


def iop_queryset() -> QuerySet:
    return IopAgreement.objects.select_related(
        "collaboration__agreement",
        "signed_by",
        *[f"{condition.value}_confirmed_by" for condition in IopCondition],
    )


def iop_page_data(agreement, slug: str, *, user) -> dict | None:
    """The IOP agreement of a collaboration: public fields for all, documents, follow-ups and
    the internal note for those who work on it."""
    collaboration = (
        Collaboration.objects.filter(agreement=agreement, slug=slug, kind=Collaboration.Kind.IOP)
        .select_related("agreement")
        .prefetch_related(parties_prefetch())
        .first()
    )
    if collaboration is None or not permissions.can_view_collaboration(user, collaboration)[0]:
        return None
    iop = iop_queryset().filter(collaboration=collaboration).first()
    can_manage = permissions.can_manage_iop(user, collaboration)[0]
    can_confirm = permissions.can_confirm_conditions(user, collaboration)[0]
    data = {
        "agreement": agreement,
        "collaboration": collaboration,
        "iop": iop,
        "can_manage": can_manage,
        "can_confirm": can_confirm,
        "documents": [],
        "follow_ups": [],
    }
    if iop is None:
        return data
    iop.collaboration = collaboration
    data["checklist"] = iop.checklist()
    data["missing"] = iop.missing_conditions()
    if can_manage:
        data["documents"] = list(iop.documents.select_related("uploaded_by"))
        data["follow_ups"] = list(iop.follow_ups.select_related("written_by"))
    return data


def public_iop_agreements(agreement=None) -> QuerySet:
    """IOP agreements of public collaborations, with their parties."""
    qs = IopAgreement.objects.filter(collaboration__is_public=True)
    if agreement is not None:
        qs = qs.filter(collaboration__agreement=agreement)
    return (
        qs.select_related("collaboration__agreement")
        .prefetch_related(
            Prefetch(
                "collaboration__parties",
                queryset=CollaborationParty.objects.select_related("organisation").order_by(
                    ROLE_ORDER, "organisation__name", "pk"
                ),
            )
        )
        .order_by(Collate("collaboration__title", SWEDISH_COLLATION), "pk")
    )


# ---------------------------------------------------------------------------------------------
# Figures per year
# ---------------------------------------------------------------------------------------------
#
# A collaboration counts from its start (starts_on, or 1 January of the year of the mapping it
# was first recorded in when the start is unknown) to its end (ends_on; open when unknown).
# Planned collaborations have not begun and are not counted. Collaborations not shown in the
# public list count all the same: a figure tells nothing about one of them. In a year it is
#   new:     when it starts in that year;
#   running: when it runs at some time in that year (so the new and the ended are running too);
#   ended:   when its end date is in that year and not after today.


@dataclass
class FigureRow:
    key: str
    label: str
    new: int = 0
    running: int = 0
    ended: int = 0


@dataclass
class CollaborationFigures:
    year: int
    new: int = 0
    running: int = 0
    ended: int = 0
    by_kind: list[FigureRow] = field(default_factory=list)
    by_area: list[FigureRow] = field(default_factory=list)
    by_district: list[FigureRow] = field(default_factory=list)


def _begun(agreement, *, year: int | None = None, prefix: str = "") -> Q:
    """The agreement's begun collaborations (those that run at some time in `year`, if given),
    as a condition on the collaborations (prefix "") or on a table that points at them
    ("collaboration__"): a join, not a subquery, when counting by area or district."""
    condition = Q(**{f"{prefix}agreement": agreement}) & ~Q(
        **{f"{prefix}status": Collaboration.Status.PLANNED}
    )
    if year is not None:
        condition &= Q(**{f"{prefix}starts_on__lte": datetime.date(year, 12, 31)}) | Q(
            **{f"{prefix}starts_on__isnull": True, f"{prefix}mapping_year__lte": year}
        )
        condition &= Q(**{f"{prefix}ends_on__isnull": True}) | Q(
            **{f"{prefix}ends_on__gte": datetime.date(year, 1, 1)}
        )
    return condition


def _period_years(prefix: str = "") -> dict:
    """The years of a collaboration's period: `start_year`, `end_year` (None while open) and
    `ended_by_today` (its end date is not after today), for a query on the collaborations
    (prefix "") or on a table that points at them ("collaboration__"). A period is only ever
    compared with whole years (and its end with today): these three classify it in any year."""
    return {
        "start_year": Coalesce(
            ExtractYear(f"{prefix}starts_on"),
            F(f"{prefix}mapping_year"),
            output_field=IntegerField(),
        ),
        "end_year": ExtractYear(f"{prefix}ends_on"),
        "ended_by_today": ExpressionWrapper(
            Q(**{f"{prefix}ends_on__lte": timezone.localdate()}), output_field=BooleanField()
        ),
    }


def _counted_periods(qs: QuerySet, *keys: str, prefix: str = "") -> QuerySet:
    """How many rows of `qs` share each combination of `keys` and period years: the counting is
    done by the database, and what Python classifies grows with the years, not the data."""
    years = _period_years(prefix)
    return (
        qs.annotate(**years)
        .values(*keys, *years)
        .annotate(count=Count("*"))
        .order_by()
        .values_list(*keys, *years, "count")
    )


def _classify(year: int, start_year: int, end_year, ended_by_today) -> tuple[bool, bool, bool]:
    """(new, running, ended) in `year` of a collaboration whose period has these years."""
    running = start_year <= year and (end_year is None or end_year >= year)
    new = start_year == year
    ended = end_year == year and bool(ended_by_today)
    return new, running, ended


def collaboration_figures(agreement, year: int) -> CollaborationFigures:
    """The collaborations of an agreement that were new, running and ended in `year`, in total
    and by kind, priority area and district (a collaboration of two areas counts in both).
    Four queries whatever the number of collaborations, each counted in the database."""
    figures = CollaborationFigures(year=year)
    kinds = {value: FigureRow(value, str(label)) for value, label in Collaboration.Kind.choices}
    running = Collaboration.objects.filter(_begun(agreement, year=year))
    for kind, *period, count in _counted_periods(running, "kind"):
        state = _classify(year, *period)
        _add(figures, state, count)
        _add(kinds[kind], state, count)
    figures.by_kind = list(kinds.values())
    areas = {
        pk: FigureRow(slug, title)
        for pk, slug, title in PriorityArea.objects.filter(agreement=agreement)
        .order_by("position", "title")
        .values_list("pk", "slug", "title")
    }
    of_running = _begun(agreement, year=year, prefix="collaboration__")
    for area_id, *period, count in _counted_periods(
        Collaboration.areas.through.objects.filter(of_running),
        "priorityarea_id",
        prefix="collaboration__",
    ):
        if area_id in areas:
            _add(areas[area_id], _classify(year, *period), count)
    figures.by_area = list(areas.values())
    districts: dict[str, FigureRow] = {}
    for slug, name, *period, count in _counted_periods(
        Collaboration.districts.through.objects.filter(of_running),
        "district__slug",
        "district__name",
        prefix="collaboration__",
    ):
        row = districts.setdefault(slug, FigureRow(slug, name))
        _add(row, _classify(year, *period), count)

    figures.by_district = sorted(districts.values(), key=lambda row: swedish_sort_key(row.label))
    return figures


def _add(row, state: tuple[bool, bool, bool], count: int = 1) -> None:
    new, running, ended = state
    row.new += new * count
    row.running += running * count
    row.ended += ended * count


def figures_by_year(agreement, *, first: int | None = None, last: int | None = None) -> list:
    """Totals (new, running, ended) for each year from the first mapping year to this year, from
    one query."""
    today = timezone.localdate()
    periods = list(_counted_periods(Collaboration.objects.filter(_begun(agreement))))
    first = first or min([FIRST_MAPPING_YEAR, *(start for start, *_ in periods)])
    last = last or today.year
    totals = []
    for year in range(first, last + 1):
        row = FigureRow(str(year), str(year))
        for *period, count in periods:
            _add(row, _classify(year, *period), count)
        totals.append(row)
    return totals
