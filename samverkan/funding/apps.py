from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "samverkan.funding"
    label = "funding"
    verbose_name = _("Funding and budget")

    def ready(self):
        from samverkan.core.registry import DASHBOARD, START_PAGE
        from samverkan.funding.dashboard import followed_calls
        from samverkan.funding.start_page import calls_closing_soon

        START_PAGE.register("funding/_start_calls.html", calls_closing_soon, order=30)
        DASHBOARD.register("funding/_dashboard_calls.html", followed_calls, order=100)
