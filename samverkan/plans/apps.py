from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "samverkan.plans"
    label = "plans"
    verbose_name = _("Plans")

    def ready(self):
        from samverkan.core.registry import DASHBOARD
        from samverkan.plans.dashboard import activities_behind

        DASHBOARD.register("plans/_dashboard_activities.html", activities_behind, order=34)
