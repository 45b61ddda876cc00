"""For the coordinators: annual reports not yet published, as a block of My pages."""

from django.utils.translation import gettext as _

from samverkan.core.registry import first_and_total, same_for_every_coordinator
from samverkan.reports.models import AnnualReport, ReportStatus


@same_for_every_coordinator
def unpublished_reports(viewer) -> dict | None:
    """The agreement's drafts and approved reports waiting to be published, latest year
    first: one query. Only for the coordinators."""
    if not viewer.is_coordinator or viewer.agreement is None:
        return None
    reports, total = first_and_total(
        AnnualReport.objects.filter(agreement=viewer.agreement)
        .exclude(status=ReportStatus.PUBLISHED)
        .only("id", "year", "status", "agreement_id")
        .order_by("-year")
    )
    return {
        "key": "reports",
        "heading": _("Annual reports to finish"),
        "total": total,
        "reports": reports,
        "agreement": viewer.agreement,
    }
