"""The annual report's downloads: the PDF for the board, the spreadsheet of its figures, the HTML
file, and the memo to the board as PDF.

Who may download follows who may read the report (permissions.can_read_report): a published
report is everyone's; a draft or an approved report only the coordinators'. Anyone else gets 404,
as if the report did not exist. A published report is frozen, so its files are rendered once and
kept in the cache (a PDF takes WeasyPrint a second or more; the public should not be able to
make the server render it again and again). The files are in the agreement's language (Swedish),
as the report is, whoever asks. Every download is an attachment named after the agreement and
the year (`arsrapport-malmoandan-2022.pdf`): the HTML file carries its own stylesheet and is
not a page of the site.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from samverkan.agreements.selectors import get_agreement
from samverkan.core.web import check
from samverkan.reports.export_html import filename, render_report_html
from samverkan.reports.models import AnnualReport
from samverkan.reports.pdf import render_memo_pdf, render_report_pdf
from samverkan.reports.permissions import can_read_report
from samverkan.reports.xlsx import render_report_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# How long a published report's rendered file stays in the cache (it never changes).
CACHE_SECONDS = 24 * 60 * 60


def _readable_report(request, agreement: str, year: int) -> AnnualReport:
    agreement = get_agreement(agreement)
    report = (
        AnnualReport.objects.filter(agreement=agreement, year=year)
        .select_related("agreement")
        .first()
    )
    absent = _("There is no annual report for this year.")
    if report is None:
        raise Http404(absent)
    check(can_read_report(request.user, report), hide=True, not_found=absent)
    return report


def _rendered(report: AnnualReport, kind: str, render) -> bytes:
    """`render(report)` in the site's language, from the cache when the report is published."""
    if not report.is_frozen:
        with translation.override(settings.LANGUAGE_CODE):
            return render(report)
    key = f"reports:{kind}:{report.pk}:{report.updated_at.timestamp()}"
    content = cache.get(key)
    if content is None:
        with translation.override(settings.LANGUAGE_CODE):
            content = render(report)
        cache.set(key, content, CACHE_SECONDS)
    return content


def _attachment(content, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    # A draft changes; a download of it must not be kept by a shared cache.
    response["Cache-Control"] = "private, no-cache"
    return response


@require_GET
def report_pdf(request, agreement, year):
    report = _readable_report(request, agreement, year)
    return _attachment(
        _rendered(report, "pdf", render_report_pdf),
        "application/pdf",
        filename(report.agreement.slug, report.year, "pdf"),
    )


@require_GET
def report_xlsx(request, agreement, year):
    report = _readable_report(request, agreement, year)
    return _attachment(
        _rendered(report, "xlsx", render_report_xlsx),
        XLSX,
        filename(report.agreement.slug, report.year, "xlsx"),
    )


@require_GET
def report_html(request, agreement, year):
    report = _readable_report(request, agreement, year)
    return _attachment(
        _rendered(report, "html", lambda r: render_report_html(r).encode()),
        "text/html; charset=utf-8",
        filename(report.agreement.slug, report.year, "html"),
    )


@require_GET
def memo_pdf(request, agreement, year):
    report = _readable_report(request, agreement, year)
    return _attachment(
        _rendered(report, "memo", render_memo_pdf),
        "application/pdf",
        filename(report.agreement.slug, report.year, "pdf", memo=True),
    )
