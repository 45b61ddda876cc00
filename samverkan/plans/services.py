"""Every write to the collaboration plan goes through here.

Views, the API and the demo loader call these functions, so each rule is written once. Each
function runs in a transaction, writes an audit entry and raises an ApplicationError with a
translated message when a rule is broken.

`by` is the person acting, whose right is checked with core.permissions.require (an anonymous
user is refused), or core.permissions.SYSTEM for the platform itself (the demo loader, a
management command).
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.core import formatting
from samverkan.core.audit import log_action
from samverkan.core.exceptions import ApplicationError, ConflictError
from samverkan.core.permissions import person, require
from samverkan.core.slugs import slug_text
from samverkan.plans import permissions
from samverkan.plans.models import (
    ActivityStatus,
    ActivityStatusChange,
    PlanActivity,
    PlanPeriod,
    PlanRevision,
)

# Swedish general elections are held every four years; a mandate period starts the year after
# an election (2015–2018, 2019–2022, 2023–2026 …).
MANDATE_YEARS = 4
FIRST_KNOWN_MANDATE_START = 2015
_MANDATE_PERIOD = re.compile(r"^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$")

ACTIVITY_FIELDS = (
    "title",
    "description",
    "planned_year",
    "responsible",
    "responsible_organisation",
    "area",
    "position",
)


def _validate(obj, *, exclude=None) -> None:
    try:
        obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise ApplicationError(
            messages[0], code="invalid", field=None if field == "__all__" else field
        ) from exc


def plan_slug(title: str) -> str:
    return slug_text(title, max_length=120, fallback="samarbetsplan")


def parse_mandate_period(value: str) -> tuple[int, int]:
    """The first and last year of a mandate period written "2019–2022" (a hyphen will do).

    Raises ApplicationError (field `mandate_period`) when it is not four years that follow
    the Swedish elections.
    """
    match = _MANDATE_PERIOD.match(value or "")
    if not match:
        raise ApplicationError(
            _("Write the mandate period as two years, e.g. 2019–2022."),
            code="invalid_mandate_period",
            field="mandate_period",
        )
    first, last = int(match[1]), int(match[2])
    if last - first != MANDATE_YEARS - 1:
        raise ApplicationError(
            _("A mandate period spans four years, e.g. 2019–2022."),
            code="invalid_mandate_period",
            field="mandate_period",
        )
    if (first - FIRST_KNOWN_MANDATE_START) % MANDATE_YEARS:
        raise ApplicationError(
            _("A mandate period follows the elections: 2015–2018, 2019–2022, 2023–2026 and so on."),
            code="invalid_mandate_period",
            field="mandate_period",
        )
    return first, last


def format_mandate_period(first: int, last: int) -> str:
    return f"{first}–{last}"


def mandate_period_of(day: datetime.date) -> str:
    """The mandate period a date falls in, e.g. 2021-06-01 → "2019–2022"."""
    offset = (day.year - FIRST_KNOWN_MANDATE_START) % MANDATE_YEARS
    first = day.year - offset
    return format_mandate_period(first, first + MANDATE_YEARS - 1)


@transaction.atomic
def create_plan(
    *,
    agreement,
    title: str,
    first_year: int,
    last_year: int,
    slug: str = "",
    adopted_on: datetime.date | None = None,
    adopted_by: str = "",
    summary: str = "",
    is_demo: bool = False,
    by,
) -> PlanPeriod:
    """Create a collaboration plan of an agreement for a span of years.

    Raises PermissionDeniedError, ApplicationError (invalid data, years out of order) or
    ConflictError (the agreement already has a plan at this address).
    """
    require(by, permissions.can_manage_plan)
    plan = PlanPeriod(
        agreement=agreement,
        title=(title or "").strip(),
        slug=slug or plan_slug(title or ""),
        first_year=first_year,
        last_year=last_year,
        adopted_on=adopted_on,
        adopted_by=adopted_by,
        summary=summary,
        is_demo=is_demo,
    )
    _validate(plan)
    if plan.last_year < plan.first_year:
        raise ApplicationError(
            _("The last year may not be before the first year."),
            code="years_out_of_order",
            field="last_year",
        )
    if PlanPeriod.objects.filter(agreement=agreement, slug=plan.slug).exists():
        raise ConflictError(
            _("The agreement already has a plan with this short name."),
            code="duplicate_plan",
            field="slug",
        )
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError as exc:
        raise ConflictError(
            _("The agreement already has a plan with this short name."),
            code="duplicate_plan",
            field="slug",
        ) from exc
    log_action(plan, "plan.created", by=by, data={"title": plan.title})
    return plan


# What update_plan() changes: the agreement, address and years stay (the activities are
# planned within the years, and links keep working).
PLAN_FIELDS = ("title", "adopted_on", "adopted_by", "summary")


@transaction.atomic
def update_plan(*, plan: PlanPeriod, by, **changes) -> PlanPeriod:
    """Change a plan's title, summary or adoption (when and by whom).

    Raises PermissionDeniedError or ApplicationError (invalid data).
    """
    unknown = set(changes) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"update_plan() cannot change {', '.join(sorted(unknown))}")
    require(by, permissions.can_manage_plan, plan)
    plan = PlanPeriod.objects.select_for_update().get(pk=plan.pk)
    before = {name: getattr(plan, name) for name in changes}
    if "title" in changes:
        changes["title"] = (changes["title"] or "").strip()
    for name, value in changes.items():
        setattr(plan, name, value)
    _validate(plan)
    plan.save()
    changed = {
        name: {"from": str(before[name]), "to": str(value)}
        for name, value in changes.items()
        if before[name] != value
    }
    log_action(plan, "plan.updated", by=by, data=changed)
    return plan


def _validate_activity(activity: PlanActivity) -> None:
    if activity.title is not None:
        activity.title = activity.title.strip()
    if activity.responsible is not None:
        activity.responsible = activity.responsible.strip()
    _validate(activity, exclude=["plan"])
    plan = activity.plan
    if not plan.first_year <= activity.planned_year <= plan.last_year:
        raise ApplicationError(
            _("The planned year must be within the plan, %(first)s–%(last)s.")
            % {"first": plan.first_year, "last": plan.last_year},
            code="year_outside_plan",
            field="planned_year",
        )
    if activity.area is not None and activity.area.agreement_id != plan.agreement_id:
        raise ApplicationError(
            _("The priority area belongs to another agreement."),
            code="area_of_another_agreement",
            field="area",
        )


@transaction.atomic
def add_activity(
    *,
    plan: PlanPeriod,
    title: str,
    planned_year: int,
    responsible: str,
    description: str = "",
    responsible_organisation=None,
    area=None,
    position: int = 0,
    by,
) -> PlanActivity:
    """Add an activity to the plan. It starts as not started, without history.

    Raises PermissionDeniedError or ApplicationError (invalid data, a year outside the plan,
    an area of another agreement).
    """
    require(by, permissions.can_add_activity, plan)
    activity = PlanActivity(
        plan=plan,
        title=title,
        description=description,
        planned_year=planned_year,
        responsible=responsible,
        responsible_organisation=responsible_organisation,
        area=area,
        position=position or 0,
    )
    _validate_activity(activity)
    activity.save()
    log_action(
        activity,
        "plan.activity_added",
        by=by,
        data={"plan": plan.slug, "title": activity.title, "planned_year": planned_year},
    )
    return activity


@transaction.atomic
def update_activity(*, activity: PlanActivity, by, **changes) -> PlanActivity:
    """Change an activity's title, description, planned year, responsible party, area or
    position. The status changes only through change_activity_status(), which keeps history.

    Raises PermissionDeniedError or ApplicationError.
    """
    unknown = set(changes) - set(ACTIVITY_FIELDS)
    if unknown:
        raise TypeError(f"update_activity() cannot change {', '.join(sorted(unknown))}")
    require(by, permissions.can_edit_activity, activity)
    activity = PlanActivity.objects.select_for_update().select_related("plan").get(pk=activity.pk)
    before = {name: getattr(activity, name) for name in changes}
    for name, value in changes.items():
        setattr(activity, name, value)
    _validate_activity(activity)
    activity.save()
    changed = {
        name: {"from": str(before[name]), "to": str(value)}
        for name, value in changes.items()
        if before[name] != value
    }
    log_action(activity, "plan.activity_updated", by=by, data=changed)
    return activity


@transaction.atomic
def change_activity_status(
    *,
    activity: PlanActivity,
    status: str,
    changed_on: datetime.date | None = None,
    note: str = "",
    by,
) -> ActivityStatusChange:
    """Move an activity to a status on a date, keeping the change as history, and make it the
    activity's current status. Past dates may be recorded (a follow-up is often written after
    the fact), but never before the activity's last change nor in the future.

    Raises PermissionDeniedError, ApplicationError (unknown status, date out of order) or
    ConflictError (the activity already has this status).
    """
    require(by, permissions.can_change_status, activity)
    activity = PlanActivity.objects.select_for_update().get(pk=activity.pk)
    if status not in ActivityStatus.values:
        raise ApplicationError(_("Choose a valid status."), code="invalid_status", field="status")
    changed_on = changed_on or timezone.localdate()
    if status == activity.status:
        raise ConflictError(
            _("The activity is already “%(status)s”.") % {"status": activity.get_status_display()},
            code="same_status",
            field="status",
        )
    if changed_on > timezone.localdate():
        raise ApplicationError(
            _("The date may not be in the future."), code="date_in_future", field="changed_on"
        )
    last = (
        ActivityStatusChange.objects.filter(activity=activity)
        .order_by("-changed_on", "-id")
        .only("changed_on")
        .first()
    )
    if last is not None and changed_on < last.changed_on:
        raise ApplicationError(
            _("The date may not be before the activity's last change (%(date)s).")
            % {"date": formatting.long_date(last.changed_on)},
            code="date_before_last_change",
            field="changed_on",
        )
    previous = activity.status
    change = ActivityStatusChange.objects.create(
        activity=activity,
        status=status,
        changed_on=changed_on,
        changed_by=person(by),
        note=(note or "").strip(),
    )
    activity.status = status
    activity.save(update_fields=["status"])
    log_action(
        activity,
        "plan.activity_status_changed",
        by=by,
        data={"from": previous, "to": status, "on": changed_on.isoformat()},
    )
    return change


@transaction.atomic
def record_revision(
    *,
    plan: PlanPeriod,
    mandate_period: str,
    revised_on: datetime.date,
    summary: str,
    decided_in=None,
    by,
) -> PlanRevision:
    """Record the revision of the plan for a mandate period: the plan is revised or updated
    once per mandate period (seed 004, "Revidering"). The date must lie in that period.

    Raises PermissionDeniedError, ApplicationError (a badly written or impossible mandate
    period, a date outside it, no summary) or ConflictError (a second revision in the period).
    """
    require(by, permissions.can_record_revision, plan)
    first, last = parse_mandate_period(mandate_period)
    period = format_mandate_period(first, last)
    if revised_on is None or not first <= revised_on.year <= last:
        raise ApplicationError(
            _("The revision date must lie in the mandate period %(period)s.") % {"period": period},
            code="date_outside_mandate_period",
            field="revised_on",
        )
    if revised_on > timezone.localdate():
        raise ApplicationError(
            _("The date may not be in the future."), code="date_in_future", field="revised_on"
        )
    summary = (summary or "").strip()
    if not summary:
        raise ApplicationError(
            _("Describe what the revision changed."), code="invalid", field="summary"
        )
    existing = PlanRevision.objects.filter(plan=plan, mandate_period=period).first()
    conflict = ConflictError(
        _(
            "The plan was already revised in the mandate period %(period)s. It is revised "
            "once per mandate period."
        )
        % {"period": period},
        code="already_revised",
        field="mandate_period",
    )
    if existing is not None:
        raise conflict
    try:
        with transaction.atomic():
            revision = PlanRevision.objects.create(
                plan=plan,
                mandate_period=period,
                revised_on=revised_on,
                summary=summary,
                decided_in=decided_in,
                created_by=person(by),
            )
    except IntegrityError as exc:
        raise conflict from exc
    log_action(
        plan,
        "plan.revised",
        by=by,
        data={"mandate_period": period, "revised_on": revised_on.isoformat()},
    )
    return revision
