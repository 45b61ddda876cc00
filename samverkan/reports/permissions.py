"""Who may do what with the annual reports: (allowed, reason).

Everyone reads a published report; only the coordinators create, edit, approve, publish and
reopen reports, and only they see a report before it is published (others get 404, not 403).
"""

from django.utils.translation import gettext as _

from samverkan.accounts.roles import is_coordinator
from samverkan.reports.models import ReportStatus


def can_manage_reports(user) -> tuple[bool, str]:
    if is_coordinator(user):
        return True, ""
    return False, _("Only the coordinators write, approve and publish the annual report.")


def can_read_report(user, report) -> tuple[bool, str]:
    if report.status == ReportStatus.PUBLISHED or is_coordinator(user):
        return True, ""
    return False, _("The annual report is not published yet.")
