"""Mounted at overenskommelser/<slug:agreement>/: every view receives the agreement's slug."""

from django.urls import path

from samverkan.governance import views

app_name = "governance"

MEETING = "organ/<slug:body>/moten/<int:pk>/"

urlpatterns = [
    path("organ/", views.bodies, name="bodies"),
    path("organ/<slug:slug>/", views.body, name="body"),
    path("organ/<slug:body>/moten/nytt/", views.meeting_new, name="meeting_new"),
    path(MEETING, views.meeting, name="meeting"),
    path(MEETING + "protokoll.pdf", views.minutes_pdf, name="minutes_pdf"),
    path(MEETING + "dagordning/ny/", views.agenda_item_new, name="agenda_item_new"),
    path(MEETING + "narvaro/", views.attendance, name="attendance"),
    path(MEETING + "paragrafer/ny/", views.paragraph_new, name="paragraph_new"),
    path(MEETING + "paragrafer/<int:paragraph>/beslut/", views.decision, name="decision"),
    path(
        MEETING + "paragrafer/<int:paragraph>/yttrande/ny/",
        views.statement_new,
        name="statement_new",
    ),
    path(MEETING + "justera/", views.adjust, name="adjust"),
    path("beslut/", views.decisions, name="decisions"),
    path("beslut.atom", views.decisions_feed, name="decisions_feed"),
]
