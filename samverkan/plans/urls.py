from django.urls import path

from samverkan.plans import views

# Mounted at overenskommelser/<slug:agreement>/ by samverkan/urls.py.
app_name = "plans"
urlpatterns = [
    path("samarbetsplan/", views.plan_list, name="list"),
    path("samarbetsplan/<slug:slug>/", views.plan_detail, name="detail"),
    path("samarbetsplan/<slug:slug>/uppfoljning/", views.plan_follow_up, name="follow_up"),
    path("samarbetsplan/<slug:slug>/aktiviteter/ny/", views.activity_new, name="activity_new"),
    path(
        "samarbetsplan/<slug:slug>/aktiviteter/<int:pk>/redigera/",
        views.activity_edit,
        name="activity_edit",
    ),
    path(
        "samarbetsplan/<slug:slug>/aktiviteter/<int:pk>/status/",
        views.activity_status,
        name="activity_status",
    ),
    path("samarbetsplan/<slug:slug>/revideringar/ny/", views.revision_new, name="revision_new"),
]
