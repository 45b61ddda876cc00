"""The funding calls a person follows, as a block of My pages (core.registry.DASHBOARD)."""

from django.utils.translation import gettext as _

from samverkan.core.registry import first_and_total
from samverkan.funding.models import FundingCall


def followed_calls(viewer) -> dict | None:
    """The calls the person follows that have not closed, soonest deadline first: one query."""
    if viewer.agreement is None:
        return None
    calls, total = first_and_total(
        FundingCall.objects.visible_in(viewer.agreement)
        .not_closed()
        .filter(follows__user=viewer.user)
        .select_related("funder")
        .by_deadline()
    )
    for call in calls:
        call.url = call.url_in(viewer.agreement)
    return {
        "key": "calls",
        "heading": _("Funding calls you follow"),
        "total": total,
        "calls": calls,
        "agreement": viewer.agreement,
    }
