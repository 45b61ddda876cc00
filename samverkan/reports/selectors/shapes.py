"""The shapes of snapshot.py (figure, table, chart, section) and what sections share."""

import datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.areas.models import FocusArea
from samverkan.core import formatting
from samverkan.events.selectors import participation_figures
from samverkan.governance.models import Body, Meeting
from samverkan.plans.models import PlanPeriod
from samverkan.venues.models import Venue

# How many collaborations the report gives as examples.
EXAMPLE_COUNT = 3
HELD_MEETING = (Meeting.Status.HELD, Meeting.Status.ADJUSTED)


# ---------------------------------------------------------------------------------------------
# The shapes of snapshot.py
# ---------------------------------------------------------------------------------------------


def figure(key, label, value, unit="st", previous=None, link=None) -> dict:
    return {
        "key": key,
        "label": str(label),
        "value": value,
        "unit": unit,
        "previous": previous,
        "link": link,
    }


def table(key, caption, columns, rows, links=None) -> dict:
    """A table; `links` (optional, an addition to snapshot.py's shape) holds one address or
    None per row, for the row's record in the web version."""
    result = {"key": key, "caption": str(caption), "columns": [str(c) for c in columns]}
    result["rows"] = [list(row) for row in rows]
    if links is not None:
        result["links"] = list(links)
    return result


def chart(key, title, kind, unit, series) -> dict:
    """A chart with its text alternative: every label with its value."""
    unit_text = {"kr": "kr", "st": ""}.get(unit, unit)
    parts = [
        f"{label}: {format_number(value)}{' ' + unit_text if unit_text else ''}"
        for label, value in series
    ]
    return {
        "key": key,
        "title": str(title),
        "kind": kind,
        "unit": unit,
        "series": [{"label": str(label), "value": value} for label, value in series],
        "alt": f"{title}. " + "; ".join(parts) + "." if parts else f"{title}: " + _("no data."),
    }


def section(key, title, summary, figures=(), tables=(), charts=()) -> dict:
    return {
        "key": key,
        "title": str(title),
        "summary": str(summary),
        "figures": list(figures),
        "tables": list(tables),
        "charts": list(charts),
    }


def format_number(value) -> str:
    """1000000 → "1 000 000" in Swedish, "1,000,000" in English; a float with one decimal."""
    return formatting.number(value, 1 if isinstance(value, float) else None)


def kronor(amount: Decimal) -> int:
    return int(amount.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def _date(day) -> str:
    return day.isoformat() if day else ""


# ---------------------------------------------------------------------------------------------
# What several sections read, once per year
# ---------------------------------------------------------------------------------------------


class Sources:
    """The agreement and year of a report, and the readings that sections share (each read on
    first use, once)."""

    def __init__(self, agreement, year: int, *, now=None):
        self.agreement = agreement
        self.year = year
        self.now = now or timezone.now()
        self._participation: dict[int, object] = {}
        self._focus_areas: dict[int, FocusArea | None] | None = None

    def url(self, name: str, query: str = "", **kwargs) -> str:
        address = reverse(name, kwargs={"agreement": self.agreement.slug, **kwargs})
        return f"{address}?{query}" if query else address

    def participation(self, year: int):
        if year not in self._participation:
            self._participation[year] = participation_figures(self.agreement, year)
        return self._participation[year]

    def kind_figures(self, year: int, kind: str):
        return next((k for k in self.participation(year).by_kind if k.kind == kind), None)

    def focus_area(self, year: int) -> FocusArea | None:
        if self._focus_areas is None:
            rows = (
                FocusArea.objects.filter(
                    agreement=self.agreement, year__in=[self.year - 1, self.year, self.year + 1]
                )
                .select_related("proposal", "decided_in__meeting")
                .annotate(supporters=Count("proposal__supports", distinct=True))
            )
            self._focus_areas = {f.year: f for f in rows}
        return self._focus_areas.get(year)

    @cached_property
    def steering_group(self) -> Body | None:
        return (
            Body.objects.filter(agreement=self.agreement, kind=Body.Kind.STEERING_GROUP)
            .select_related("agreement")
            .order_by("pk")
            .first()
        )

    @cached_property
    def venue(self) -> Venue | None:
        """The association centre: the agreement's first venue."""
        return (
            Venue.objects.filter(agreement=self.agreement)
            .select_related("agreement")
            .order_by("pk")
            .first()
        )

    def plan(self) -> PlanPeriod | None:
        """The plan in force in the year: of those covering it, the most recent."""
        return (
            PlanPeriod.objects.filter(
                agreement=self.agreement, first_year__lte=self.year, last_year__gte=self.year
            )
            .select_related("agreement")
            .order_by("-first_year", "-pk")
            .first()
        )


def _last_day(sources: Sources, year: int) -> datetime.date:
    """The day a year's composition is read on: 31 December, or today in the current year."""
    return min(datetime.date(year, 12, 31), timezone.localdate(sources.now))


# ---------------------------------------------------------------------------------------------
# The sections
# ---------------------------------------------------------------------------------------------
