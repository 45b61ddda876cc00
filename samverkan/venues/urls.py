"""Mounted at overenskommelser/<slug:agreement>/: every view receives the agreement's slug."""

import datetime

from django.urls import path, register_converter

from samverkan.core.bounds import date_in_range
from samverkan.venues import views


class IsoDateConverter:
    """2025-03-14 → a date; an impossible date, or one outside the site's range of years (the
    day's neighbours would overflow), does not match (404)."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> datetime.date:
        day = datetime.date.fromisoformat(value)
        if not date_in_range(day):
            raise ValueError(value)
        return day

    def to_url(self, value) -> str:
        return value.isoformat() if isinstance(value, datetime.date) else str(value)


register_converter(IsoDateConverter, "isodate")

app_name = "venues"
urlpatterns = [
    path("lokaler/", views.venue_list, name="list"),
    path("lokaler/<slug:venue>/", views.venue_detail, name="venue"),
    path("lokaler/<slug:venue>/statistik/", views.figures, name="figures"),
    path("lokaler/<slug:venue>/besokare/", views.visitors, name="visitors"),
    path("lokaler/<slug:venue>/besokare/import/", views.visitors_import, name="visitors_import"),
    path("lokaler/<slug:venue>/<slug:room>/", views.room_week, name="room"),
    path("lokaler/<slug:venue>/<slug:room>/dag/<isodate:date>/", views.room_day, name="room_day"),
    path("lokaler/<slug:venue>/<slug:room>/boka/", views.book, name="book"),
    path("lokaler/<slug:venue>/<slug:room>/boka/serie/", views.book_series, name="book_series"),
    path("bokningar/", views.my_bookings, name="my_bookings"),
    path("bokningar/<int:pk>/", views.booking_detail, name="booking"),
    path("bokningar/<int:pk>/avboka/", views.booking_cancel, name="booking_cancel"),
    path("bokningar/serier/<int:pk>/", views.series_detail, name="series"),
    path("bokningar/serier/<int:pk>/avboka/", views.series_cancel, name="series_cancel"),
]
