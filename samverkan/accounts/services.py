"""Writes to accounts that an administrator makes: a person's roles.

Registration, e-mail addresses and passwords are allauth's; what a person may do on the
platform is decided here, audited in the same transaction as the change.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from samverkan.accounts import permissions
from samverkan.accounts.models import User
from samverkan.core.audit import log_action
from samverkan.core.exceptions import ConflictError
from samverkan.core.permissions import person, require

FLAGS = ("is_active", "is_staff", "is_superuser")


@transaction.atomic
def change_roles(
    *,
    user: User,
    by,
    is_active: bool | None = None,
    is_staff: bool | None = None,
    is_superuser: bool | None = None,
    groups=None,
) -> User:
    """Set a person's account status, staff access, administrator rights and groups (None
    leaves one as it is), and record what changed, from what to what, in the audit trail.

    Raises PermissionDeniedError for anyone but an administrator, ConflictError when an
    administrator would lock themself out (deactivate themself or drop their own staff or
    administrator rights): another administrator must do that.
    """
    require(by, permissions.can_change_roles, user)
    user = User.objects.select_for_update().get(pk=user.pk)
    wanted = {"is_active": is_active, "is_staff": is_staff, "is_superuser": is_superuser}
    if person(by) == user and any(wanted[name] is False and getattr(user, name) for name in FLAGS):
        raise ConflictError(
            _("You cannot take away your own access; ask another administrator."),
            code="own_access",
        )
    changed = {}
    for name in FLAGS:
        value = wanted[name]
        if value is not None and getattr(user, name) != value:
            changed[name] = {"from": getattr(user, name), "to": value}
            setattr(user, name, value)
    if changed:
        user.save(update_fields=list(changed))
    if groups is not None:
        before = sorted(user.groups.values_list("name", flat=True))
        after = sorted(group.name for group in groups)
        if before != after:
            user.groups.set(groups)
            changed["groups"] = {"from": before, "to": after}
    if changed:
        log_action(user, "account.roles_changed", by=by, data=changed)
    return user
