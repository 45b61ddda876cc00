"""Who may do what: the one way a service checks a right.

Each app's `permissions.py` answers a question with `(allowed, reason)`: views show the reason on
a 403 page, templates hide a button, the API answers 403 with it, and the services call
`require()` before they write. Nothing else decides a right.

The platform itself (the demo, imports, scheduled jobs) acts as `SYSTEM`, written out at the
call, never as `None`: a service refuses `by=None` loudly, so a forgotten argument cannot skip a
check.

    from samverkan.core.permissions import person, require

    def cancel_event(*, event, by, note=""):
        require(by, permissions.can_manage_event, event)
        event.cancelled_by = person(by)
        ...
"""

from samverkan.core.exceptions import PermissionDeniedError


class SystemActor:
    """The platform acting by itself. Not a person: it is never logged in, has no id, and is
    recorded as nobody (`person(SYSTEM)` is None); `require()` lets it through."""

    is_system = True
    is_authenticated = False
    is_anonymous = False
    is_active = False
    is_staff = False
    is_superuser = False
    pk = None
    id = None

    def __repr__(self) -> str:
        return "SYSTEM"

    def __str__(self) -> str:
        return "Systemet"


SYSTEM = SystemActor()


def require(by, check, *args, **kwargs) -> None:
    """Raise PermissionDeniedError with the reason of `check(by, *args, **kwargs)` when it
    refuses. `SYSTEM` may do everything; `None` is a programming error."""
    if by is SYSTEM:
        return
    if by is None:
        raise TypeError("`by` is the person acting, or core.permissions.SYSTEM, never None.")
    allowed, reason = check(by, *args, **kwargs)
    if not allowed:
        raise PermissionDeniedError(reason)


def person(by):
    """The user to record as the author of a change: None for SYSTEM and anonymous visitors."""
    if by is None or by is SYSTEM or not by.is_authenticated:
        return None
    return by
