from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "samverkan.governance"
    label = "governance"
    verbose_name = _("Governance")

    def ready(self):
        from samverkan.core.registry import DASHBOARD
        from samverkan.governance.dashboard import minutes_to_adjust

        DASHBOARD.register("governance/_dashboard_minutes.html", minutes_to_adjust, order=32)
