from django.urls import path, re_path

from samverkan.core import brand, outbox_views, views
from samverkan.core.sections import SECTIONS

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("om/tillganglighet/", views.accessibility, name="accessibility"),
    path("om/personuppgifter/", views.privacy, name="privacy"),
    path("designsystem/", brand.design_system, name="designsystem"),
    path("favicon.ico", brand.favicon, name="favicon"),
    path("mina-sidor/", views.dashboard, name="dashboard"),
    # The local demo's e-mail (404 unless the outbox backend is configured, see core/outbox.py).
    path("utkorg/", outbox_views.outbox_list, name="outbox"),
    path("utkorg/<str:message_id>/", outbox_views.outbox_message, name="outbox_message"),
    # /omraden/, /styrning/ …: only the section names, so that no other address is shadowed.
    re_path(rf"^(?P<section>{'|'.join(SECTIONS)})/$", views.section, name="section"),
]
