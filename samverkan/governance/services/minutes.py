"""Minutes: numbered paragraphs, decisions, statements, adjustment and publication."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.areas import services as area_services
from samverkan.core.audit import log_action
from samverkan.core.exceptions import ApplicationError, ConflictError
from samverkan.core.permissions import require
from samverkan.governance import permissions
from samverkan.governance.models import (
    AgendaItem,
    Attendance,
    Body,
    Meeting,
    Membership,
    MinutesParagraph,
    Statement,
)
from samverkan.governance.selectors import meeting_day, meeting_quorum
from samverkan.governance.services.common import locked_meeting, refuse_if_adjusted
from samverkan.governance.services.meetings import refuse_unless_held

Method = MinutesParagraph.Method


@transaction.atomic
def add_paragraph(
    *,
    meeting: Meeting,
    title: str,
    text: str = "",
    agenda_item: AgendaItem | None = None,
    decision: str = "",
    method: str = Method.NOTED,
    votes_for: int | None = None,
    votes_against: int | None = None,
    focus_area_adopted: bool | None = None,
    by,
) -> MinutesParagraph:
    """Add the next paragraph (§) to a meeting's minutes, and its decision when `method` is not
    "noted" (see record_decision; a refused decision leaves no paragraph and no number used).

    Guarantees: paragraphs are numbered § 1, § 2, … continuously per body and calendar year of
    the meeting date, across meetings. The number is taken under a row lock on the body, so two
    coordinators writing at once get consecutive numbers; the unique constraint on (body, year,
    number) is the guarantee behind the lock.

    Raises PermissionDeniedError, ApplicationError (no title, agenda item of another meeting, no
    quorum for a decision) or ConflictError (minutes adjusted, meeting to come).
    """
    require(by, permissions.can_keep_minutes, meeting)
    meeting = locked_meeting(meeting)
    refuse_if_adjusted(meeting)
    refuse_unless_held(meeting)
    title = title.strip() or (agenda_item.title if agenda_item is not None else "")
    if not title:
        raise ApplicationError(_("A paragraph needs a title."), code="invalid", field="title")
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ApplicationError(
            _("The agenda item belongs to another meeting."), code="invalid", field="agenda_item"
        )
    year = meeting_day(meeting).year
    # The lock on the body serialises numbering of all its meetings of the year.
    body = Body.objects.select_for_update().get(pk=meeting.body_id)
    last = MinutesParagraph.objects.filter(body=body, year=year).aggregate(last=Max("number"))
    try:
        with transaction.atomic():
            paragraph = MinutesParagraph.objects.create(
                meeting=meeting,
                body=body,
                year=year,
                number=(last["last"] or 0) + 1,
                agenda_item=agenda_item,
                title=title[:300],
                text=text,
            )
    except IntegrityError as exc:
        raise ConflictError(
            _("The paragraph number was taken at the same moment. Please try again."),
            code="number_taken",
        ) from exc
    if meeting.status == Meeting.Status.PLANNED:
        meeting.status = Meeting.Status.HELD
        meeting.save(update_fields=["status"])
    log_action(paragraph, "paragraph.added", by=by, data={"number": paragraph.number, "year": year})
    if method != Method.NOTED:
        paragraph = record_decision(
            paragraph=paragraph,
            decision=decision,
            method=method,
            votes_for=votes_for,
            votes_against=votes_against,
            focus_area_adopted=focus_area_adopted,
            by=by,
        )
    return paragraph


def _check_votes(method, votes_for, votes_against, present: int) -> None:
    if method == Method.CONSENSUS:
        if votes_for is not None or votes_against is not None:
            raise ApplicationError(
                _("A decision by consensus has no votes."), code="invalid", field="votes_for"
            )
        return
    if votes_for is None or votes_against is None:
        raise ApplicationError(
            _("A decision by vote needs the votes for and against."),
            code="invalid",
            field="votes_for",
        )
    if votes_for + votes_against > present:
        raise ApplicationError(
            _("%(votes)d votes were given, but only %(present)d voting members were present.")
            % {"votes": votes_for + votes_against, "present": present},
            code="invalid",
            field="votes_for",
        )
    # A tie is decided by the chair's casting vote (utslagsröst), so equal counts pass.
    if votes_for < votes_against:
        raise ApplicationError(
            _(
                "The votes for (%(for)d) are fewer than the votes against (%(against)d): write "
                "the decision that won."
            )
            % {"for": votes_for, "against": votes_against},
            code="invalid",
            field="votes_for",
        )


@transaction.atomic
def record_decision(
    *,
    paragraph: MinutesParagraph,
    decision: str,
    method: str,
    votes_for: int | None = None,
    votes_against: int | None = None,
    focus_area_adopted: bool | None = None,
    by,
) -> MinutesParagraph:
    """Record the decision of a paragraph: its text and how it was reached (by consensus, or by
    vote with the votes for and against).

    Guarantees: a decision is recorded only when the voting members recorded present form a
    quorum (the body's quorum, otherwise more than half of its voting members); a paragraph is
    decided once. When the paragraph's agenda item is a focus-area proposal, the steering group's
    decision adopts it as the focus area of its year (areas.services.adopt_focus_area, with this
    paragraph as `decided_in`) or, with `focus_area_adopted=False`, rejects it.

    Raises PermissionDeniedError, ApplicationError (no quorum, no decision text, wrong votes,
    focus-area outcome missing) or ConflictError (already decided, minutes adjusted).
    """
    meeting = paragraph.meeting
    require(by, permissions.can_record_decision, meeting)
    meeting = locked_meeting(meeting)
    refuse_if_adjusted(meeting)
    paragraph = (
        MinutesParagraph.objects.select_for_update(of=("self",))
        .select_related("agenda_item__focus_proposal")
        .get(pk=paragraph.pk)
    )
    if paragraph.decided_at is not None:
        raise ConflictError(
            _("§ %(number)d already has a decision.") % {"number": paragraph.number},
            code="already_decided",
        )
    if method not in (Method.CONSENSUS, Method.VOTE):
        raise ApplicationError(
            _("Choose how the decision was reached."), code="invalid", field="method"
        )
    decision = decision.strip()
    if not decision:
        raise ApplicationError(
            _("Write the decision as the minutes will show it."), code="invalid", field="decision"
        )
    quorum = meeting_quorum(meeting)
    if not quorum.is_quorate:
        raise ApplicationError(
            _(
                "The meeting is not quorate: %(present)d voting members are recorded present, "
                "%(required)d are needed for a decision. Record the attendance first."
            )
            % {"present": quorum.present, "required": quorum.required},
            code="not_quorate",
        )
    _check_votes(method, votes_for, votes_against, quorum.present)
    proposal = paragraph.agenda_item.focus_proposal if paragraph.agenda_item else None
    if proposal is not None and meeting.body.kind != Body.Kind.STEERING_GROUP:
        raise ApplicationError(
            _("Only the steering group decides focus areas."), code="not_steering_group"
        )
    if proposal is not None and focus_area_adopted is None:
        raise ApplicationError(
            _("Say whether the steering group adopted the focus area proposal."),
            code="invalid",
            field="focus_area_adopted",
        )
    paragraph.decision = decision
    paragraph.method = method
    paragraph.votes_for = votes_for
    paragraph.votes_against = votes_against
    paragraph.decided_at = meeting.starts_at
    paragraph.save(update_fields=["decision", "method", "votes_for", "votes_against", "decided_at"])
    log_action(
        paragraph, "paragraph.decided", by=by, data={"method": method, "number": paragraph.number}
    )
    if proposal is not None:
        if focus_area_adopted:
            area_services.adopt_focus_area(proposal=proposal, paragraph=paragraph, by=by)
        else:
            area_services.reject_focus_proposal(proposal=proposal, paragraph=paragraph, by=by)
    return paragraph


@transaction.atomic
def add_statement(
    *, paragraph: MinutesParagraph, kind: str, membership: Membership, text: str, by
) -> Statement:
    """Enter a member's reservation, dissenting statement (särskilt yttrande) or note under a
    paragraph. Only a member recorded present at the meeting may make one; a reservation is
    made against a decision, by a voting member.

    Raises PermissionDeniedError, ApplicationError or ConflictError (minutes adjusted).
    """
    meeting = paragraph.meeting
    require(by, permissions.can_keep_minutes, meeting)
    meeting = locked_meeting(meeting)
    refuse_if_adjusted(meeting)
    paragraph = MinutesParagraph.objects.get(pk=paragraph.pk)
    text = text.strip()
    if not text:
        raise ApplicationError(_("A statement needs a text."), code="invalid", field="text")
    if kind not in Statement.Kind.values:
        raise ApplicationError(_("Choose the kind of statement."), code="invalid", field="kind")
    attended = Attendance.objects.filter(
        meeting=meeting, membership=membership, present=True
    ).exists()
    if membership.body_id != meeting.body_id or not attended:
        raise ApplicationError(
            _("Only a member present at the meeting can make a statement in its minutes."),
            code="not_present",
            field="membership",
        )
    if kind == Statement.Kind.RESERVATION:
        if not paragraph.is_decision:
            raise ApplicationError(
                _("A reservation is made against a decision; this paragraph has none yet."),
                code="no_decision",
                field="kind",
            )
        if not membership.is_voting:
            raise ApplicationError(
                _(
                    "Only a voting member can enter a reservation; an adjoined member can make a "
                    "dissenting statement."
                ),
                code="not_voting",
                field="membership",
            )
    statement = Statement.objects.create(paragraph=paragraph, kind=kind, by=membership, text=text)
    log_action(statement, "statement.added", by=by, data={"kind": kind})
    return statement


@transaction.atomic
def adjust_minutes(
    *,
    meeting: Meeting,
    adjusters,
    adjusted_on: datetime.date,
    by,
    published_at: datetime.datetime | None = None,
) -> Meeting:
    """Adjust (justera) the minutes and publish them. This cannot be undone.

    Guarantees: the minutes have at least one paragraph; there is at least one adjuster and
    every adjuster was recorded present at the meeting; the adjustment date is not before the
    meeting and not in the future. The meeting becomes adjusted and public from `published_at`
    (now).

    Raises PermissionDeniedError, ApplicationError or ConflictError (already adjusted).
    """
    require(by, permissions.can_adjust, meeting)
    meeting = locked_meeting(meeting)
    refuse_if_adjusted(meeting)
    if not meeting.paragraphs.exists():
        raise ApplicationError(_("The minutes have no paragraphs yet."), code="no_paragraphs")
    adjusters = list(adjusters)
    if not adjusters:
        raise ApplicationError(
            _("Choose at least one minutes checker."), code="invalid", field="adjusters"
        )
    present = set(
        Attendance.objects.filter(meeting=meeting, present=True).values_list(
            "membership__user_id", flat=True
        )
    )
    if any(user.pk not in present for user in adjusters):
        raise ApplicationError(
            _("Minutes checkers are chosen among the members present at the meeting."),
            code="adjuster_absent",
            field="adjusters",
        )
    if adjusted_on < meeting_day(meeting):
        raise ApplicationError(
            _("The minutes cannot be checked before the meeting (%(day)s).")
            % {"day": meeting_day(meeting)},
            code="invalid",
            field="adjusted_on",
        )
    if adjusted_on > timezone.localdate():
        raise ApplicationError(
            _("The checking date cannot be in the future."), code="invalid", field="adjusted_on"
        )
    meeting.status = Meeting.Status.ADJUSTED
    meeting.adjusted_on = adjusted_on
    meeting.published_at = published_at or timezone.now()
    meeting.save(update_fields=["status", "adjusted_on", "published_at"])
    meeting.adjusters.set(adjusters)
    log_action(
        meeting,
        "meeting.minutes_adjusted",
        by=by,
        data={"adjusted_on": str(adjusted_on), "adjusters": [u.pk for u in adjusters]},
    )
    return meeting
