"""Mounted at overenskommelser/<slug:agreement>/: every view receives the agreement's slug.
The fixed addresses (ny, export.csv, statistik) come before <slug>."""

from django.urls import path

from samverkan.partnerships import views

app_name = "partnerships"
urlpatterns = [
    path("samarbeten/", views.collaboration_list, name="list"),
    path("samarbeten/ny/", views.collaboration_new, name="new"),
    path("samarbeten/export.csv", views.collaboration_csv, name="csv"),
    path("samarbeten/statistik/", views.figures, name="figures"),
    path("samarbeten/<slug:slug>/", views.collaboration_detail, name="detail"),
    path("samarbeten/<slug:slug>/redigera/", views.collaboration_edit, name="edit"),
    path("samarbeten/<slug:slug>/parter/", views.parties, name="parties"),
    path(
        "samarbeten/<slug:slug>/parter/<int:pk>/ta-bort/",
        views.party_remove,
        name="party_remove",
    ),
    path("samarbeten/<slug:slug>/avsluta/", views.collaboration_end, name="end"),
    path("samarbeten/<slug:slug>/iop/", views.iop_detail, name="iop"),
    path("samarbeten/<slug:slug>/iop/redigera/", views.iop_edit, name="iop_edit"),
    path(
        "samarbeten/<slug:slug>/iop/villkor/<slug:condition>/",
        views.condition,
        name="iop_condition",
    ),
    path("samarbeten/<slug:slug>/iop/underteckna/", views.sign, name="iop_sign"),
    path("samarbeten/<slug:slug>/iop/dokument/", views.document_upload, name="iop_document_upload"),
    path(
        "samarbeten/<slug:slug>/iop/dokument/<int:pk>/",
        views.document_download,
        name="iop_document",
    ),
    path("samarbeten/<slug:slug>/iop/uppfoljning/", views.follow_up_add, name="iop_follow_up"),
]
