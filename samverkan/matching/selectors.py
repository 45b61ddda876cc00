"""Reads of needs, offers and matches, in a fixed number of queries per page."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from samverkan.accounts.roles import is_coordinator
from samverkan.actors.permissions import represented_organisation_ids
from samverkan.core.cache import cached_value
from samverkan.matching import permissions
from samverkan.matching.index import suggest, suggest_organisations
from samverkan.matching.models import Match, Posting, PostingTerm
from samverkan.matching.text import analyse


def valid_postings(agreement, *, on=None) -> QuerySet:
    """Open postings of an agreement whose last day has not passed."""
    day = on or timezone.localdate()
    queryset = Posting.objects.all() if agreement is None else agreement.postings.all()
    return queryset.filter(status=Posting.Status.OPEN).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=day)
    )


def _with_relations(queryset: QuerySet) -> QuerySet:
    return queryset.with_owner().prefetch_related("areas", "districts")


def search_postings(
    agreement,
    *,
    q: str = "",
    direction: str = "",
    kind: str = "",
    area=None,
    district=None,
    include_closed: bool = False,
) -> QuerySet:
    """The list of needs and offers (of every agreement when `agreement` is None): open and
    valid ones unless `include_closed`, newest first.

    The search finds postings that have every word of `q` (by stem, and as parts of compound
    words) in the matching index, which covers the open postings, or that have `q` in the title.
    """
    if include_closed:
        queryset = Posting.objects.all() if agreement is None else agreement.postings.all()
    else:
        queryset = valid_postings(agreement)
    if direction:
        queryset = queryset.filter(direction=direction)
    if kind:
        queryset = queryset.filter(kind=kind)
    if area is not None:
        queryset = queryset.filter(areas=area)
    if district is not None:
        queryset = queryset.filter(districts=district)
    if q.strip():
        terms = list(analyse("", q).tf)[:8]
        indexed = Q()
        if terms:
            indexed = Q(pk__isnull=False)
            for term in terms:
                indexed &= Q(Exists(PostingTerm.objects.filter(posting=OuterRef("pk"), term=term)))
        queryset = (
            queryset.filter(indexed | Q(title__icontains=q.strip()))
            if terms
            else (queryset.filter(title__icontains=q.strip()))
        )
    return _with_relations(queryset.order_by("-created_at", "-pk"))


def posting_page_data(agreement, pk: int, *, user, limit: int = 10) -> dict | None:
    """A posting with its suggestions (and the organisations behind them), its matches, and
    what the person may do."""
    posting = _with_relations(Posting.objects.filter(agreement=agreement, pk=pk)).first()
    if posting is None:
        return None
    coordinator = is_coordinator(user)
    own = represented_organisation_ids(user)
    may_edit = coordinator or posting.organisation_id in own
    suggestions = shared_suggestions(posting, limit=limit) if posting.is_valid() else []
    matches = list(
        Match.objects.filter(Q(need=posting) | Q(offer=posting))
        .select_related("need__organisation", "offer__organisation", "collaboration")
        .order_by("-updated_at")
    )
    by_counterpart = {
        (m.offer_id if posting.direction == Posting.Direction.NEED else m.need_id): m
        for m in matches
    }
    for suggestion in suggestions:
        suggestion.match = by_counterpart.get(suggestion.posting.pk)
        suggestion.can_respond = coordinator or bool(
            {posting.organisation_id, suggestion.posting.organisation_id} & own
        )
    return {
        "agreement": posting.agreement,
        "posting": posting,
        "suggestions": suggestions,
        "organisations": suggest_organisations(suggestions),
        "matches": matches,
        "can_edit": may_edit and posting.status == Posting.Status.OPEN,
        "can_withdraw": may_edit and posting.status == Posting.Status.OPEN,
    }


def posting_relations(posting) -> list:
    """What was read of a posting before its suggestions are: the posting, its organisation
    and its areas and districts (prefetched). A kept value computed from them depends on their
    tables too (core.cache.cached_value's `depends_on`)."""
    return [
        posting,
        posting.organisation,
        Posting.areas.through,
        Posting.districts.through,
        Posting.areas.field.related_model,
        Posting.districts.field.related_model,
    ]


def shared_suggestions(posting, *, limit: int = 10) -> list:
    """The posting's suggestions (matching.index.suggest), the same for everyone who looks: the
    matcher runs once per posting and day and its answer is kept under the generations of the
    tables it read (core.cache.cached_value), so a new or edited posting, a declined pair or a
    new term statistic drops it. What the person may do with each is added afterwards."""
    return cached_value(
        "posting-suggestions",
        [posting.pk, limit, timezone.localdate()],
        lambda: suggest(posting, limit=limit),
        depends_on=posting_relations(posting),
    )


def match_page_data(agreement, pk: int, match_pk: int, *, user) -> dict | None:
    match = (
        Match.objects.filter(pk=match_pk, need__agreement=agreement)
        .filter(Q(need_id=pk) | Q(offer_id=pk))
        .select_related(
            "need__organisation",
            "offer__organisation",
            "need__agreement",
            "collaboration__agreement",
            "need_accepted_by",
            "offer_accepted_by",
        )
        .first()
    )
    if match is None:
        return None
    sides = permissions.sides_of(user, match.need, match.offer)
    waiting = set()
    if match.is_open:
        if match.need_accepted_at is None:
            waiting.add("need")
        if match.offer_accepted_at is None:
            waiting.add("offer")
    return {
        "agreement": match.need.agreement,
        "match": match,
        "sides": sides,
        "can_accept": bool(sides & waiting),
        "can_decline": bool(sides) and match.is_open,
        "can_collaborate": permissions.can_make_collaboration(user, match)[0],
        "posting_pk": pk,
    }


def unmatched_postings(agreement) -> QuerySet:
    """Open, valid postings with no accepted match, oldest first: the coordinators' worklist."""
    accepted = Match.objects.filter(status=Match.Status.ACCEPTED)
    # Only the columns the worklist shows: the page sorts every unmatched posting before it
    # takes 50, and the texts and the agreement's own text made those rows wide. No areas or
    # districts: the list does not show them (two queries for nothing).
    return (
        valid_postings(agreement)
        .exclude(Exists(accepted.filter(need=OuterRef("pk"))))
        .exclude(Exists(accepted.filter(offer=OuterRef("pk"))))
        .select_related("organisation", "agreement")
        .only(*UNMATCHED_COLUMNS)
        .order_by("created_at", "pk")
    )


UNMATCHED_COLUMNS = (
    "created_at",
    "title",
    "direction",
    "valid_until",
    "organisation__name",
    "organisation__slug",
    "agreement__slug",
)


def prefetch_for_api(queryset: QuerySet) -> QuerySet:
    return queryset.with_owner().prefetch_related(Prefetch("areas"), Prefetch("districts"))
