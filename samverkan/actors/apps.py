from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActorsConfig(AppConfig):
    name = "samverkan.actors"
    label = "actors"
    verbose_name = _("Actors")

    def ready(self):
        from samverkan.actors.dashboard import my_representation, requests_to_decide
        from samverkan.actors.start_page import register_search
        from samverkan.core.registry import DASHBOARD, START_PAGE

        START_PAGE.register("actors/_start_register.html", register_search, order=50)
        DASHBOARD.register("actors/_dashboard_requests.html", requests_to_decide, order=10)
        DASHBOARD.register("actors/_dashboard_representation.html", my_representation, order=50)
