from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "samverkan.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from samverkan.areas.selectors import register_area_section
        from samverkan.events.area_section import area_events

        register_area_section("events/_area_events.html", area_events)
