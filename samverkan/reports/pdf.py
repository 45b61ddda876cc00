"""The annual report and its memo to the city board as PDF, with WeasyPrint, as the governance
app renders minutes: an HTML template with a print stylesheet (A4, DejaVu fonts, so å, ä and ö
come out right), turned into PDF.

The report has a title page, a table of contents with page numbers (CSS `target-counter`), each
section with its text, figures (with the previous year's and the change), tables and charts
(inline SVG from charts.py), and "Sida X av Y" at the foot of every page. The memo follows the
city's form of a memo (tjänsteskrivelse), as in the seeds.
"""

import logging
import re

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.core.links import absolute_url
from samverkan.reports.export_html import report_context
from samverkan.reports.memo import MEMO_KEYS, MEMO_LABELS, draft_memo

# WeasyPrint logs every layout step at INFO; only its warnings belong in the server's log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

# How each part of the memo (memo.py's MEMO_KEYS, in the order of the city's form) is set out.
MEMO_LAYOUT = {
    "proposed_decision": "numbered",
    "decision_basis": "bullets",
    "recipients": "lines",
    "signatories": "lines",
}


def render_report_pdf(report_or_snapshot, texts: dict | None = None, *, status=None) -> bytes:
    """The report as PDF bytes. Takes an AnnualReport, or a snapshot dict with its texts."""
    context = report_context(report_or_snapshot, texts, status=status)
    context["page_counter"] = page_counter()
    context["running_head"] = _css_string(f"{context['agreement']['name']} – {context['title']}")
    html = render_to_string("reports/export/report_pdf.html", context)
    return _write_pdf(html)


def render_memo_pdf(report) -> bytes:
    """The memo (tjänsteskrivelse) of a report as PDF bytes, from `report.memo` (its keys:
    summary, proposed_decision, decision_basis, recipients, case, assessment, signatories;
    each a text, or a list of lines). An empty memo is drafted from the report first."""
    memo = report.memo or draft_memo(report)
    agreement = report.agreement
    heading = memo.get("title") or _("Report on the development of %(agreement)s %(year)s") % {
        "agreement": agreement.name.removeprefix("Överenskommelsen ").removeprefix(
            "Överenskommelse "
        ),
        "year": report.year,
    }
    context = {
        "heading": heading,
        "date": _memo_date(memo),
        "reference": memo_lines(memo.get("reference")),
        "municipality_head": _css_string(
            _("%(municipality)s city") % {"municipality": agreement.municipality}
        ),
        "page_counter": page_counter(),
        "parts": [
            {
                "key": key,
                "heading": str(MEMO_LABELS[key]),
                "kind": MEMO_LAYOUT.get(key, "text"),
                "text": memo_text(memo.get(key)),
                "lines": memo_lines(memo.get(key)),
            }
            for key in MEMO_KEYS
            if memo.get(key)
        ],
    }
    return _write_pdf(render_to_string("reports/export/memo_pdf.html", context))


def memo_lines(value) -> list[str]:
    """A memo field as its non-empty lines (list items, or a text's lines without bullets)."""
    if not value:
        return []
    if isinstance(value, str):
        value = value.splitlines()
    lines = [re.sub(r"^\s*(?:[-–•*]|\d+[.)])\s+", "", str(line)).strip() for line in value]
    return [line for line in lines if line]


def memo_text(value) -> str:
    if isinstance(value, list | tuple):
        return "\n\n".join(str(item) for item in value)
    return str(value or "")


def page_counter() -> str:
    """CSS `content` for "Sida X av Y": the translated sentence around the page counters."""
    sentence = _("Page %(page)s of %(pages)s")
    pieces = re.split(r"(%\(page\)s|%\(pages\)s)", sentence)
    content = []
    for piece in pieces:
        if piece == "%(page)s":
            content.append("counter(page)")
        elif piece == "%(pages)s":
            content.append("counter(pages)")
        elif piece:
            content.append(f'"{_css_string(piece)}"')
    return " ".join(content)


def _css_string(text: str) -> str:
    """`text` safe inside a double-quoted CSS string in a <style> element."""
    text = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return text.replace("<", "\\3C ").replace(">", "\\3E ")


def _memo_date(memo):
    from datetime import date

    value = memo.get("date")
    if value:
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            pass
    return timezone.localdate()


def _write_pdf(html: str) -> bytes:
    from weasyprint import HTML

    # PDF/UA: a tagged PDF (headings, tables, reading order, language, title) that a screen
    # reader can follow, as the law on accessible public documents asks.
    return HTML(string=html, base_url=absolute_url("/")).write_pdf(pdf_variant="pdf/ua-1")
