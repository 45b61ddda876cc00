"""Meetings: scheduling, the agenda and attendance."""

import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.areas.services import mark_proposal_on_agenda
from samverkan.core.audit import log_action
from samverkan.core.exceptions import ApplicationError, ConflictError
from samverkan.core.permissions import require
from samverkan.governance import permissions
from samverkan.governance.models import AgendaItem, Attendance, Body, Meeting
from samverkan.governance.selectors import meeting_day, memberships_on
from samverkan.governance.services.common import locked_meeting, refuse_if_adjusted


@transaction.atomic
def schedule_meeting(
    *,
    body: Body,
    starts_at: datetime.datetime,
    place: str = "",
    chair=None,
    secretary=None,
    by,
    allow_past: bool = False,
    is_demo: bool = False,
) -> Meeting:
    """Schedule a meeting of a body. A meeting is planned for the future; `allow_past` lets a
    coordinator (or the demo) enter a meeting that has already taken place.

    Raises PermissionDeniedError, or ApplicationError for a time in the past.
    """
    require(by, permissions.can_schedule_meeting, body)
    if timezone.is_naive(starts_at):
        starts_at = timezone.make_aware(starts_at)
    if not allow_past and starts_at < timezone.now():
        raise ApplicationError(
            _("A meeting is scheduled for a time that has not passed yet."),
            code="in_the_past",
            field="starts_at",
        )
    meeting = Meeting.objects.create(
        body=body,
        starts_at=starts_at,
        place=place.strip(),
        chair=chair,
        secretary=secretary,
        is_demo=is_demo,
    )
    log_action(meeting, "meeting.scheduled", by=by, data={"starts_at": starts_at.isoformat()})
    return meeting


@transaction.atomic
def add_agenda_item(
    *,
    meeting: Meeting,
    title: str,
    description: str = "",
    focus_proposal=None,
    by,
) -> AgendaItem:
    """Add a matter at the end of a meeting's agenda. A focus-area proposal prepared by the
    coordinators can be the matter: only on a steering group's agenda, of the same agreement,
    and the proposal is then marked as being on the agenda (areas.services).

    Raises PermissionDeniedError, ApplicationError (no title, wrong body or agreement) or
    ConflictError (minutes adjusted, proposal not prepared).
    """
    require(by, permissions.can_keep_minutes, meeting)
    meeting = locked_meeting(meeting)
    refuse_if_adjusted(meeting)
    title = title.strip() or (focus_proposal.title if focus_proposal is not None else "")
    if not title:
        raise ApplicationError(_("An agenda item needs a title."), code="invalid", field="title")
    if focus_proposal is not None:
        if meeting.body.kind != Body.Kind.STEERING_GROUP:
            raise ApplicationError(
                _("Only the steering group decides focus areas."),
                code="not_steering_group",
                field="focus_proposal",
            )
        if focus_proposal.agreement_id != meeting.body.agreement_id:
            raise ApplicationError(
                _("The proposal belongs to another agreement."),
                code="other_agreement",
                field="focus_proposal",
            )
        mark_proposal_on_agenda(proposal=focus_proposal, by=by)
    last = meeting.agenda_items.aggregate(last=Max("position"))["last"] or 0
    item = AgendaItem.objects.create(
        meeting=meeting,
        position=last + 1,
        title=title[:300],
        description=description,
        focus_proposal=focus_proposal,
    )
    log_action(item, "agenda_item.added", by=by, data={"meeting": meeting.pk})
    return item


@transaction.atomic
def record_attendance(*, meeting: Meeting, present, by) -> list[Attendance]:
    """Record who of the body's members on the meeting's date took part: those in `present`
    are present, the others absent. The meeting counts as held from then on.

    Raises PermissionDeniedError, ApplicationError when someone in `present` was not a member
    on that date, or ConflictError when the minutes are adjusted or the meeting is to come.
    """
    require(by, permissions.can_keep_minutes, meeting)
    meeting = locked_meeting(meeting)
    refuse_if_adjusted(meeting)
    refuse_unless_held(meeting)
    members = {m.pk: m for m in memberships_on(meeting.body, meeting_day(meeting))}
    present_ids = {getattr(m, "pk", m) for m in present}
    strangers = present_ids - set(members)
    if strangers:
        raise ApplicationError(
            _("Only members of the body on the day of the meeting can attend it."),
            code="not_a_member",
            field="present",
        )
    rows = []
    for pk, membership in members.items():
        row, _created = Attendance.objects.update_or_create(
            meeting=meeting, membership=membership, defaults={"present": pk in present_ids}
        )
        rows.append(row)
    if meeting.status == Meeting.Status.PLANNED:
        meeting.status = Meeting.Status.HELD
        meeting.save(update_fields=["status"])
    log_action(meeting, "meeting.attendance_recorded", by=by, data={"present": len(present_ids)})
    return rows


def refuse_unless_held(meeting: Meeting) -> None:
    if meeting_day(meeting) > timezone.localdate():
        raise ConflictError(
            _("The meeting has not taken place yet."), code="not_held", field="starts_at"
        )
