"""Who may do what with accounts: (allowed, reason)."""

from django.utils.translation import gettext as _

from samverkan.accounts.roles import is_administrator


def can_change_roles(user, person) -> tuple[bool, str]:
    """A person's account status, staff access, administrator rights and groups (coordinator,
    case officer, moderator) decide what they may do everywhere: the administrators set them."""
    if is_administrator(user):
        return True, ""
    return False, _("Only the administrators change a person's roles.")
