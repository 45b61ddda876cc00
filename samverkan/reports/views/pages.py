"""The annual report's pages: the list, the web version, the coordinators' forms (texts, memo)
and the workflow (update from the data, approve, publish, back to draft).

Views are thin: the permission checks are in permissions.py, the rules in services.py. A report
that someone may not read answers 404; a published report that someone may read but not change
answers 403 with the reason.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from samverkan.agreements.selectors import get_agreement
from samverkan.core.cache import cached_fragment
from samverkan.core.forms import render_form
from samverkan.core.web import check, run_action, save_form
from samverkan.reports import permissions, services
from samverkan.reports.forms import MemoForm, NewReportForm, TextsForm
from samverkan.reports.localise import localised_section
from samverkan.reports.memo import MEMO_KEYS, MEMO_LABELS
from samverkan.reports.models import AnnualReport, ReportStatus


def _readable(request, agreement: str, year: int) -> AnnualReport:
    report = (
        AnnualReport.objects.select_related("agreement", "approved_by", "published_by")
        .filter(agreement__slug=agreement, year=year)
        .first()
    )
    absent = _("There is no annual report at this address.")
    if report is None:
        raise Http404(absent)
    check(permissions.can_read_report(request.user, report), hide=True, not_found=absent)
    return report


def _manageable(request, agreement: str, year: int) -> AnnualReport:
    """The report (404 to whoever may not read it), if the person may change it (403)."""
    report = _readable(request, agreement, year)
    check(permissions.can_manage_reports(request.user))
    return report


def _detail_url(report: AnnualReport) -> str:
    return reverse(
        "reports:detail", kwargs={"agreement": report.agreement.slug, "year": report.year}
    )


def _list_context(request, agreement, form=None) -> dict:
    manage = permissions.can_manage_reports(request.user)[0]
    reports = AnnualReport.objects.filter(agreement=agreement).only(
        "pk", "agreement_id", "year", "status", "data_read_at", "published_at"
    )
    if not manage:
        reports = reports.filter(status=ReportStatus.PUBLISHED)
    return {
        "agreement": agreement,
        "reports": list(reports.order_by("-year")),
        "can_manage": manage,
        "form": form or (NewReportForm() if manage else None),
    }


@require_safe
def report_list(request, agreement):
    agreement = get_agreement(agreement)
    return render(request, "reports/list.html", _list_context(request, agreement))


@login_required
@require_POST
def report_new(request, agreement):
    agreement = get_agreement(agreement)
    check(permissions.can_manage_reports(request.user))
    form = NewReportForm(request.POST)

    def create(data):
        report = services.create_report(agreement=agreement, year=data["year"], by=request.user)
        messages.success(
            request,
            _("The annual report for %(year)d is compiled from the data as a draft.")
            % {"year": report.year},
        )
        return report

    if done := save_form(request, form, create, success="", redirect_to=_detail_url):
        return done
    context = _list_context(request, agreement, form)
    return render_form(request, "reports/list.html", context, form)


@require_safe
def report_detail(request, agreement, year):
    report = _readable(request, agreement, year)
    manage = permissions.can_manage_reports(request.user)[0]
    texts = report.texts or {}
    sections = [
        {**localised_section(section), "text": texts.get(section["key"], "")}
        for section in (report.snapshot or {}).get("sections", [])
    ]
    return render(
        request,
        "reports/detail.html",
        {
            "agreement": report.agreement,
            "report": report,
            "sections": sections,
            "sections_html": sections_html(report, sections),
            "can_manage": manage,
            "memo": [(MEMO_LABELS[k], (report.memo or {}).get(k, "")) for k in MEMO_KEYS],
        },
    )


def sections_html(report: AnnualReport, sections: list[dict]) -> str:
    """The report's sections (a thousand template nodes for a year's figures, tables and
    charts), rendered without the request: they show the report's snapshot and texts only, the
    same for everyone who may read it. Kept as a fragment under the report's row and the tables
    the rendering reads (core.cache.cached_fragment); saving the report changes `updated_at`."""

    def render_sections() -> str:
        return render_to_string("reports/_sections.html", {"report": report, "sections": sections})

    parts = [report.pk, report.updated_at.isoformat()]
    return cached_fragment("report-sections", parts, render_sections, depends_on=[report])


def _unless_status(request, report, status=None, message=""):
    """Back to the report with a message when it is published (frozen), or not in `status`."""
    if report.is_frozen:
        message = _("The annual report is published and can no longer be changed.")
    elif status is None or report.status == status:
        return None
    messages.error(request, message)
    return redirect("reports:detail", agreement=report.agreement.slug, year=report.year)


@login_required
def report_edit(request, agreement, year):
    report = _manageable(request, agreement, year)
    refusal = _unless_status(
        request,
        report,
        ReportStatus.DRAFT,
        _("Only a draft can be edited. Return the report to draft first."),
    )
    if refusal:
        return refusal
    sections = report.snapshot.get("sections", [])
    if request.method == "POST":
        form = TextsForm(request.POST, sections=sections)
    else:
        form = TextsForm(initial=report.texts, sections=sections)
    if done := save_form(
        request,
        form,
        lambda data: services.save_texts(report=report, texts=data, by=request.user),
        success=_("The texts are saved."),
        redirect_to=_detail_url(report),
    ):
        return done
    return render_form(
        request,
        "reports/edit.html",
        {"agreement": report.agreement, "report": report, "form": form},
        form,
    )


def _transition(request, agreement, year, service, done: str):
    report = _manageable(request, agreement, year)
    return run_action(
        request,
        lambda: service(report=report, by=request.user),
        success=done,
        redirect_to=_detail_url(report),
    )


@login_required
@require_POST
def report_recompile(request, agreement, year):
    return _transition(
        request, agreement, year, services.recompile, _("The figures are read again from the data.")
    )


@login_required
@require_POST
def report_approve(request, agreement, year):
    return _transition(request, agreement, year, services.approve, _("The report is approved."))


@login_required
@require_POST
def report_reopen(request, agreement, year):
    return _transition(request, agreement, year, services.reopen, _("The report is a draft again."))


@login_required
def report_publish(request, agreement, year):
    """GET asks for confirmation; POST publishes."""
    if request.method == "POST":
        return _transition(
            request,
            agreement,
            year,
            services.publish,
            _("The report is published. It is public and can no longer be changed."),
        )
    report = _manageable(request, agreement, year)
    refusal = _unless_status(
        request, report, ReportStatus.APPROVED, _("Approve the report before it is published.")
    )
    if refusal:
        return refusal
    return render(
        request, "reports/publish.html", {"agreement": report.agreement, "report": report}
    )


@login_required
def memo_edit(request, agreement, year):
    report = _manageable(request, agreement, year)
    refusal = _unless_status(request, report)
    if refusal:
        return refusal
    if request.method == "POST" and "draft" in request.POST:
        form = MemoForm(initial=services.draft_memo(report))
        messages.info(request, _("The memo is drafted again from the report. Save to keep it."))
    elif request.method == "POST":
        form = MemoForm(request.POST)
    else:
        form = MemoForm(initial={**services.draft_memo(report), **(report.memo or {})})
    if done := save_form(
        request,
        form,
        lambda data: services.save_memo(report=report, memo=data, by=request.user),
        success=_("The memo is saved."),
        redirect_to=_detail_url(report),
    ):
        return done
    return render_form(
        request,
        "reports/memo.html",
        {"agreement": report.agreement, "report": report, "form": form},
        form,
    )
