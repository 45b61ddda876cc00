"""The roles of SPEC "Who uses it".

Visitor and member follow from being logged in; representative (ombud) and city employee
(tjänsteperson) from a confirmed representation; coordinator, case officer and moderator are
groups an administrator assigns; administrator is a superuser. Host and steering-group member
come from hosting and body membership (later apps).

The labels a person sees on My pages need the representations too: actors.selectors.role_labels.
"""

from django.utils.translation import gettext_lazy as _

COORDINATOR = "coordinator"
CASE_OFFICER = "case_officer"
MODERATOR = "moderator"

GROUP_ROLES = {
    COORDINATOR: _("Coordinator"),
    CASE_OFFICER: _("Case officer"),
    MODERATOR: _("Moderator"),
}


def has_group(user, group_name: str) -> bool:
    if not user or not user.is_authenticated or not user.is_active:
        return False
    return user.groups.filter(name=group_name).exists()


def is_administrator(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_superuser)


def is_coordinator(user) -> bool:
    return is_administrator(user) or has_group(user, COORDINATOR)
