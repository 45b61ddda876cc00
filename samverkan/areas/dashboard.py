"""For the coordinators: focus-area proposals waiting to be prepared, as a block of My pages."""

from django.utils.translation import gettext as _

from samverkan.areas.models import FocusAreaProposal
from samverkan.core.registry import first_and_total, same_for_every_coordinator


@same_for_every_coordinator
def proposals_to_prepare(viewer) -> dict | None:
    """The agreement's new focus-area proposals, oldest first: one query. Only for the
    coordinators, who prepare a proposal for the steering group."""
    if not viewer.is_coordinator or viewer.agreement is None:
        return None
    proposals, total = first_and_total(
        FocusAreaProposal.objects.filter(
            agreement=viewer.agreement, status=FocusAreaProposal.Status.PROPOSED
        )
        .select_related("agreement")
        .order_by("created_at", "pk")
    )
    return {
        "key": "proposals",
        "heading": _("Focus-area proposals to prepare"),
        "total": total,
        "proposals": proposals,
        "agreement": viewer.agreement,
    }
