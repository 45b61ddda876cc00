"""Who may do what with bodies, meetings and minutes: every check returns (allowed, reason).

The coordinators (and administrators) run the bodies: they add members, schedule meetings, keep
the minutes, record decisions, and adjust and publish the minutes. Everyone reads adjusted
(published) minutes. A body's current members also see its unpublished meetings: they need the
agenda before a meeting and the draft minutes to adjust them. Anyone else is answered 404 for an
unpublished meeting, as if it did not exist.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.accounts.roles import is_coordinator
from samverkan.governance.models import Membership


def _person(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_member_of(user, body, *, on=None) -> bool:
    """A member (voting or adjoined) of the body whose membership runs on `on` (today)."""
    if not _person(user) or body is None:
        return False
    day = on or timezone.localdate()
    return (
        Membership.objects.filter(body=body, user=user, starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .exists()
    )


def _coordinators_only(user, reason: str) -> tuple[bool, str]:
    if is_coordinator(user):
        return True, ""
    return False, reason


def can_manage_body(user, body=None) -> tuple[bool, str]:
    return _coordinators_only(user, _("Only the coordinators create bodies and appoint members."))


def can_schedule_meeting(user, body) -> tuple[bool, str]:
    return _coordinators_only(user, _("Only the coordinators schedule meetings."))


def can_keep_minutes(user, meeting) -> tuple[bool, str]:
    """Agenda, attendance, paragraphs and statements."""
    return _coordinators_only(user, _("Only the coordinators keep the minutes."))


def can_record_decision(user, meeting) -> tuple[bool, str]:
    return _coordinators_only(user, _("Only the coordinators record decisions in the minutes."))


def can_adjust(user, meeting) -> tuple[bool, str]:
    return _coordinators_only(user, _("Only the coordinators check and publish minutes."))


def can_see_unpublished_meetings(
    user, body, *, coordinator: bool | None = None, is_member: bool | None = None
) -> tuple[bool, str]:
    """A body's coming and unadjusted meetings are seen by the coordinators and the body's
    current members (they need the agenda before and the draft minutes to adjust them).
    `coordinator` and `is_member` may be passed when the caller has asked already: a page asks
    several questions of one person and each answer is a query."""
    if coordinator is None:
        coordinator = is_coordinator(user)
    if coordinator:
        return True, ""
    if is_member is None:
        is_member = is_member_of(user, body)
    if is_member:
        return True, ""
    return False, _("The minutes are published once they have been checked.")


def can_view_meeting(user, meeting, *, is_member: bool | None = None) -> tuple[bool, str]:
    """Published minutes are public; unpublished meetings are seen as can_see_unpublished_meetings
    says. `is_member` may be passed when the caller already knows it."""
    if meeting.is_public:
        return True, ""
    return can_see_unpublished_meetings(user, meeting.body, is_member=is_member)
