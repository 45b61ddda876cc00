"""Writes of priority areas, hosting, phases and focus areas.

Each function runs in a transaction, checks permission (returning the reason), writes an audit
entry and raises ApplicationError (or a subclass) with a Swedish message when a rule is broken.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.areas import permissions
from samverkan.areas.models import FocusArea, FocusAreaProposal, ProposalSupport
from samverkan.core.audit import log_action
from samverkan.core.exceptions import ApplicationError, ConflictError, PermissionDeniedError

# ---------------------------------------------------------------------------------------------
# Focus areas: members propose, others support, coordinators prepare, the steering group decides.
# ---------------------------------------------------------------------------------------------

OPEN_STATUSES = (
    FocusAreaProposal.Status.PROPOSED,
    FocusAreaProposal.Status.PREPARED,
    FocusAreaProposal.Status.ON_AGENDA,
)


def _require(check) -> None:
    allowed, reason = check
    if not allowed:
        raise PermissionDeniedError(reason)


def _locked(proposal: FocusAreaProposal) -> FocusAreaProposal:
    return FocusAreaProposal.objects.select_for_update().get(pk=proposal.pk)


@transaction.atomic
def propose_focus_area(
    *, agreement, year: int, title: str, motivation: str, areas=(), by
) -> FocusAreaProposal:
    """A registered member proposes a focus area for a coming year.

    Raises PermissionDeniedError for visitors, ApplicationError for a past year or empty text.
    """
    _require(permissions.can_propose(by))
    if not title.strip() or not motivation.strip():
        raise ApplicationError(_("A proposal needs a title and a motivation."), code="invalid")
    if year < timezone.localdate().year:
        raise ApplicationError(
            _("A focus area can only be proposed for this year or a coming year."),
            code="past_year",
            field="year",
        )
    proposal = FocusAreaProposal.objects.create(
        agreement=agreement, year=year, title=title.strip(), motivation=motivation, proposed_by=by
    )
    proposal.areas.set(areas)
    log_action(proposal, "focus_proposal.proposed", by=by, data={"title": proposal.title})
    return proposal


@transaction.atomic
def support_proposal(*, proposal: FocusAreaProposal, by) -> ProposalSupport:
    """Support someone else's open proposal, once per person.

    Raises PermissionDeniedError (visitor, own proposal), ConflictError (already supported or
    the proposal is closed).
    """
    proposal = _locked(proposal)
    _require(permissions.can_support(by, proposal))
    if proposal.status not in OPEN_STATUSES:
        raise ConflictError(
            _("The proposal is no longer open for support."), code="proposal_closed"
        )
    if ProposalSupport.objects.filter(proposal=proposal, user=by).exists():
        raise ConflictError(_("You already support this proposal."), code="already_supported")
    try:
        with transaction.atomic():
            support = ProposalSupport.objects.create(proposal=proposal, user=by)
    except IntegrityError as exc:  # two clicks at once: the constraint decides
        raise ConflictError(
            _("You already support this proposal."), code="already_supported"
        ) from exc
    log_action(proposal, "focus_proposal.supported", by=by)
    return support


@transaction.atomic
def withdraw_support(*, proposal: FocusAreaProposal, by) -> None:
    """Take one's support back while the proposal is open."""
    proposal = _locked(proposal)
    if proposal.status not in OPEN_STATUSES:
        raise ConflictError(_("The proposal is no longer open."), code="proposal_closed")
    deleted, _rows = ProposalSupport.objects.filter(proposal=proposal, user=by).delete()
    if not deleted:
        raise ConflictError(_("You do not support this proposal."), code="not_supported")
    log_action(proposal, "focus_proposal.support_withdrawn", by=by)


@transaction.atomic
def prepare_proposal(*, proposal: FocusAreaProposal, note: str, by) -> FocusAreaProposal:
    """A coordinator prepares a proposal for the steering group, with a written preparation."""
    proposal = _locked(proposal)
    _require(permissions.can_prepare(by, proposal))
    if proposal.status not in (
        FocusAreaProposal.Status.PROPOSED,
        FocusAreaProposal.Status.PREPARED,
    ):
        raise ConflictError(
            _("Only a proposal that is not yet on an agenda can be prepared."),
            code="not_preparable",
        )
    proposal.status = FocusAreaProposal.Status.PREPARED
    proposal.preparation_note = note
    proposal.save(update_fields=["status", "preparation_note"])
    log_action(proposal, "focus_proposal.prepared", by=by)
    return proposal


@transaction.atomic
def withdraw_proposal(*, proposal: FocusAreaProposal, by) -> FocusAreaProposal:
    """The proposer withdraws a proposal that is not yet on an agenda."""
    proposal = _locked(proposal)
    _require(permissions.can_withdraw(by, proposal))
    if proposal.status not in (
        FocusAreaProposal.Status.PROPOSED,
        FocusAreaProposal.Status.PREPARED,
    ):
        raise ConflictError(
            _("A proposal on the steering group's agenda cannot be withdrawn."),
            code="not_withdrawable",
        )
    proposal.status = FocusAreaProposal.Status.WITHDRAWN
    proposal.save(update_fields=["status"])
    log_action(proposal, "focus_proposal.withdrawn", by=by)
    return proposal


@transaction.atomic
def mark_proposal_on_agenda(*, proposal: FocusAreaProposal, by) -> FocusAreaProposal:
    """Called by governance when a coordinator puts a prepared proposal on a meeting's agenda."""
    proposal = _locked(proposal)
    _require(permissions.can_prepare(by, proposal))
    if proposal.status != FocusAreaProposal.Status.PREPARED:
        raise ConflictError(
            _("Only a proposal prepared by the coordinators can be put on an agenda."),
            code="not_prepared",
        )
    proposal.status = FocusAreaProposal.Status.ON_AGENDA
    proposal.save(update_fields=["status"])
    log_action(proposal, "focus_proposal.on_agenda", by=by)
    return proposal


@transaction.atomic
def adopt_focus_area(*, proposal: FocusAreaProposal, paragraph, by) -> FocusArea:
    """The steering group's decision (a minutes paragraph) makes the proposal the agreement's
    focus area for the proposal's year. Called by governance when the decision is recorded.

    Raises ConflictError when the proposal is not on an agenda or the year already has one.
    """
    proposal = _locked(proposal)
    if proposal.status != FocusAreaProposal.Status.ON_AGENDA:
        raise ConflictError(
            _("Only a proposal on the steering group's agenda can be adopted."),
            code="not_on_agenda",
        )
    if FocusArea.objects.filter(agreement=proposal.agreement, year=proposal.year).exists():
        raise ConflictError(
            _("%(year)s already has a focus area.") % {"year": proposal.year},
            code="year_has_focus_area",
        )
    focus_area = FocusArea.objects.create(
        agreement=proposal.agreement,
        year=proposal.year,
        title=proposal.title,
        description=proposal.motivation,
        proposal=proposal,
        decided_in=paragraph,
        is_demo=proposal.is_demo,
    )
    focus_area.areas.set(proposal.areas.all())
    proposal.status = FocusAreaProposal.Status.ADOPTED
    proposal.save(update_fields=["status"])
    log_action(focus_area, "focus_area.adopted", by=by, data={"year": proposal.year})
    return focus_area


@transaction.atomic
def reject_focus_proposal(*, proposal: FocusAreaProposal, paragraph, by) -> FocusAreaProposal:
    """The steering group decided not to adopt the proposal."""
    proposal = _locked(proposal)
    if proposal.status != FocusAreaProposal.Status.ON_AGENDA:
        raise ConflictError(
            _("Only a proposal on the steering group's agenda can be decided."),
            code="not_on_agenda",
        )
    proposal.status = FocusAreaProposal.Status.NOT_ADOPTED
    proposal.save(update_fields=["status"])
    log_action(proposal, "focus_proposal.not_adopted", by=by, data={"paragraph": paragraph.pk})
    return proposal
