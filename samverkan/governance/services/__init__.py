"""Every write to bodies, meetings and minutes goes through here.

Views, the API, the admin and the demo loader call these functions (keyword arguments only).
Each runs in a transaction, checks permission, writes an audit entry and raises an
ApplicationError (or PermissionDeniedError / ConflictError) with a Swedish message when a rule is
broken.
"""

from samverkan.governance.services.bodies import (
    add_membership,
    create_body,
    end_membership,
    update_body,
)
from samverkan.governance.services.meetings import (
    add_agenda_item,
    record_attendance,
    schedule_meeting,
)
from samverkan.governance.services.minutes import (
    add_paragraph,
    add_statement,
    adjust_minutes,
    record_decision,
)

__all__ = [
    "add_agenda_item",
    "add_membership",
    "add_paragraph",
    "add_statement",
    "adjust_minutes",
    "create_body",
    "end_membership",
    "record_attendance",
    "record_decision",
    "schedule_meeting",
    "update_body",
]
