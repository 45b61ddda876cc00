"""Every write to the annual reports goes through here: creating, recompiling, the texts and
the memo, and the workflow draft -> approved -> published.

Each function runs in a transaction, locks the report's row for a transition
(select_for_update), refuses a broken rule with an ApplicationError carrying a translated
message, and writes an audit entry. A published report is frozen: its snapshot, texts and memo
never change again, and every function that would change them refuses.

`by` is the person acting, whose right is checked with core.permissions.require, or
core.permissions.SYSTEM for the platform itself (the demo loader, the annual_report command).
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.core.audit import log_action
from samverkan.core.exceptions import ApplicationError, ConflictError
from samverkan.core.permissions import person, require
from samverkan.reports import permissions
from samverkan.reports.memo import MEMO_KEYS, draft_memo
from samverkan.reports.models import AnnualReport, ReportStatus
from samverkan.reports.selectors import compile_report
from samverkan.reports.snapshot import SECTION_KEYS

# Years a report can be written for.
FIRST_YEAR, LAST_YEAR = 2000, 2100
# The longest text of one section or memo field, in characters.
MAX_TEXT = 20_000

__all__ = [
    "approve",
    "compile_report",
    "create_report",
    "draft_memo",
    "publish",
    "recompile",
    "reopen",
    "save_memo",
    "save_texts",
]


def _locked(report: AnnualReport) -> AnnualReport:
    locked = AnnualReport.objects.select_for_update().select_related("agreement").get(pk=report.pk)
    return locked


def _refuse_frozen(report: AnnualReport) -> None:
    if report.is_frozen:
        raise ApplicationError(
            _("The annual report is published and can no longer be changed."), code="frozen"
        )


def _clean_text(value, field: str) -> str:
    text = str(value or "").replace("\r\n", "\n").strip()
    if len(text) > MAX_TEXT:
        raise ApplicationError(
            _("A text may be at most %(max)d characters long.") % {"max": MAX_TEXT},
            code="too_long",
            field=field,
        )
    return text


def _fill_memo(report: AnnualReport) -> None:
    """Give the memo a drafted value for every key it lacks; edited values stay."""
    drafted = draft_memo(report)
    report.memo = {key: (report.memo or {}).get(key, drafted[key]) for key in MEMO_KEYS}


@transaction.atomic
def create_report(*, agreement, year: int, by) -> AnnualReport:
    """A draft report of the agreement for `year`, compiled from the data now. Raises
    ConflictError when the agreement has a report for the year already."""
    require(by, permissions.can_manage_reports)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ApplicationError(
            _("Choose a year between %(first)d and %(last)d.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR},
            code="invalid_year",
            field="year",
        )
    if AnnualReport.objects.filter(agreement=agreement, year=year).exists():
        raise ConflictError(
            _("There is already an annual report for %(year)d.") % {"year": year},
            code="report_exists",
            field="year",
        )
    now = timezone.now()
    report = AnnualReport(
        agreement=agreement,
        year=year,
        snapshot=compile_report(agreement, year, now=now),
        data_read_at=now,
    )
    _fill_memo(report)
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as exc:  # created at the same moment by someone else
        raise ConflictError(
            _("There is already an annual report for %(year)d.") % {"year": year},
            code="report_exists",
            field="year",
        ) from exc
    log_action(report, "report.created", by=by, data={"year": year})
    return report


@transaction.atomic
def recompile(*, report: AnnualReport, by) -> AnnualReport:
    """Read the data again into the draft's snapshot. Only a draft: an approved report is
    reopened first, a published one never changes."""
    require(by, permissions.can_manage_reports)
    locked = _locked(report)
    _refuse_frozen(locked)
    if locked.status != ReportStatus.DRAFT:
        raise ApplicationError(
            _("Only a draft can be updated from the data. Return the report to draft first."),
            code="not_draft",
        )
    now = timezone.now()
    locked.snapshot = compile_report(locked.agreement, locked.year, now=now)
    locked.data_read_at = now
    _fill_memo(locked)
    locked.save(update_fields=["snapshot", "data_read_at", "memo", "updated_at"])
    log_action(locked, "report.recompiled", by=by)
    return locked


@transaction.atomic
def save_texts(*, report: AnnualReport, texts: dict, by) -> AnnualReport:
    """Store the narrative of the sections given in `texts` ({section key: plain text}); other
    sections keep theirs. Only a draft."""
    require(by, permissions.can_manage_reports)
    locked = _locked(report)
    _refuse_frozen(locked)
    if locked.status != ReportStatus.DRAFT:
        raise ApplicationError(
            _("Only a draft can be edited. Return the report to draft first."), code="not_draft"
        )
    unknown = set(texts) - set(SECTION_KEYS)
    if unknown:
        raise ApplicationError(_("The report has no such section."), code="unknown_section")
    merged = dict(locked.texts or {})
    for key, value in texts.items():
        merged[key] = _clean_text(value, key)
    changed = sorted(k for k in texts if (locked.texts or {}).get(k, "") != merged[k])
    locked.texts = {k: v for k, v in merged.items() if v}
    locked.save(update_fields=["texts", "updated_at"])
    if changed:
        log_action(locked, "report.texts_saved", by=by, data={"sections": changed})
    return locked


@transaction.atomic
def save_memo(*, report: AnnualReport, memo: dict, by) -> AnnualReport:
    """Store the memo's values given in `memo` (keys of MEMO_KEYS). A draft or an approved
    report: the memo is finished after the report is approved, before the report is
    published."""
    require(by, permissions.can_manage_reports)
    locked = _locked(report)
    _refuse_frozen(locked)
    unknown = set(memo) - set(MEMO_KEYS)
    if unknown:
        raise ApplicationError(_("The memo has no such part."), code="unknown_memo_part")
    values = dict(locked.memo or {})
    for key, value in memo.items():
        values[key] = _clean_text(value, key)
    if "proposed_decision" in memo and not values["proposed_decision"]:
        raise ApplicationError(
            _("Write the proposed decision."), code="required", field="proposed_decision"
        )
    locked.memo = {key: values.get(key, "") for key in MEMO_KEYS}
    locked.save(update_fields=["memo", "updated_at"])
    log_action(locked, "report.memo_saved", by=by)
    return locked


def _move(report, by, *, from_status, refusal, code: str, action: str, **changes):
    """Move the report on from `from_status` (refused with `refusal` from any other), setting
    `changes` on it, under a row lock, with an audit entry."""
    require(by, permissions.can_manage_reports)
    locked = _locked(report)
    _refuse_frozen(locked)
    if locked.status != from_status:
        raise ApplicationError(refusal, code=code)
    for field, value in changes.items():
        setattr(locked, field, value)
    locked.save(update_fields=[*changes, "updated_at"])
    log_action(locked, action, by=by)
    return locked


@transaction.atomic
def approve(*, report: AnnualReport, by) -> AnnualReport:
    """draft -> approved: the figures and texts are checked and ready to publish."""
    return _move(
        report,
        by,
        from_status=ReportStatus.DRAFT,
        refusal=_("Only a draft can be approved."),
        code="not_draft",
        action="report.approved",
        status=ReportStatus.APPROVED,
        approved_at=timezone.now(),
        approved_by=person(by),
    )


@transaction.atomic
def publish(*, report: AnnualReport, by) -> AnnualReport:
    """approved -> published: the report becomes public and is frozen for good."""
    return _move(
        report,
        by,
        from_status=ReportStatus.APPROVED,
        refusal=_("Approve the report before it is published."),
        code="not_approved",
        action="report.published",
        status=ReportStatus.PUBLISHED,
        published_at=timezone.now(),
        published_by=person(by),
    )


@transaction.atomic
def reopen(*, report: AnnualReport, by) -> AnnualReport:
    """approved -> draft, to edit or update it again. A published report stays published."""
    return _move(
        report,
        by,
        from_status=ReportStatus.APPROVED,
        refusal=_("The report is a draft already."),
        code="not_approved",
        action="report.reopened",
        status=ReportStatus.DRAFT,
        approved_at=None,
        approved_by=None,
    )
