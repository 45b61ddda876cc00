from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "samverkan.matching"
    label = "matching"
    verbose_name = _("Needs and offers")

    def ready(self):
        from samverkan.actors.selectors import ORGANISATION_PAGE
        from samverkan.core.registry import DASHBOARD, START_PAGE
        from samverkan.matching.dashboard import my_postings, unmatched
        from samverkan.matching.organisation_section import organisation_postings
        from samverkan.matching.start_page import newest_postings

        START_PAGE.register("matching/_start_postings.html", newest_postings, order=40)
        DASHBOARD.register("matching/_dashboard_unmatched.html", unmatched, order=20)
        DASHBOARD.register("matching/_dashboard_postings.html", my_postings, order=80)
        ORGANISATION_PAGE.register(
            "matching/_organisation_postings.html", organisation_postings, order=40
        )

    def warm_up(self):
        """The lexicon of compound parts and the stop terms, which every posting's analysis
        reads (samverkan.core.apps.warm_up)."""
        from samverkan.matching import text

        text._lexicon_roots()
        text._stop_terms()
