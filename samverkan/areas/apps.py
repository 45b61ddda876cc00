from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AreasConfig(AppConfig):
    name = "samverkan.areas"
    label = "areas"
    verbose_name = _("Areas")

    def ready(self):
        from samverkan.areas.dashboard import proposals_to_prepare
        from samverkan.core.registry import DASHBOARD

        DASHBOARD.register("areas/_dashboard_proposals.html", proposals_to_prepare, order=30)
