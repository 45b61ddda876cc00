"""The collaboration plans and their activities with status history, read-only.

Paths: /plans, /plans/{agreement}/{slug}, /plan-activities (mounted at /api/v1/).
"""

import datetime

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_noop
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from samverkan.core.pagination import PageNumberPagination
from samverkan.plans.models import ActivityStatus, PlanPeriod, PlanRevision
from samverkan.plans.selectors import activities_for_api

router = Router(tags=["plans"])

ACTIVITIES_PAGE_SIZE = 50


class PlanOut(Schema):
    agreement: str = Field(..., alias="agreement.slug")
    slug: str
    title: str
    first_year: int
    last_year: int
    adopted_on: datetime.date | None
    adopted_by: str
    summary: str
    activity_count: int
    url: str = Field(..., alias="get_absolute_url")


class RevisionOut(Schema):
    mandate_period: str
    revised_on: datetime.date
    summary: str


class PlanDetailOut(PlanOut):
    revisions: list[RevisionOut]


class StatusChangeOut(Schema):
    status: str
    status_label: str = Field(..., alias="get_status_display")
    changed_on: datetime.date
    note: str


class RefOut(Schema):
    name: str
    slug: str


class AreaRefOut(Schema):
    title: str
    slug: str


class ActivityOut(Schema):
    id: int
    agreement: str = Field(..., alias="plan.agreement.slug")
    plan: str = Field(..., alias="plan.slug")
    title: str
    description: str
    planned_year: int
    responsible: str
    responsible_organisation: RefOut | None
    area: AreaRefOut | None
    status: str
    status_label: str = Field(..., alias="get_status_display")
    status_history: list[StatusChangeOut] = Field(..., alias="status_changes")


class PlanQuery(Schema):
    agreement: str = Field("", description="An agreement's slug, e.g. malmoandan")


class ActivityQuery(Schema):
    agreement: str = Field("", description="An agreement's slug, e.g. malmoandan")
    plan: str = Field("", description="A plan's slug, e.g. samarbetsplan-2018-2022")
    status: ActivityStatus | None = Field(None, description="The current status")
    planned_year: int | None = Field(None, description="The year the activity is planned for")


def _plans():
    return (
        PlanPeriod.objects.select_related("agreement")
        .annotate(activity_count=Count("activities"))
        .order_by("agreement__slug", "-first_year", "slug")
    )


@router.get(
    "/plans", response=list[PlanOut], summary=gettext_noop("Collaboration plans of the agreements")
)
def list_plans(request, filters: Query[PlanQuery]):
    plans = _plans()
    if filters.agreement:
        plans = plans.filter(agreement__slug=filters.agreement)
    return list(plans)


@router.get(
    "/plans/{agreement}/{slug}",
    response=PlanDetailOut,
    summary=gettext_noop("One collaboration plan with its revisions (once per mandate period)"),
)
def get_plan(request, agreement: str, slug: str):
    return get_object_or_404(
        _plans().prefetch_related(
            Prefetch("revisions", queryset=PlanRevision.objects.order_by("-revised_on", "-pk"))
        ),
        agreement__slug=agreement,
        slug=slug,
    )


@router.get(
    "/plan-activities",
    response=list[ActivityOut],
    summary=gettext_noop("Activities of the collaboration plans, each with its status history"),
)
@paginate(PageNumberPagination, page_size=ACTIVITIES_PAGE_SIZE)
def list_activities(request, filters: Query[ActivityQuery]):
    return activities_for_api(
        agreement=filters.agreement,
        plan=filters.plan,
        status=filters.status.value if filters.status else "",
        planned_year=filters.planned_year,
    )
