"""Who may do what with the collaboration plan: (allowed, reason).

Everyone reads the plan and its follow-up; the coordinators (and administrators) keep it: they
add and edit activities, record status changes and record the revision of each mandate period.
"""

from django.utils.translation import gettext as _

from samverkan.accounts.roles import is_coordinator


def can_view_plan(user, plan=None) -> tuple[bool, str]:
    return True, ""


def can_manage_plan(user, plan=None) -> tuple[bool, str]:
    if not user or not user.is_authenticated:
        return False, _("Log in as a coordinator to keep the collaboration plan.")
    if is_coordinator(user):
        return True, ""
    return False, _("Only the coordinators keep the collaboration plan and its follow-up.")


def can_add_activity(user, plan) -> tuple[bool, str]:
    return can_manage_plan(user, plan)


def can_edit_activity(user, activity) -> tuple[bool, str]:
    return can_manage_plan(user, activity.plan)


def can_change_status(user, activity) -> tuple[bool, str]:
    return can_manage_plan(user, activity.plan)


def can_record_revision(user, plan) -> tuple[bool, str]:
    return can_manage_plan(user, plan)
