from django.urls import path, re_path

from samverkan.site import views
from samverkan.site.sections import SECTIONS

app_name = "site"
urlpatterns = [
    path("", views.home, name="home"),
    path("mina-sidor/", views.dashboard, name="dashboard"),
    path("mina-sidor/notiser/", views.notifications, name="notifications"),
    path("mina-sidor/notiser/<int:pk>/last/", views.notification_read, name="notification_read"),
    path(
        "mina-sidor/notiser/alla-lasta/",
        views.notifications_read_all,
        name="notifications_read_all",
    ),
    # /omraden/, /styrning/ …: only the section names, so that no other address is shadowed.
    re_path(rf"^(?P<section>{'|'.join(SECTIONS)})/$", views.section, name="section"),
]
