"""Who may do what with priority areas, hosting and focus areas: (allowed, reason)."""

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


def can_prepare(user, proposal) -> tuple[bool, str]:
    if is_coordinator(user):
        return True, ""
    return False, _("Only the coordinators prepare proposals for the steering group.")


def can_withdraw(user, proposal) -> tuple[bool, str]:
    if _member(user) and proposal.proposed_by_id == user.pk:
        return True, ""
    return False, _("Only the person who made the proposal can withdraw it.")
