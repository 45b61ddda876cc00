"""The annual report's pages: the list, the web version, the coordinators' forms (texts, memo)
and the workflow (update from the data, approve, publish, back to draft).

Views are thin: the permission checks are in permissions.py, the rules in services.py. A report
that someone may not read answers 404; a published report that someone may read but not change
answers 403 with the reason.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from samverkan.agreements.models import Agreement
from samverkan.core.exceptions import ApplicationError, PermissionDeniedError
from samverkan.core.forms import apply_error, render_form
from samverkan.reports import permissions, services
from samverkan.reports.forms import MemoForm, NewReportForm, TextsForm
from samverkan.reports.localise import localised_section
from samverkan.reports.memo import MEMO_KEYS, MEMO_LABELS
from samverkan.reports.models import AnnualReport, ReportStatus


def _agreement(slug: str) -> Agreement:
    return get_object_or_404(Agreement, slug=slug)


def _forbidden(request, reason: str):
    return render(request, "core/forbidden.html", {"reason": reason}, status=403)


def _readable(request, agreement: str, year: int) -> AnnualReport:
    report = (
        AnnualReport.objects.select_related("agreement", "approved_by", "published_by")
        .filter(agreement__slug=agreement, year=year)
        .first()
    )
    if report is None or not permissions.can_read_report(request.user, report)[0]:
        raise Http404(_("There is no annual report at this address."))
    return report


def _manageable(request, agreement: str, year: int):
    """The report and None, or None and the response refusing it."""
    report = _readable(request, agreement, year)
    allowed, reason = permissions.can_manage_reports(request.user)
    if not allowed:
        return None, _forbidden(request, reason)
    return report, None


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
    agreement = _agreement(agreement)
    return render(request, "reports/list.html", _list_context(request, agreement))


@login_required
@require_POST
def report_new(request, agreement):
    agreement = _agreement(agreement)
    allowed, reason = permissions.can_manage_reports(request.user)
    if not allowed:
        return _forbidden(request, reason)
    form = NewReportForm(request.POST)
    if form.is_valid():
        try:
            report = services.create_report(
                agreement=agreement, year=form.cleaned_data["year"], by=request.user
            )
        except ApplicationError as error:
            form.add_error("year", str(error.message))
        else:
            messages.success(
                request,
                _("The annual report for %(year)d is compiled from the data as a draft.")
                % {"year": report.year},
            )
            return redirect("reports:detail", agreement=agreement.slug, year=report.year)
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
            "can_manage": manage,
            "memo": [(MEMO_LABELS[k], (report.memo or {}).get(k, "")) for k in MEMO_KEYS],
        },
    )


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
    report, refusal = _manageable(request, agreement, year)
    if refusal:
        return refusal
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
        if form.is_valid():
            try:
                services.save_texts(report=report, texts=form.cleaned_data, by=request.user)
            except ApplicationError as error:
                apply_error(form, error)
            else:
                messages.success(request, _("The texts are saved."))
                return redirect("reports:detail", agreement=agreement, year=year)
    else:
        form = TextsForm(initial=report.texts, sections=sections)
    return render_form(
        request,
        "reports/edit.html",
        {"agreement": report.agreement, "report": report, "form": form},
        form,
    )


def _transition(request, agreement, year, service, done: str):
    report, refusal = _manageable(request, agreement, year)
    if refusal:
        return refusal
    try:
        service(report=report, by=request.user)
    except PermissionDeniedError as error:
        return _forbidden(request, str(error.message))
    except ApplicationError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, done)
    return redirect("reports:detail", agreement=agreement, year=year)


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
    report, refusal = _manageable(request, agreement, year)
    if refusal:
        return refusal
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
    report, refusal = _manageable(request, agreement, year)
    if refusal:
        return refusal
    refusal = _unless_status(request, report)
    if refusal:
        return refusal
    if request.method == "POST":
        if "draft" in request.POST:
            form = MemoForm(initial=services.draft_memo(report))
            messages.info(request, _("The memo is drafted again from the report. Save to keep it."))
        else:
            form = MemoForm(request.POST)
            if form.is_valid():
                try:
                    services.save_memo(report=report, memo=form.cleaned_data, by=request.user)
                except ApplicationError as error:
                    apply_error(form, error)
                else:
                    messages.success(request, _("The memo is saved."))
                    return redirect("reports:detail", agreement=agreement, year=year)
    else:
        form = MemoForm(initial={**services.draft_memo(report), **(report.memo or {})})
    return render_form(
        request,
        "reports/memo.html",
        {"agreement": report.agreement, "report": report, "form": form},
        form,
    )
