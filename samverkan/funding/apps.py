from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "samverkan.funding"
    label = "funding"
    verbose_name = _("Funding and budget")

    def ready(self):
        from samverkan.core.start_page import register_start_block
        from samverkan.funding.start_page import calls_closing_soon

        register_start_block("funding/_start_calls.html", calls_closing_soon, order=30)
