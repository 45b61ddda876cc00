from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "samverkan.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from samverkan.actors.selectors import ORGANISATION_PAGE
        from samverkan.areas.selectors import register_area_section
        from samverkan.core.registry import DASHBOARD, START_PAGE
        from samverkan.events.area_section import area_events
        from samverkan.events.dashboard import my_registrations
        from samverkan.events.organisation_section import organisation_events
        from samverkan.events.start_page import next_events

        register_area_section("events/_area_events.html", area_events)
        START_PAGE.register("events/_start_events.html", next_events, order=20)
        DASHBOARD.register("events/_dashboard_registrations.html", my_registrations, order=60)
        ORGANISATION_PAGE.register(
            "events/_organisation_events.html", organisation_events, order=30
        )
