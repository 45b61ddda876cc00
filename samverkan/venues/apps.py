from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VenuesConfig(AppConfig):
    name = "samverkan.venues"
    label = "venues"
    verbose_name = _("Association centre")

    def ready(self):
        from samverkan.core.registry import DASHBOARD
        from samverkan.venues.dashboard import my_bookings

        DASHBOARD.register("venues/_dashboard_bookings.html", my_bookings, order=70)
