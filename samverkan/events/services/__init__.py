"""Every write to events, sessions, quotas, registrations and documentation goes through here.

Views, the API, the admin and the demo call these functions (keyword arguments only). Each runs
in a transaction, checks permission with core.permissions.require (`by` is the person acting,
or SYSTEM for imports and the demo), writes an audit entry and raises ApplicationError (or
PermissionDeniedError / ConflictError) with a translated message when a rule is broken.
"""

from samverkan.events.services.events import (
    add_quota,
    add_session,
    attach_document,
    cancel_event,
    create_event,
    remove_document,
    remove_quota,
    remove_session,
    seats_of,
    set_published,
    update_event,
)
from samverkan.events.services.registrations import (
    calendar_token_for,
    cancel_registration,
    mark_attendance,
    promote_from_waitlist,
    register,
    renew_calendar_token,
    waitlist_position,
)

__all__ = [
    "add_quota",
    "add_session",
    "attach_document",
    "calendar_token_for",
    "cancel_event",
    "cancel_registration",
    "create_event",
    "mark_attendance",
    "promote_from_waitlist",
    "register",
    "remove_document",
    "remove_quota",
    "remove_session",
    "renew_calendar_token",
    "seats_of",
    "set_published",
    "update_event",
    "waitlist_position",
]
