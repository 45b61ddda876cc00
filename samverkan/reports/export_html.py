"""The annual report as one standalone HTML file, and what every export of the report shows.

`report_context` turns a compiled report (AnnualReport, or its snapshot and texts) into what the
HTML file and the PDF render: each section with its text, each figure with its value, the
previous year's and the change, its tables and its charts as SVG. Links become absolute, since a
downloaded file has no site around it.

The HTML file carries its own small stylesheet in a <style> element: it is opened from disk,
outside the site, so the site's Content Security Policy does not apply to it. The site serves it
as an attachment (views/exports.py), never as a page.
"""

from datetime import datetime

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.core import links
from samverkan.reports.charts import format_number, format_value, render_svg
from samverkan.reports.localise import with_readable_dates
from samverkan.reports.models import AnnualReport, ReportStatus

# Tables up to this many rows are kept on one page of the PDF.
KEEP_TOGETHER_ROWS = 25


def report_context(source, texts: dict | None = None, *, status: str | None = None) -> dict:
    """The template context of an export. `source` is an AnnualReport (its snapshot, texts and
    status are used) or a snapshot dict (then `texts` and `status` are given, or absent)."""
    if isinstance(source, AnnualReport):
        snapshot, texts, status = source.snapshot, source.texts, source.status
    else:
        snapshot = source
    texts = texts or {}
    year = snapshot["year"]
    return {
        "agreement": snapshot["agreement"],
        "year": year,
        "previous_year": snapshot.get("previous_year") or year - 1,
        "title": _("Annual report %(year)s") % {"year": year},
        "read_at": parse_read_at(snapshot.get("read_at")),
        "status": status,
        "status_label": str(ReportStatus(status).label) if status else "",
        "is_published": status == ReportStatus.PUBLISHED,
        "sections": [
            _section(section, texts.get(section["key"], "")) for section in snapshot["sections"]
        ],
        "site_url": links.site_url(),
    }


def parse_read_at(value) -> datetime | None:
    if not value:
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return None
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def absolute_url(link: str | None) -> str | None:
    if not link:
        return None
    return links.absolute_url(link)


def figure_change(figure: dict) -> str:
    """The change since the previous year: "+2 (+50 %)", "−4 200 kr (−25 %)", "±0", or "–" when
    the previous year has no figure."""
    value, previous, unit = figure.get("value"), figure.get("previous"), figure.get("unit") or ""
    if value is None or previous is None:
        return "–"
    difference = value - previous
    if difference == 0:
        return "±0"
    sign = "+" if difference > 0 else ""
    if unit == "%":
        text = f"{sign}{format_number(difference)} " + _("percentage points")
    else:
        text = sign + format_value(difference, unit)
    if previous and unit != "%":
        percent = round(difference / abs(previous) * 100)
        text += f" ({sign if percent else ''}{format_number(percent)}\u00a0%)"
    return text


def _section(section: dict, text: str) -> dict:
    return {
        "key": section["key"],
        "anchor": f"avsnitt-{section['key'].replace('_', '-')}",
        "title": section["title"],
        "summary": section.get("summary", ""),
        "text": text or "",
        "figures": [
            {
                "key": figure["key"],
                "label": figure["label"],
                "value": format_value(figure.get("value"), figure.get("unit") or ""),
                "previous": format_value(figure.get("previous"), figure.get("unit") or ""),
                "change": figure_change(figure),
                "link": absolute_url(figure.get("link")),
            }
            for figure in section.get("figures", [])
        ],
        "tables": [_table(table) for table in section.get("tables", [])],
        "charts": [
            {
                "title": chart.get("title", ""),
                "svg": render_svg(chart, id_prefix=f"diagram-{section['key']}"),
                "alt": chart.get("alt", ""),
                "unit": chart.get("unit") or "",
                "series": [
                    (
                        item.get("label", ""),
                        format_value(item.get("value"), chart.get("unit") or ""),
                    )
                    for item in chart.get("series", [])
                ],
            }
            for chart in section.get("charts", [])
        ],
    }


def _table(table: dict) -> dict:
    """Cells as {"value", "number", "link"}: numbers align right, the first cell of a row links
    to its record when the table has `links` (reportcore's addition to the shape)."""
    rows = table.get("rows", [])
    links = table.get("links") or []
    columns = table.get("columns", [])
    numeric = [
        bool(rows) and all(_is_number(row[i]) for row in rows if i < len(row) and row[i] != "")
        for i in range(len(columns))
    ]
    return {
        "caption": table.get("caption", ""),
        # A long table may break across pages; a short one is kept on one (PDF).
        "keep_together": len(rows) <= KEEP_TOGETHER_ROWS,
        "columns": [
            {"label": column, "number": index > 0 and numeric[index]}
            for index, column in enumerate(columns)
        ],
        "rows": [
            [
                {
                    "value": _cell(value),
                    "number": _is_number(value),
                    "link": absolute_url(links[number])
                    if index == 0 and number < len(links)
                    else None,
                }
                for index, value in enumerate(row)
            ]
            for number, row in enumerate(rows)
        ],
    }


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _cell(value):
    """Numbers in tables read the Swedish way: a space between thousands from 10 000 on (so
    years and "2850 möten" stay as they are), a decimal comma."""
    if not _is_number(value):
        return with_readable_dates(value)
    if isinstance(value, int) and abs(value) < 10_000:
        return str(value)
    return format_number(value)


def filename(agreement_slug: str, year: int, extension: str, *, memo: bool = False) -> str:
    """`arsrapport-malmoandan-2022.pdf`, `tjansteskrivelse-malmoandan-2022.pdf`."""
    stem = "tjansteskrivelse" if memo else "arsrapport"
    return f"{stem}-{agreement_slug}-{year}.{extension}"


def render_report_html(source, texts: dict | None = None, *, status: str | None = None) -> str:
    """The report as a standalone HTML document (a str)."""
    return render_to_string(
        "reports/export/report.html", report_context(source, texts, status=status)
    )
