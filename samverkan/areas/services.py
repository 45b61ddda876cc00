"""Writes of priority areas, hosting, phases and focus areas.

Each function runs in a transaction, checks permission (returning the reason), writes an audit
entry and raises ApplicationError (or a subclass) with a Swedish message when a rule is broken.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.areas import permissions
from samverkan.areas.models import (
    SECTOR_OF_SIDE,
    FocusArea,
    FocusAreaProposal,
    Hosting,
    HostSide,
    Phase,
    PhaseChange,
    PriorityArea,
    ProposalSupport,
)
from samverkan.core import formatting
from samverkan.core.audit import log_action
from samverkan.core.exceptions import ApplicationError, ConflictError
from samverkan.core.permissions import person, require
from samverkan.core.slugs import unique_slug

# ---------------------------------------------------------------------------------------------
# Focus areas: members propose, others support, coordinators prepare, the steering group decides.
# ---------------------------------------------------------------------------------------------

OPEN_STATUSES = (
    FocusAreaProposal.Status.PROPOSED,
    FocusAreaProposal.Status.PREPARED,
    FocusAreaProposal.Status.ON_AGENDA,
)


def _locked(proposal: FocusAreaProposal) -> FocusAreaProposal:
    return FocusAreaProposal.objects.select_for_update().get(pk=proposal.pk)


@transaction.atomic
def propose_focus_area(
    *,
    agreement,
    year: int,
    title: str,
    motivation: str,
    areas=(),
    by,
    allow_past_year: bool = False,
    is_demo: bool = False,
) -> FocusAreaProposal:
    """A registered member proposes a focus area for a coming year.

    `allow_past_year` is for recording proposals made before the platform existed (imports,
    the demo data); no page offers it.

    Raises PermissionDeniedError for visitors, ApplicationError for a past year or empty text.
    """
    require(by, permissions.can_propose)
    if not title.strip() or not motivation.strip():
        raise ApplicationError(_("A proposal needs a title and a motivation."), code="invalid")
    if year < timezone.localdate().year and not allow_past_year:
        raise ApplicationError(
            _("A focus area can only be proposed for this year or a coming year."),
            code="past_year",
            field="year",
        )
    foreign = [area for area in areas if area.agreement_id != agreement.pk]
    if foreign:
        raise ApplicationError(
            _("A proposal can only name priority areas of its own agreement."),
            code="invalid",
            field="areas",
        )
    proposal = FocusAreaProposal.objects.create(
        agreement=agreement,
        year=year,
        title=title.strip(),
        motivation=motivation,
        proposed_by=person(by),
        is_demo=is_demo,
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
    require(by, permissions.can_support, proposal)
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
    require(by, permissions.can_withdraw_support, proposal)
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
    require(by, permissions.can_prepare, proposal)
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
    require(by, permissions.can_withdraw, proposal)
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
    require(by, permissions.can_prepare, proposal)
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


@transaction.atomic
def record_focus_area(
    *, agreement, year: int, title: str, description: str = "", areas=(), by, is_demo=False
) -> FocusArea:
    """A coordinator records a focus area the steering group chose before the platform kept its
    minutes (no proposal, no minutes paragraph). Decisions made on the platform go through
    adopt_focus_area().

    Raises PermissionDeniedError for others, ConflictError when the year already has one.
    """
    require(by, permissions.can_create_area)
    if not title.strip():
        raise ApplicationError(_("A focus area needs a title."), code="invalid", field="title")
    if FocusArea.objects.filter(agreement=agreement, year=year).exists():
        raise ConflictError(
            _("%(year)s already has a focus area.") % {"year": year},
            code="year_has_focus_area",
            field="year",
        )
    focus_area = FocusArea.objects.create(
        agreement=agreement,
        year=year,
        title=title.strip(),
        description=description,
        is_demo=is_demo,
    )
    focus_area.areas.set(areas)
    log_action(focus_area, "focus_area.recorded", by=by, data={"year": year})
    return focus_area


# ---------------------------------------------------------------------------------------------
# Priority areas and their phases: coordinators add and run areas; hosts describe them and
# record their progress.
# ---------------------------------------------------------------------------------------------

# What an area's hosts may change; everything else is the coordinators'.
HOST_EDITABLE_FIELDS = frozenset({"summary", "description", "goals"})
AREA_FIELDS = frozenset(
    {"title", "summary", "description", "started_on", "ended_on", "position", "goals"}
)

# Addresses under omraden/ that are pages, not areas.
RESERVED_SLUGS = frozenset({"ny"})


def _unique_area_slug(agreement, title: str) -> str:
    return unique_slug(
        PriorityArea.objects.filter(agreement=agreement),
        title,
        max_length=100,
        fallback="omrade",
        reserved=RESERVED_SLUGS,
    )


def _check_title(title: str) -> str:
    if not title or not title.strip():
        raise ApplicationError(_("An area needs a title."), code="invalid", field="title")
    return title.strip()


def _check_goals_and_date(fields: dict, area: PriorityArea | None = None) -> None:
    started_on = fields.get("started_on")
    if started_on and started_on > timezone.localdate():
        raise ApplicationError(
            _("The start date cannot be in the future."), code="invalid", field="started_on"
        )
    ended_on = fields.get("ended_on")
    if ended_on is None:
        return
    # An area is ended on its last day, as a collaboration is: not ahead of time.
    if ended_on > timezone.localdate():
        raise ApplicationError(
            _("An area is ended on its last day: choose today or earlier."),
            code="invalid",
            field="ended_on",
        )
    started_on = started_on or (area.started_on if area else None)
    if started_on and ended_on < started_on:
        raise ApplicationError(
            _("The area cannot end before it started."), code="invalid", field="ended_on"
        )


@transaction.atomic
def create_area(
    *,
    agreement,
    title: str,
    summary: str = "",
    description: str = "",
    goals=(),
    started_on: datetime.date | None = None,
    position: int | None = None,
    from_plan: bool = False,
    by,
    is_demo: bool = False,
) -> PriorityArea:
    """A coordinator adds a priority area to an agreement. It starts in the first phase of the
    method (finding hosts), recorded as its first phase change on its start date (today when
    not given); its address (slug) is made from the title, unique within the agreement.

    Raises PermissionDeniedError for others, ApplicationError on an empty title or a start
    date in the future.
    """
    require(by, permissions.can_create_area)
    title = _check_title(title)
    started_on = started_on or timezone.localdate()
    _check_goals_and_date({"started_on": started_on})
    if position is None:
        last = PriorityArea.objects.filter(agreement=agreement).aggregate(Max("position"))
        position = (last["position__max"] or 0) + 1
    area = PriorityArea.objects.create(
        agreement=agreement,
        title=title,
        slug=_unique_area_slug(agreement, title),
        summary=summary,
        description=description,
        phase=Phase.FINDING_HOSTS,
        started_on=started_on,
        position=position,
        from_plan=from_plan,
        is_demo=is_demo,
    )
    area.goals.set(goals)
    PhaseChange.objects.create(
        area=area, phase=Phase.FINDING_HOSTS, changed_on=started_on, changed_by=person(by)
    )
    log_action(area, "area.created", by=by, data={"title": title})
    return area


@transaction.atomic
def update_area(*, area: PriorityArea, by, **changes) -> PriorityArea:
    """Change an area's texts, goals or (coordinators only) title, start and end date and
    position.
    The address (slug) stays, so links keep working.

    Raises PermissionDeniedError when the person may not edit the area or a field they ask to
    change, ApplicationError on invalid values.
    """
    require(by, permissions.can_edit_area, area)
    unknown = set(changes) - AREA_FIELDS
    if unknown:
        raise ApplicationError(
            _("These fields cannot be changed: %(fields)s.") % {"fields": ", ".join(unknown)},
            code="invalid",
        )
    if set(changes) - HOST_EDITABLE_FIELDS:
        require(by, permissions.can_edit_area_settings, area)
    area = PriorityArea.objects.select_for_update().get(pk=area.pk)
    if changes.get("position", 0) is None:  # left empty: keep the place in the list
        del changes["position"]
    if "title" in changes:
        changes["title"] = _check_title(changes["title"])
    _check_goals_and_date(changes, area)
    goals = changes.pop("goals", None)
    changed = {}
    for name, value in changes.items():
        before = getattr(area, name)
        if before != value:
            changed[name] = {"from": str(before), "to": str(value)}
            setattr(area, name, value)
    if changed:
        area.save(update_fields=list(changed))
    if goals is not None:
        before_goals = set(area.goals.values_list("pk", flat=True))
        after_goals = {goal.pk for goal in goals}
        if before_goals != after_goals:
            area.goals.set(goals)
            changed["goals"] = sorted(after_goals)
    log_action(area, "area.updated", by=by, data=changed)
    return area


@transaction.atomic
def change_phase(
    *, area: PriorityArea, phase: int, changed_on: datetime.date | None = None, note: str = "", by
) -> PhaseChange:
    """Move an area to another phase of the method and record when, by whom and why. The date
    (today when not given) may lie in the past but not in the future, nor before the area's
    latest recorded change.

    Raises PermissionDeniedError (not a coordinator or host of the area), ConflictError (the
    area is already in the phase), ApplicationError (an impossible date).
    """
    require(by, permissions.can_change_phase, area)
    area = PriorityArea.objects.select_for_update().get(pk=area.pk)
    try:
        phase = Phase(int(phase))
    except (TypeError, ValueError) as exc:
        raise ApplicationError(
            _("Choose one of the method's phases."), code="invalid", field="phase"
        ) from exc
    changed_on = changed_on or timezone.localdate()
    if phase == area.phase:
        raise ConflictError(
            _("The area is already in the phase “%(phase)s”.") % {"phase": phase.label},
            code="same_phase",
            field="phase",
        )
    if changed_on > timezone.localdate():
        raise ApplicationError(
            _("A phase change cannot be dated in the future."), code="invalid", field="changed_on"
        )
    latest = area.phase_changes.order_by("-changed_on").values_list("changed_on", flat=True)
    latest = latest.first()
    if latest and changed_on < latest:
        raise ApplicationError(
            _("The date cannot be before the area's latest phase change (%(date)s).")
            % {"date": formatting.long_date(latest)},
            code="invalid",
            field="changed_on",
        )
    change = PhaseChange.objects.create(
        area=area, phase=phase, changed_on=changed_on, changed_by=person(by), note=note.strip()
    )
    before = area.phase
    area.phase = phase
    area.save(update_fields=["phase"])
    log_action(
        area,
        "area.phase_changed",
        by=by,
        data={"from": before, "to": int(phase), "on": changed_on.isoformat()},
    )
    return change


# ---------------------------------------------------------------------------------------------
# Hosting (värdskap): one civil-society organisation and one city administration per area at a
# time, each under a hosting agreement with a period. History is kept: ending sets ends_on.
# ---------------------------------------------------------------------------------------------


def _overlapping(area, side, starts_on, ends_on, *, exclude_pk=None):
    qs = Hosting.objects.filter(area=area, side=side).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on)
    )
    if ends_on is not None:
        qs = qs.filter(starts_on__lte=ends_on)
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    return qs.select_related("organisation").order_by("starts_on").first()


def _overlap_error(area, side, existing: Hosting) -> ConflictError:
    if side == HostSide.CIVIL_SOCIETY:
        message = _(
            "%(area)s already has a non-profit host in this period: %(org)s (from %(start)s). "
            "End that hosting first, or let the new one start after it ends."
        )
    else:
        message = _(
            "%(area)s already has a city host in this period: %(org)s (from %(start)s). "
            "End that hosting first, or let the new one start after it ends."
        )
    return ConflictError(
        message
        % {
            "area": area.title,
            "org": existing.organisation.name,
            "start": existing.starts_on.isoformat(),
        },
        code="host_overlap",
        field="starts_on",
    )


@transaction.atomic
def start_hosting(
    *,
    area: PriorityArea,
    side: str,
    organisation,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    contact_person=None,
    agreement_reference: str = "",
    by,
) -> Hosting:
    """A coordinator appoints an organisation to host one side of an area for a period: a
    civil-society organisation on the non-profit side, a city administration (municipal
    sector) on the city side. At any date an area has at most one host per side; PostgreSQL's
    exclusion constraint (and on SQLite the one-open-hosting constraint) guarantees it when two
    requests race.

    Raises PermissionDeniedError for others, ApplicationError for an organisation of the wrong
    sector or an end before the start, ConflictError when the period overlaps another hosting
    of the same side.
    """
    require(by, permissions.can_manage_hosts, area)
    if side not in HostSide.values:
        raise ApplicationError(
            _("Choose the non-profit or the city side."), code="invalid", field="side"
        )
    side = HostSide(side)
    if organisation.sector != SECTOR_OF_SIDE[side]:
        if side == HostSide.CIVIL_SOCIETY:
            message = _("The non-profit host must be a civil-society organisation; %(org)s is not.")
        else:
            message = _("The city host must be a city administration; %(org)s is not.")
        raise ApplicationError(
            message % {"org": organisation.name}, code="wrong_sector", field="organisation"
        )
    if ends_on is not None and ends_on < starts_on:
        raise ApplicationError(
            _("A hosting cannot end before it starts."), code="invalid", field="ends_on"
        )
    # Lock the area: two coordinators appointing hosts at once are served one after the other.
    area = PriorityArea.objects.select_for_update().get(pk=area.pk)
    existing = _overlapping(area, side, starts_on, ends_on)
    if existing is not None:
        raise _overlap_error(area, side, existing)
    try:
        with transaction.atomic():
            hosting = Hosting.objects.create(
                area=area,
                side=side,
                organisation=organisation,
                contact_person=contact_person,
                starts_on=starts_on,
                ends_on=ends_on,
                agreement_reference=agreement_reference.strip(),
            )
    except IntegrityError as exc:
        existing = _overlapping(area, side, starts_on, ends_on)
        if existing is None:
            raise
        raise _overlap_error(area, side, existing) from exc
    log_action(
        hosting,
        "hosting.started",
        by=by,
        data={
            "area": area.slug,
            "side": str(side),
            "organisation": organisation.slug,
            "starts_on": starts_on.isoformat(),
        },
    )
    return hosting


@transaction.atomic
def end_hosting(
    *, hosting: Hosting, ends_on: datetime.date | None = None, note: str = "", by
) -> Hosting:
    """A coordinator ends a hosting on `ends_on` (its last day; today when not given). The row
    stays as the area's history; a new host of the side can start the day after.

    Raises PermissionDeniedError for others, ConflictError when the hosting has already ended,
    ApplicationError when the date is before its start.
    """
    require(by, permissions.can_manage_hosts, hosting.area)
    hosting = Hosting.objects.select_for_update().select_related("area").get(pk=hosting.pk)
    ends_on = ends_on or timezone.localdate()
    if hosting.ends_on is not None and hosting.ends_on < timezone.localdate():
        raise ConflictError(
            _("This hosting already ended on %(date)s.") % {"date": hosting.ends_on.isoformat()},
            code="already_ended",
        )
    if ends_on < hosting.starts_on:
        raise ApplicationError(
            _("A hosting cannot end before it starts (%(date)s).")
            % {"date": hosting.starts_on.isoformat()},
            code="invalid",
            field="ends_on",
        )
    if hosting.ends_on is not None and ends_on > hosting.ends_on:
        raise ApplicationError(
            _("The hosting agreement already ends on %(date)s; it can only be ended earlier.")
            % {"date": hosting.ends_on.isoformat()},
            code="invalid",
            field="ends_on",
        )
    hosting.ends_on = ends_on
    hosting.save(update_fields=["ends_on"])
    log_action(
        hosting,
        "hosting.ended",
        by=by,
        data={"ends_on": ends_on.isoformat(), **({"note": note.strip()} if note.strip() else {})},
    )
    return hosting
