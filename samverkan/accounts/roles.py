"""The roles of SPEC "Who uses it".

Visitor and member follow from being logged in; representative (ombud) and city employee
(tjänsteperson) from a confirmed representation; coordinator, case officer and moderator are
groups an administrator assigns; administrator is a superuser. Host and steering-group member
come from hosting and body membership (later apps).

The labels a person sees on My pages need the representations too: actors.selectors.role_labels.

A page asks the same question about its person many times (each link, each block), so the
answer is remembered on the user object (`remembered`): Django loads that object afresh for each
request, so nothing is carried to another request or person, and a write on this connection to
a table the answer read (a group given, a representation confirmed or ended, in any service,
the admin or a cascade) makes the next question ask the database again.
"""

from django.utils.translation import gettext_lazy as _

from samverkan.core.cache import writes_to

COORDINATOR = "coordinator"
CASE_OFFICER = "case_officer"
MODERATOR = "moderator"

GROUP_ROLES = {
    COORDINATOR: _("Coordinator"),
    CASE_OFFICER: _("Case officer"),
    MODERATOR: _("Moderator"),
}


MEMO_ATTRIBUTE = "_roles_memo"


def remembered(user, key: str, tables, compute):
    """`compute()`, asked once for this user object while nothing is written to `tables` on the
    database connection (see the module's docstring)."""
    writes = writes_to(tables)
    if writes is None or user.pk is None:
        return compute()
    memo = getattr(user, MEMO_ATTRIBUTE, None)
    if memo is None:
        memo = {}
        setattr(user, MEMO_ATTRIBUTE, memo)  # on the user itself, also through request.user
    found = memo.get(key)
    if found is not None and found[0] == (user.pk, writes):
        return found[1]
    value = compute()
    memo[key] = ((user.pk, writes), value)
    return value


def forget_roles(user) -> None:
    """Drop what was remembered about the person (a test, or code that changes roles by a way
    the connection does not see)."""
    if getattr(user, MEMO_ATTRIBUTE, None) is not None:
        setattr(user, MEMO_ATTRIBUTE, None)


def group_names(user) -> frozenset[str]:
    """The names of the person's groups: one query per request."""
    groups = user._meta.get_field("groups")
    tables = [groups.remote_field.through._meta.db_table, groups.related_model._meta.db_table]
    return remembered(
        user, "groups", tables, lambda: frozenset(user.groups.values_list("name", flat=True))
    )


def has_group(user, group_name: str) -> bool:
    if not user or not user.is_authenticated or not user.is_active:
        return False
    return group_name in group_names(user)


def is_administrator(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_superuser)


def is_coordinator(user) -> bool:
    return is_administrator(user) or has_group(user, COORDINATOR)
