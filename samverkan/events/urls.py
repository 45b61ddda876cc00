"""Mounted at overenskommelser/<slug:agreement>/: every view receives the agreement's slug."""

from django.urls import path

from samverkan.events import views

app_name = "events"

EVENT = "evenemang/<slug:slug>/"

urlpatterns = [
    path("kalender/", views.calendar_list, name="calendar"),
    path("kalender/manad/", views.calendar_month, name="month_current"),
    path("kalender/manad/<int:year>/<int:month>/", views.calendar_month, name="month"),
    path("kalender.ics", views.agreement_ics, name="ics"),
    path("kalender.atom", views.upcoming_feed, name="atom"),
    path("kalender/omrade/<slug:area>.ics", views.area_ics, name="area_ics"),
    path("kalender/min/<str:token>.ics", views.personal_ics, name="personal_ics"),
    path("mina-anmalningar/", views.mine, name="mine"),
    path("mina-anmalningar/kalenderlank/", views.renew_calendar_link, name="renew_calendar_link"),
    path("deltagande/", views.figures, name="figures_current"),
    path("deltagande/<int:year>/", views.figures, name="figures"),
    path("evenemang/nytt/", views.event_new, name="new"),
    path(EVENT, views.event_detail, name="event"),
    path(EVENT + "anmalan/", views.register, name="register"),
    path(EVENT + "avanmalan/", views.cancel, name="cancel"),
    path(EVENT + "redigera/", views.event_edit, name="edit"),
    path(EVENT + "publicera/", views.event_publish, name="publish"),
    path(EVENT + "stall-in/", views.event_cancel, name="cancel_event"),
    path(EVENT + "tillfallen/nytt/", views.session_new, name="session_new"),
    path(EVENT + "tillfallen/<int:pk>/ta-bort/", views.session_delete, name="session_delete"),
    path(EVENT + "kvoter/ny/", views.quota_new, name="quota_new"),
    path(EVENT + "kvoter/<int:pk>/ta-bort/", views.quota_delete, name="quota_delete"),
    path(EVENT + "deltagare/", views.participants, name="participants"),
    path(EVENT + "dokument/", views.documents, name="documents"),
    path(EVENT + "dokument/<int:pk>/", views.document, name="document"),
    path(EVENT + "dokument/<int:pk>/ta-bort/", views.document_delete, name="document_delete"),
]
