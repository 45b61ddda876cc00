"""Needs and offers on My pages: the person's organisations' postings with their open matches,
and for the coordinators the worklist of unmatched postings (core.registry.DASHBOARD)."""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from samverkan.actors.dashboard import represented_organisation_ids
from samverkan.core.registry import first_and_total, same_for_every_coordinator
from samverkan.matching.models import Match, Posting
from samverkan.matching.selectors import unmatched_postings

OPEN_MATCH = [Match.Status.SUGGESTED, Match.Status.NEED_ACCEPTED, Match.Status.OFFER_ACCEPTED]


def _matches(side: str, **filters) -> Coalesce:
    """A correlated count of the matches the posting is on `side` ("need" or "offer") of."""
    rows = (
        Match.objects.filter(**{side: OuterRef("pk")}, **filters)
        .order_by()
        .values(side)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def my_postings(viewer) -> dict | None:
    """The open postings of the organisations the person represents, newest first, each with
    its open matches and those where the other side has accepted and waits for an answer: one
    query besides the person's organisations. Left out for a person who represents none."""
    organisations = represented_organisation_ids(viewer)
    if viewer.agreement is None or not organisations:
        return None
    postings, total = first_and_total(
        Posting.objects.filter(
            agreement=viewer.agreement,
            organisation__in=organisations,
            status=Posting.Status.OPEN,
        )
        .select_related("agreement", "organisation")
        .annotate(
            open_matches=_matches("need", status__in=OPEN_MATCH)
            + _matches("offer", status__in=OPEN_MATCH),
            awaiting=_matches("need", status=Match.Status.OFFER_ACCEPTED)
            + _matches("offer", status=Match.Status.NEED_ACCEPTED),
        )
        .order_by("-created_at", "-pk")
    )
    return {
        "key": "postings",
        "heading": _("Your needs and offers"),
        "total": total,
        "postings": postings,
        "agreement": viewer.agreement,
    }


@same_for_every_coordinator
def unmatched(viewer) -> dict | None:
    """For the coordinators: how many open postings have no accepted match, one query."""
    if not viewer.is_coordinator or viewer.agreement is None:
        return None
    return {
        "key": "unmatched",
        "heading": _("Unmatched needs and offers"),
        "total": unmatched_postings(viewer.agreement).count(),
        "agreement": viewer.agreement,
    }
