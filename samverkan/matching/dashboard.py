"""Needs and offers on My pages: the person's organisations' postings with their open matches,
and for the coordinators the worklist of unmatched postings (core.registry.DASHBOARD)."""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from samverkan.actors.dashboard import represented_organisation_ids
from samverkan.core.registry import first_and_total, same_for_every_coordinator
from samverkan.matching.models import Match, Posting
from samverkan.matching.selectors import unmatched_postings

OPEN_MATCH = [Match.Status.SUGGESTED, Match.Status.NEED_ACCEPTED, Match.Status.OFFER_ACCEPTED]


def _matches(sides: Q) -> Coalesce:
    """A correlated count of the posting's matches that fit `sides` (a Q on OuterRef("pk")
    through `need` and/or `offer`). One subquery for both sides: a match pairs two different
    postings (the match_of_two_postings constraint), so a posting is never counted twice; the
    four subqueries of a count per side cost My pages more to build than to run."""
    rows = (
        Match.objects.filter(sides)
        .order_by()
        .annotate(one=Value(1))
        .values("one")
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
            open_matches=_matches(
                (Q(need=OuterRef("pk")) | Q(offer=OuterRef("pk"))) & Q(status__in=OPEN_MATCH)
            ),
            # The other side has accepted and waits for this one.
            awaiting=_matches(
                Q(need=OuterRef("pk"), status=Match.Status.OFFER_ACCEPTED)
                | Q(offer=OuterRef("pk"), status=Match.Status.NEED_ACCEPTED)
            ),
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
