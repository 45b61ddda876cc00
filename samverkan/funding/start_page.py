"""Funding calls closing soon, as a block of the start page (core START_PAGE)."""

from django.utils import timezone

from samverkan.funding.models import FundingCall

LIMIT = 3


def calls_closing_soon(agreement, user) -> dict:
    """The open calls shown in the agreement whose deadline is nearest (rolling calls have
    none and are left out): one query."""
    today = timezone.localdate()
    calls = list(
        FundingCall.objects.visible_in(agreement)
        .open(today)
        .filter(deadline__isnull=False)
        .select_related("funder")
        .order_by("deadline", "title", "pk")[:LIMIT]
    )
    return {"calls": calls, "today": today, "agreement": agreement}
