from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "samverkan.matching"
    label = "matching"
    verbose_name = _("Needs and offers")

    def ready(self):
        from samverkan.core.start_page import register_start_block
        from samverkan.matching.start_page import newest_postings

        register_start_block("matching/_start_postings.html", newest_postings, order=40)
