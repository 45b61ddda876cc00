from django.urls import path

from samverkan.core import brand, outbox_views, views

app_name = "core"
urlpatterns = [
    path("om/tillganglighet/", views.accessibility, name="accessibility"),
    path("om/personuppgifter/", views.privacy, name="privacy"),
    path("designsystem/", brand.design_system, name="designsystem"),
    path("favicon.ico", brand.favicon, name="favicon"),
    # The local demo's e-mail (404 unless the outbox backend is configured, see core/outbox.py).
    path("utkorg/", outbox_views.outbox_list, name="outbox"),
    path("utkorg/<str:message_id>/", outbox_views.outbox_message, name="outbox_message"),
]
