"""Mounted at overenskommelser/<slug:agreement>/: every view receives the agreement's slug."""

from django.urls import path

from samverkan.areas import views

app_name = "areas"
urlpatterns = [
    path("omraden/", views.area_list, name="list"),
    path("omraden/ny/", views.area_new, name="new"),
    path("omraden/<slug:slug>/", views.area_detail, name="detail"),
    path("omraden/<slug:slug>/redigera/", views.area_edit, name="edit"),
    path("omraden/<slug:slug>/fas/", views.phase_change, name="phase_change"),
    path("omraden/<slug:slug>/vardskap/nytt/", views.hosting_new, name="hosting_new"),
    path("omraden/<slug:slug>/vardskap/<int:pk>/avsluta/", views.hosting_end, name="hosting_end"),
    path("fokusomraden/", views.focus_areas, name="focus_areas"),
    path("fokusomraden/forslag/nytt/", views.propose, name="propose"),
    path("fokusomraden/forslag/<int:pk>/", views.proposal_detail, name="proposal"),
    path("fokusomraden/forslag/<int:pk>/stod/", views.proposal_support, name="support"),
    path(
        "fokusomraden/forslag/<int:pk>/stod/ta-tillbaka/",
        views.proposal_withdraw_support,
        name="withdraw_support",
    ),
    path("fokusomraden/forslag/<int:pk>/forbered/", views.proposal_prepare, name="prepare"),
    path("fokusomraden/forslag/<int:pk>/dra-tillbaka/", views.proposal_withdraw, name="withdraw"),
]
