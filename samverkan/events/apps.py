from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "samverkan.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from samverkan.areas.selectors import register_area_section
        from samverkan.core.start_page import register_start_block
        from samverkan.events.area_section import area_events
        from samverkan.events.start_page import next_events

        register_area_section("events/_area_events.html", area_events)
        register_start_block("events/_start_events.html", next_events, order=20)
