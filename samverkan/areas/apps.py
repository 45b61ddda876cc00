from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AreasConfig(AppConfig):
    name = "samverkan.areas"
    label = "areas"
    verbose_name = _("Areas")

    def ready(self):
        from samverkan.areas.start_page import focus_area
        from samverkan.core.start_page import register_start_block

        register_start_block("areas/_start_focus_area.html", focus_area, order=10)
