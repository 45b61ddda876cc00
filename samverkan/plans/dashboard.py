"""For the coordinators: activities of the current collaboration plan that lag behind, as a
block of My pages (core.registry.DASHBOARD)."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.core.registry import first_and_total, same_for_every_coordinator
from samverkan.plans.models import ActivityStatus, PlanActivity


@same_for_every_coordinator
def activities_behind(viewer) -> dict | None:
    """Activities of the plans running this year that are delayed, or planned for an earlier
    year and not done, earliest year first: one query. Only for the coordinators, who keep
    the plan's follow-up."""
    if not viewer.is_coordinator or viewer.agreement is None:
        return None
    year = timezone.localdate().year
    activities, total = first_and_total(
        PlanActivity.objects.filter(
            plan__agreement=viewer.agreement, plan__first_year__lte=year, plan__last_year__gte=year
        )
        .filter(
            Q(status=ActivityStatus.DELAYED)
            | Q(planned_year__lt=year) & ~Q(status=ActivityStatus.DONE)
        )
        .select_related("plan__agreement")
        .order_by("planned_year", "plan_id", "position", "pk")
    )
    return {
        "key": "plan",
        "heading": _("Plan activities behind schedule"),
        "total": total,
        "activities": activities,
        "agreement": viewer.agreement,
    }
