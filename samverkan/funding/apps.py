from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "samverkan.funding"
    label = "funding"
    verbose_name = _("Funding and budget")

    def ready(self):
        from samverkan.core.registry import DASHBOARD
        from samverkan.funding.dashboard import followed_calls

        DASHBOARD.register("funding/_dashboard_calls.html", followed_calls, order=100)
