"""Reads of the collaboration plan: its pages, an activity's status on a date, the follow-up.

Each function reads in a fixed number of queries, whatever the number of activities and status
changes: the statuses of a date are derived in Python from one query over the history.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samverkan.agreements.models import Agreement
from samverkan.plans.models import (
    ActivityStatus,
    ActivityStatusChange,
    PlanActivity,
    PlanPeriod,
    PlanRevision,
)

# The order statuses are counted and shown in.
STATUS_ORDER = [
    ActivityStatus.NOT_STARTED,
    ActivityStatus.STARTED,
    ActivityStatus.DELAYED,
    ActivityStatus.DONE,
]
# Statuses that mean the work has begun: a delayed or done activity has been started.
BEGUN = {ActivityStatus.STARTED, ActivityStatus.DELAYED, ActivityStatus.DONE}


def plans_of(agreement: Agreement) -> QuerySet:
    """The agreement's plans, newest first, with their number of activities."""
    return (
        PlanPeriod.objects.filter(agreement=agreement)
        .annotate(activity_count=Count("activities"))
        .order_by("-first_year", "title")
    )


def get_plan(agreement_slug: str, slug: str) -> PlanPeriod:
    """The plan at this address, or 404: a plan of another agreement is not found."""
    return get_object_or_404(
        PlanPeriod.objects.select_related("agreement"), agreement__slug=agreement_slug, slug=slug
    )


def activities_of(plan: PlanPeriod) -> QuerySet:
    return (
        PlanActivity.objects.filter(plan=plan)
        .select_related("responsible_organisation", "area")
        .order_by("planned_year", "position", "title", "pk")
    )


def _attach_plan(activities: list[PlanActivity], plan: PlanPeriod) -> list[PlanActivity]:
    for activity in activities:
        activity.plan = plan
    return activities


@dataclass
class YearGroup:
    year: int
    activities: list


def plan_state(plan: PlanPeriod, today: datetime.date) -> str:
    """ "ended", "running" or "coming": what the plan's page says of its period."""
    if plan.has_ended(today):
        return "ended"
    return "running" if plan.has_started(today) else "coming"


def plan_page_data(plan: PlanPeriod, *, today: datetime.date | None = None) -> dict:
    """The plan page: activities grouped by planned year, the revision history, and whether
    the plan has ended, runs or is still to come on `today`."""
    activities = _attach_plan(list(activities_of(plan)), plan)
    groups: dict[int, list] = defaultdict(list)
    for activity in activities:
        groups[activity.planned_year].append(activity)
    revisions = list(PlanRevision.objects.filter(plan=plan).order_by("-revised_on", "-pk"))
    return {
        "plan": plan,
        "agreement": plan.agreement,
        "year_groups": [YearGroup(year, groups[year]) for year in sorted(groups)],
        "activity_count": len(activities),
        "current_counts": count_statuses(a.status for a in activities),
        "revisions": revisions,
        "state": plan_state(plan, today or timezone.localdate()),
    }


@dataclass
class ActivityState:
    """An activity's status on a date and since when it has had it (None: from the start)."""

    activity: PlanActivity
    status: str
    since: datetime.date | None = None
    note: str = ""

    @property
    def status_label(self) -> str:
        return ActivityStatus(self.status).label


def _changes_until(plan: PlanPeriod, on: datetime.date) -> list[ActivityStatusChange]:
    return list(
        ActivityStatusChange.objects.filter(activity__plan=plan, changed_on__lte=on)
        .select_related("changed_by")
        .order_by("changed_on", "pk")
    )


def _states(
    activities: list[PlanActivity], changes: list[ActivityStatusChange]
) -> list[ActivityState]:
    # Changes come oldest first: the last one seen for an activity is its status on the date.
    last: dict[int, ActivityStatusChange] = {}
    for change in changes:
        last[change.activity_id] = change
    states = []
    for activity in activities:
        change = last.get(activity.pk)
        if change is None:
            states.append(ActivityState(activity, ActivityStatus.NOT_STARTED))
        else:
            states.append(ActivityState(activity, change.status, change.changed_on, change.note))
    return states


def status_at(plan: PlanPeriod, on: datetime.date) -> list[ActivityState]:
    """Every activity of the plan with its status at the end of the day `on`, derived from the
    history (an activity without a change by then is not started). Two queries."""
    activities = _attach_plan(list(activities_of(plan)), plan)
    return _states(activities, _changes_until(plan, on))


@dataclass
class StatusCount:
    status: str
    label: str
    count: int
    percent: int


def count_statuses(statuses) -> list[StatusCount]:
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for status in statuses:
        counts[ActivityStatus(status)] += 1
    total = sum(counts.values())
    return [
        StatusCount(
            status.value,
            str(status.label),
            count,
            round(100 * count / total) if total else 0,
        )
        for status, count in counts.items()
    ]


@dataclass
class YearRow:
    year: int
    counts: list[StatusCount]
    total: int


@dataclass
class FollowUp:
    plan: PlanPeriod
    year: int
    on: datetime.date
    total: int
    counts: list[StatusCount]
    by_planned_year: list[YearRow]
    activities: list[ActivityState]
    changes_in_year: list[ActivityStatusChange] = field(default_factory=list)
    summary_parts: list[tuple[str, int]] = field(default_factory=list)
    summary: str = ""

    def count(self, status: str) -> int:
        return next(c.count for c in self.counts if c.status == status)


def summary_parts(counts: dict[str, int]) -> list[tuple[str, int]]:
    """What the one-line summary says, as (fact, number) pairs: "begun" (started, delayed or
    done), "delayed" and "done"; "none" when the plan has no activities."""
    total = sum(counts.values())
    if total == 0:
        return [("none", 0)]
    begun = sum(counts.get(status, 0) for status in BEGUN)
    parts = [("begun", begun)]
    if counts.get(ActivityStatus.DELAYED):
        parts.append(("delayed", counts[ActivityStatus.DELAYED]))
    if counts.get(ActivityStatus.DONE):
        parts.append(("done", counts[ActivityStatus.DONE]))
    return parts


def summary_text(parts: list[tuple[str, int]], total: int) -> str:
    """The parts as one line in the active language, e.g. "All 9 activities started; all 9
    delayed" or "6 of 9 activities started; 2 delayed; 1 done"."""
    if parts == [("none", 0)]:
        return _("The plan has no activities yet.")
    texts = []
    for fact, number in parts:
        every = number == total
        values = {"count": number, "total": total}
        if fact == "begun":
            if every:
                text = ngettext(
                    "The activity has started", "All %(total)d activities started", total
                )
            elif number == 0:
                text = ngettext(
                    "The activity has not started",
                    "None of the %(total)d activities started",
                    total,
                )
            else:
                text = ngettext(
                    "%(count)d of %(total)d activity started",
                    "%(count)d of %(total)d activities started",
                    total,
                )
        elif fact == "delayed":
            if every:
                text = ngettext("it is delayed", "all %(total)d delayed", total)
            else:
                text = ngettext("%(count)d delayed", "%(count)d delayed", number)
        else:
            if every:
                text = ngettext("it is done", "all %(total)d done", total)
            else:
                text = ngettext("%(count)d done", "%(count)d done", number)
        texts.append(text % values)
    return "; ".join(texts)


def plan_years(plan: PlanPeriod) -> list[int]:
    return list(range(plan.first_year, plan.last_year + 1))


def follow_up(plan: PlanPeriod, year: int) -> FollowUp:
    """The plan at a glance at the end of `year`: counts per status, per planned year, every
    activity with its status on 31 December, the changes made that year and a one-line
    summary. Two queries."""
    on = datetime.date(year, 12, 31)
    activities = _attach_plan(list(activities_of(plan)), plan)
    changes = _changes_until(plan, on)
    states = _states(activities, changes)
    counts = count_statuses(s.status for s in states)
    by_year: dict[int, list[str]] = defaultdict(list)
    for state in states:
        by_year[state.activity.planned_year].append(state.status)
    rows = [
        YearRow(planned, count_statuses(by_year.get(planned, [])), len(by_year.get(planned, [])))
        for planned in sorted(set(plan_years(plan)) | set(by_year))
    ]
    by_id = {activity.pk: activity for activity in activities}
    in_year = [c for c in reversed(changes) if c.changed_on.year == year]
    for change in in_year:
        change.activity = by_id[change.activity_id]
    parts = summary_parts({c.status: c.count for c in counts})
    return FollowUp(
        plan=plan,
        year=year,
        on=on,
        total=len(states),
        counts=counts,
        by_planned_year=rows,
        activities=states,
        changes_in_year=in_year,
        summary_parts=parts,
        summary=summary_text(parts, len(states)),
    )


def default_follow_up_year(plan: PlanPeriod, today: datetime.date) -> int:
    """This year while the plan runs; its first or last year before or after."""
    return min(max(today.year, plan.first_year), plan.last_year)


def activities_for_api(
    *,
    agreement: str = "",
    plan: str = "",
    status: str = "",
    planned_year: int | None = None,
) -> QuerySet:
    """Activities of every plan, filtered, each with its status history (newest first)."""
    qs = PlanActivity.objects.select_related(
        "plan__agreement", "responsible_organisation", "area"
    ).prefetch_related(
        Prefetch(
            "status_changes",
            queryset=ActivityStatusChange.objects.order_by("-changed_on", "-pk"),
        )
    )
    if agreement:
        qs = qs.filter(plan__agreement__slug=agreement)
    if plan:
        qs = qs.filter(plan__slug=plan)
    if status:
        qs = qs.filter(status=status)
    if planned_year is not None:
        qs = qs.filter(planned_year=planned_year)
    return qs.order_by(
        "plan__agreement__slug", "-plan__first_year", "planned_year", "position", "pk"
    )
