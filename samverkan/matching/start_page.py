"""The newest needs and offers, as a block of the start page (core START_PAGE)."""

from samverkan.matching.models import Posting
from samverkan.matching.selectors import valid_postings

LIMIT = 3


def newest_postings(agreement, user) -> dict:
    """The agreement's newest open needs and newest open offers, a few of each: two queries."""
    newest = valid_postings(agreement).with_owner().order_by("-created_at", "-pk")
    return {
        "needs": list(newest.filter(direction=Posting.Direction.NEED)[:LIMIT]),
        "offers": list(newest.filter(direction=Posting.Direction.OFFER)[:LIMIT]),
        "agreement": agreement,
    }
