from django.urls import path, re_path

from samverkan.core import brand, views
from samverkan.core.sections import SECTIONS

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("om/tillganglighet/", views.accessibility, name="accessibility"),
    path("om/personuppgifter/", views.privacy, name="privacy"),
    path("designsystem/", brand.design_system, name="designsystem"),
    path("favicon.ico", brand.favicon, name="favicon"),
    path("mina-sidor/", views.dashboard, name="dashboard"),
    # /omraden/, /styrning/ …: only the section names, so that no other address is shadowed.
    re_path(rf"^(?P<section>{'|'.join(SECTIONS)})/$", views.section, name="section"),
]
