from django.urls import path

from samverkan.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("om/tillganglighet/", views.accessibility, name="accessibility"),
    path("om/personuppgifter/", views.privacy, name="privacy"),
    path("mina-sidor/", views.dashboard, name="dashboard"),
]
