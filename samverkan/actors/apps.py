from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActorsConfig(AppConfig):
    name = "samverkan.actors"
    label = "actors"
    verbose_name = _("Actors")

    def ready(self):
        from samverkan.actors.start_page import register_search
        from samverkan.core.start_page import register_start_block

        register_start_block("actors/_start_register.html", register_search, order=50)
