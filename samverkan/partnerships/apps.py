from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "samverkan.partnerships"
    label = "partnerships"
    verbose_name = _("Collaborations")

    def ready(self):
        from samverkan.actors.selectors import ORGANISATION_PAGE
        from samverkan.areas.selectors import register_area_section
        from samverkan.core.registry import DASHBOARD
        from samverkan.partnerships.area_section import area_collaborations
        from samverkan.partnerships.dashboard import iop_agreements_to_sign
        from samverkan.partnerships.organisation_section import (
            organisation_collaborations,
            organisation_iop_agreements,
        )

        register_area_section("partnerships/_area_collaborations.html", area_collaborations)
        ORGANISATION_PAGE.register(
            "partnerships/_organisation_collaborations.html", organisation_collaborations, order=10
        )
        ORGANISATION_PAGE.register(
            "partnerships/_organisation_iop.html", organisation_iop_agreements, order=20
        )
        DASHBOARD.register("partnerships/_dashboard_iop.html", iop_agreements_to_sign, order=38)
