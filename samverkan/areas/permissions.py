"""Who may do what with priority areas, hosting and focus areas: (allowed, reason)."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.accounts.roles import is_coordinator


def _member(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def can_propose(user) -> tuple[bool, str]:
    if not _member(user):
        return False, _("Log in to propose a focus area.")
    return True, ""


def can_support(user, proposal) -> tuple[bool, str]:
    if not _member(user):
        return False, _("Log in to support a proposal.")
    if proposal.proposed_by_id == user.pk:
        return False, _("You cannot support your own proposal.")
    return True, ""


def can_withdraw_support(user, proposal) -> tuple[bool, str]:
    if not _member(user):
        return False, _("Log in to support a proposal.")
    return True, ""


def can_prepare(user, proposal) -> tuple[bool, str]:
    if is_coordinator(user):
        return True, ""
    return False, _("Only the coordinators prepare proposals for the steering group.")


def can_withdraw(user, proposal) -> tuple[bool, str]:
    if _member(user) and proposal.proposed_by_id == user.pk:
        return True, ""
    return False, _("Only the person who made the proposal can withdraw it.")


# ---------------------------------------------------------------------------------------------
# Areas, phases and hosting: the coordinators run them; an area's hosts (the contact people of
# its current hostings) describe it and record its progress through the method's phases.
# ---------------------------------------------------------------------------------------------


def is_host_of(user, area, *, on=None) -> bool:
    """The contact person of one of the area's hostings that is running on `on` (today)."""
    if not _member(user) or area is None or area.pk is None:
        return False
    day = on or timezone.localdate()
    return (
        area.hostings.filter(contact_person=user, starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .exists()
    )


def can_create_area(user) -> tuple[bool, str]:
    if is_coordinator(user):
        return True, ""
    return False, _("Only the coordinators add priority areas.")


def can_edit_area(user, area) -> tuple[bool, str]:
    """Coordinators edit everything; the hosts edit the description, summary and goals."""
    if not _member(user):
        return False, _("Log in to edit a priority area.")
    if is_coordinator(user) or is_host_of(user, area):
        return True, ""
    return False, _("Only the coordinators and the area's hosts may edit the area.")


def can_edit_area_settings(user, area) -> tuple[bool, str]:
    """The title, start date and position: the coordinators' part of the area."""
    if is_coordinator(user):
        return True, ""
    return False, _("Only the coordinators may change an area's title, start date and order.")


def can_change_phase(user, area) -> tuple[bool, str]:
    if not _member(user):
        return False, _("Log in to record a phase change.")
    if is_coordinator(user) or is_host_of(user, area):
        return True, ""
    return False, _("Only the coordinators and the area's hosts record phase changes.")


def can_manage_hosts(user, area) -> tuple[bool, str]:
    if is_coordinator(user):
        return True, ""
    return False, _("Only the coordinators appoint and end an area's hosts.")
