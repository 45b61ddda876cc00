"""Who may do what with funders, calls and the agreement's budget: (allowed, reason).

Calls and the economic account's aggregates are public (the annual report is); the individual
expense lines, and every change, are the coordinators'.
"""

from django.utils.translation import gettext as _

from samverkan.accounts.roles import is_coordinator


def _member(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def _coordinator(user) -> bool:
    return bool(user is not None and user.is_authenticated and is_coordinator(user))


def can_manage_calls(user) -> tuple[bool, str]:
    if _coordinator(user):
        return True, ""
    return False, _("Only the coordinators add and edit funders and funding calls.")


def can_follow(user, call) -> tuple[bool, str]:
    if not _member(user):
        return False, _("Log in to follow a funding call.")
    if call.deadline is not None and call.status == "closed":
        return False, _("The call has closed: its deadline has passed.")
    return True, ""


def can_unfollow(user, call) -> tuple[bool, str]:
    if not _member(user):
        return False, _("Log in to follow a funding call.")
    return True, ""


def can_manage_budget(user, agreement) -> tuple[bool, str]:
    if _coordinator(user):
        return True, ""
    return False, _("Only the coordinators enter the agreement's grants and expenses.")


def can_see_expense_lines(user, agreement) -> tuple[bool, str]:
    if _coordinator(user):
        return True, ""
    return False, _("The individual expense entries are shown to the coordinators only.")
