from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "samverkan.reports"
    label = "reports"
    verbose_name = _("Annual reports")

    def ready(self):
        from samverkan.core.registry import DASHBOARD
        from samverkan.reports.dashboard import unpublished_reports

        DASHBOARD.register("reports/_dashboard_reports.html", unpublished_reports, order=36)
