"""For the coordinators: minutes waiting to be adjusted, as a block of My pages."""

from django.utils.translation import gettext as _

from samverkan.core.registry import first_and_total, same_for_every_coordinator
from samverkan.governance.models import Meeting


@same_for_every_coordinator
def minutes_to_adjust(viewer) -> dict | None:
    """Held meetings of the agreement's bodies whose minutes are not adjusted yet, oldest first:
    one query. Only for the coordinators, who adjust and publish minutes."""
    if not viewer.is_coordinator or viewer.agreement is None:
        return None
    meetings, total = first_and_total(
        Meeting.objects.filter(body__agreement=viewer.agreement, status=Meeting.Status.HELD)
        .select_related("body__agreement")
        .order_by("starts_at", "pk")
    )
    return {
        "key": "minutes",
        "heading": _("Minutes to check"),
        "total": total,
        "meetings": meetings,
        "agreement": viewer.agreement,
    }
