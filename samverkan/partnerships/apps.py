from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "samverkan.partnerships"
    label = "partnerships"
    verbose_name = _("Collaborations")

    def ready(self):
        from samverkan.areas.selectors import register_area_section
        from samverkan.partnerships.area_section import area_collaborations

        register_area_section("partnerships/_area_collaborations.html", area_collaborations)
