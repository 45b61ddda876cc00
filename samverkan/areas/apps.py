from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AreasConfig(AppConfig):
    name = "samverkan.areas"
    label = "areas"
    verbose_name = _("Areas")

    def ready(self):
        from samverkan.areas.dashboard import proposals_to_prepare
        from samverkan.areas.start_page import focus_area
        from samverkan.core.registry import DASHBOARD, START_PAGE

        START_PAGE.register("areas/_start_focus_area.html", focus_area, order=10)
        DASHBOARD.register("areas/_dashboard_proposals.html", proposals_to_prepare, order=30)
