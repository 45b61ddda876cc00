from django.urls import path

from samverkan.actors import views

app_name = "actors"
urlpatterns = [
    path("foreningsregistret/", views.register, name="register"),
    path("foreningsregistret.csv", views.register_csv, name="register_csv"),
    path("organisationer/ny/", views.organisation_new, name="organisation_new"),
    path("organisationer/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("organisationer/<slug:slug>/redigera/", views.organisation_edit, name="organisation_edit"),
    path(
        "organisationer/<slug:slug>/bli-ombud/",
        views.representation_request,
        name="representation_request",
    ),
    path(
        "ombud/<int:pk>/avsluta/",
        views.representation_end_confirm,
        name="representation_end_confirm",
    ),
    path(
        "ombud/<int:pk>/<str:decision>/",
        views.representation_decide,
        name="representation_decide",
    ),
]
