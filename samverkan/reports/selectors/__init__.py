"""Compiling the annual report: reading the platform's data into the snapshot of snapshot.py.

`compile_report(agreement, year)` returns the whole snapshot. Each section is one function of a
`Sources` object (the agreement, the year and what several sections share, read once), so a
section can be tested on small data by itself. Every figure is computed for the year and, the
same way, for the year before (`previous`; None when that year has no data), and links to the
page that lists the records it counts.

The number of queries is fixed whatever the amount of data: the selectors called here aggregate
in the database (COUNT/SUM with GROUP BY) or read one narrow list per year (about 60 queries
for a report). The report is compiled in the agreement's language (Swedish), whoever asks.
"""

from django.conf import settings
from django.utils import timezone, translation

from samverkan.reports.selectors.sections import *  # noqa: F403  (each section by its name)
from samverkan.reports.selectors.sections import SECTIONS
from samverkan.reports.selectors.shapes import *  # noqa: F403  (figure, table, chart, section)
from samverkan.reports.selectors.shapes import Sources, format_number
from samverkan.reports.snapshot import SECTION_KEYS

__all__ = ["SECTIONS", "Sources", "compile_report", "figures_of", "format_number"]

assert list(SECTIONS) == SECTION_KEYS


def compile_report(agreement, year: int, *, now=None, on_section=None) -> dict:
    """The snapshot of the agreement's report for `year` (snapshot.py's shape), read now.

    A fixed number of queries whatever the amount of data; in the agreement's language.
    `on_section(key, section)`, when given, is called as each section is done (a progress bar).
    """
    now = now or timezone.now()
    with translation.override(settings.LANGUAGE_CODE):
        sources = Sources(agreement, year, now=now)
        sections = []
        for key in SECTION_KEYS:
            sections.append(SECTIONS[key](sources))
            if on_section is not None:
                on_section(key, sections[-1])
        return {
            "agreement": {
                "slug": agreement.slug,
                "name": agreement.name,
                "municipality": agreement.municipality,
            },
            "year": year,
            "previous_year": year - 1,
            "read_at": timezone.localtime(now).isoformat(timespec="seconds"),
            "sections": sections,
        }


def figures_of(snapshot: dict) -> dict[str, dict]:
    """Every figure of a snapshot by its key."""
    return {f["key"]: f for s in snapshot.get("sections", []) for f in s["figures"]}
