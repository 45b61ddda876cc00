"""Mounted at overenskommelser/<slug:agreement>/: every view receives the agreement's slug.
Fixed paths come before "<slug>" so that no call can shadow them."""

from django.urls import path

from samverkan.funding import views

app_name = "funding"
urlpatterns = [
    path("finansiering/", views.call_list, name="list"),
    path("finansiering/ny/", views.call_new, name="call_new"),
    path("finansiering/finansiarer/", views.funder_list, name="funders"),
    path("finansiering/finansiarer/ny/", views.funder_form, name="funder_new"),
    path("finansiering/finansiarer/<int:pk>/redigera/", views.funder_form, name="funder_edit"),
    path("finansiering/<slug:slug>/", views.call_detail, name="call"),
    path("finansiering/<slug:slug>/folj/", views.call_follow, name="follow"),
    path("finansiering/<slug:slug>/redigera/", views.call_edit, name="call_edit"),
    path("budget/", views.budget, name="budget"),
    path("budget/<int:year>/", views.budget_year, name="budget_year"),
    path("budget/<int:year>/bidrag/ny/", views.grant_new, name="grant_new"),
    path("budget/<int:year>/utgifter/ny/", views.expense_new, name="expense_new"),
]
