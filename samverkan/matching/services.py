"""Writes of needs, offers and matches.

Each function runs in one transaction with its audit entry, checks permission (raising
PermissionDeniedError with the reason) and keeps the matching index in step, so a posting is
matchable as soon as the transaction commits.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.core.audit import log_action
from samverkan.core.exceptions import ApplicationError, ConflictError
from samverkan.core.permissions import person, require
from samverkan.matching import permissions
from samverkan.matching.index import index_posting
from samverkan.matching.models import Match, Posting
from samverkan.partnerships.models import Collaboration
from samverkan.partnerships.services import create_collaboration

EDITABLE_FIELDS = ("direction", "kind", "title", "text", "valid_until")


def _check_content(*, agreement, title, text, direction, kind, valid_until, areas, allow_past):
    if not (title or "").strip():
        raise ApplicationError(_("Give the posting a title."), code="invalid", field="title")
    if not (text or "").strip():
        raise ApplicationError(
            _("Describe what is needed or offered."), code="invalid", field="text"
        )
    if direction not in Posting.Direction.values:
        raise ApplicationError(_("Choose need or offer."), code="invalid", field="direction")
    if kind not in Posting.Kind.values:
        raise ApplicationError(_("Choose a kind."), code="invalid", field="kind")
    if valid_until and valid_until < timezone.localdate() and not allow_past:
        raise ApplicationError(
            _("The last day cannot be in the past."), code="past_date", field="valid_until"
        )
    if any(area.agreement_id != agreement.pk for area in areas):
        raise ApplicationError(
            _("A posting can only name priority areas of its own agreement."),
            code="invalid",
            field="areas",
        )


@transaction.atomic
def create_posting(
    *,
    agreement,
    organisation,
    direction: str,
    kind: str,
    title: str,
    text: str,
    by,
    areas=(),
    districts=(),
    valid_until: datetime.date | None = None,
    is_demo: bool = False,
    allow_past: bool = False,
) -> Posting:
    """Post a need or an offer for an organisation; it is in the matching index on return.

    Raises PermissionDeniedError (not a representative, or a sector that does not post) and
    ApplicationError (empty title or text, a past last day, areas of another agreement).
    The demo and imports pass `by=SYSTEM`.
    """
    require(by, permissions.can_post, organisation)
    areas, districts = list(areas), list(districts)
    _check_content(
        agreement=agreement,
        title=title,
        text=text,
        direction=direction,
        kind=kind,
        valid_until=valid_until,
        areas=areas,
        allow_past=allow_past,
    )
    posting = Posting.objects.create(
        agreement=agreement,
        organisation=organisation,
        direction=direction,
        kind=kind,
        title=title.strip(),
        text=text.strip(),
        valid_until=valid_until,
        created_by=person(by),
        is_demo=is_demo,
    )
    posting.areas.set(areas)
    posting.districts.set(districts)
    index_posting(posting)
    log_action(
        posting,
        "posting.created",
        by=by,
        data={"direction": direction, "organisation": organisation.pk},
    )
    return posting


@transaction.atomic
def update_posting(*, posting: Posting, by, areas=None, districts=None, **fields) -> Posting:
    """Change a posting's text, kind, direction, areas, districts or last day; re-indexes it.

    Raises PermissionDeniedError, ConflictError (withdrawn or closed) and ApplicationError as
    create_posting does.
    """
    posting = Posting.objects.select_for_update().select_related("organisation").get(pk=posting.pk)
    require(by, permissions.can_edit, posting)
    if posting.status != Posting.Status.OPEN:
        raise ConflictError(_("A withdrawn or closed posting cannot be changed."), code="closed")
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ApplicationError(_("These fields cannot be changed here."), code="invalid")
    for name, value in fields.items():
        setattr(posting, name, value.strip() if isinstance(value, str) else value)
    areas = list(posting.areas.all() if areas is None else areas)
    _check_content(
        agreement=posting.agreement,
        title=posting.title,
        text=posting.text,
        direction=posting.direction,
        kind=posting.kind,
        valid_until=posting.valid_until,
        areas=areas,
        allow_past=False,
    )
    posting.save()
    posting.areas.set(areas)
    if districts is not None:
        posting.districts.set(districts)
    index_posting(posting)
    log_action(posting, "posting.updated", by=by, data={"fields": sorted(fields)})
    return posting


@transaction.atomic
def withdraw_posting(*, posting: Posting, by) -> Posting:
    """Withdraw an open posting: it leaves the lists and the index, and is no longer suggested.

    Raises PermissionDeniedError, or ConflictError when it is not open.
    """
    posting = Posting.objects.select_for_update().select_related("organisation").get(pk=posting.pk)
    require(by, permissions.can_edit, posting)
    if posting.status != Posting.Status.OPEN:
        raise ConflictError(_("Only an open posting can be withdrawn."), code="not_open")
    posting.status = Posting.Status.WITHDRAWN
    posting.save(update_fields=["status", "updated_at"])
    index_posting(posting)
    log_action(posting, "posting.withdrawn", by=by)
    return posting


def _pair(first: Posting, second: Posting) -> tuple[Posting, Posting]:
    """(need, offer) of two postings of opposite directions, in either order."""
    if first.direction == second.direction:
        raise ApplicationError(_("A match joins a need and an offer."), code="same_direction")
    if first.agreement_id != second.agreement_id:
        raise ApplicationError(_("Both postings must belong to the same agreement."))
    if first.organisation_id == second.organisation_id:
        raise ApplicationError(
            _("An organisation cannot be matched with itself."), code="same_organisation"
        )
    return (first, second) if first.direction == Posting.Direction.NEED else (second, first)


def _locked_match(need: Posting, offer: Posting, *, score: float) -> tuple[Match, bool]:
    try:
        with transaction.atomic():
            match, created = Match.objects.get_or_create(
                need=need, offer=offer, defaults={"score": score}
            )
    except IntegrityError:  # created by someone else at the same moment
        match, created = Match.objects.get(need=need, offer=offer), False
    return Match.objects.select_for_update().get(pk=match.pk), created


@transaction.atomic
def accept_match(*, posting: Posting, counterpart: Posting, by, score: float = 0.0) -> Match:
    """Accept a suggested pair for the sides the person answers for.

    The first acceptance records the match; when both sides have accepted (or a coordinator
    accepts, for both) it becomes accepted. Raises PermissionDeniedError, ApplicationError
    (not a need and an offer, the same organisation, a posting no longer open) and ConflictError
    (already declined, or this side already accepted).
    """
    need, offer = _pair(posting, counterpart)
    require(by, permissions.can_respond, need, offer)
    if not (need.status == offer.status == Posting.Status.OPEN):
        raise ApplicationError(_("Only open postings can be matched."), code="not_open")
    match, created = _locked_match(need, offer, score=score)
    if match.status == Match.Status.DECLINED:
        raise ConflictError(_("The match has been declined."), code="declined")
    if match.status == Match.Status.ACCEPTED:
        raise ConflictError(_("The match is already accepted."), code="already_accepted")
    sides = permissions.sides_of(by, need, offer)
    now = timezone.now()
    changed = False
    if "need" in sides and match.need_accepted_at is None:
        match.need_accepted_by, match.need_accepted_at, changed = person(by), now, True
    if "offer" in sides and match.offer_accepted_at is None:
        match.offer_accepted_by, match.offer_accepted_at, changed = person(by), now, True
    if not changed:
        raise ConflictError(_("You have already accepted this match."), code="already_accepted")
    if match.need_accepted_at and match.offer_accepted_at:
        match.status = Match.Status.ACCEPTED
    elif match.need_accepted_at:
        match.status = Match.Status.NEED_ACCEPTED
    else:
        match.status = Match.Status.OFFER_ACCEPTED
    match.save()
    log_action(
        match,
        "match.accepted" if match.status == Match.Status.ACCEPTED else "match.accepted_by_side",
        by=by,
        data={"sides": sorted(sides), "created": created},
    )
    return match


@transaction.atomic
def decline_match(*, posting: Posting, counterpart: Posting, by) -> Match:
    """Decline a suggested pair or an open match: it is no longer suggested to either side.

    Raises PermissionDeniedError, ApplicationError, and ConflictError when the match is
    already accepted or declined.
    """
    need, offer = _pair(posting, counterpart)
    require(by, permissions.can_respond, need, offer)
    match, _created = _locked_match(need, offer, score=0.0)
    if match.status == Match.Status.ACCEPTED:
        raise ConflictError(_("An accepted match cannot be declined."), code="already_accepted")
    if match.status == Match.Status.DECLINED:
        raise ConflictError(_("The match has already been declined."), code="declined")
    match.status = Match.Status.DECLINED
    match.declined_by, match.declined_at = person(by), timezone.now()
    match.save()
    log_action(match, "match.declined", by=by)
    return match


@transaction.atomic
def make_collaboration(*, match: Match, by, title: str = "", description: str = ""):
    """Turn an accepted match into a collaboration of the mapping, with both organisations as
    parties: the need's organisation leads, the offer's is a partner. The need is met and
    closes; the offer stays open (a room or volunteers can serve several needs).

    Raises PermissionDeniedError, or ConflictError (not accepted, already a collaboration).
    """
    match = (
        Match.objects.select_for_update()
        .select_related("need__organisation", "offer__organisation", "need__agreement")
        .get(pk=match.pk)
    )
    require(by, permissions.can_start_collaboration, match)
    if reason := permissions.collaboration_refusal(match):
        raise ConflictError(reason, code="not_possible")
    need, offer = match.need, match.offer
    collaboration = create_collaboration(
        agreement=need.agreement,
        title=(title or need.title).strip()[:200],
        parties=[(need.organisation, "lead"), (offer.organisation, "partner")],
        by=by,
        description=description or f"{need.text}\n\n{offer.text}",
        kind=_collaboration_kind(need, offer),
        areas=list({a.pk: a for a in [*need.areas.all(), *offer.areas.all()]}.values()),
        districts=list({d.pk: d for d in [*need.districts.all(), *offer.districts.all()]}.values()),
    )
    match.collaboration = collaboration
    match.save(update_fields=["collaboration", "updated_at"])
    need.status = Posting.Status.CLOSED
    need.save(update_fields=["status", "updated_at"])
    index_posting(need)
    log_action(
        match, "match.collaboration_created", by=by, data={"collaboration": collaboration.pk}
    )
    return collaboration


def _collaboration_kind(need: Posting, offer: Posting) -> str:
    if Posting.Kind.FUNDING in (need.kind, offer.kind):
        return Collaboration.Kind.GRANT_FUNDED
    return Collaboration.Kind.PROJECT
