"""Mounted at overenskommelser/<slug:agreement>/: every view receives the agreement's slug."""

from django.urls import path

from samverkan.matching import views
from samverkan.matching.models import Posting

app_name = "matching"
P = "behov-och-erbjudanden/<int:pk>/"
urlpatterns = [
    path("behov-och-erbjudanden/", views.posting_list, name="list"),
    path("behov/", views.posting_list, {"direction": Posting.Direction.NEED}, name="needs"),
    path("erbjudanden/", views.posting_list, {"direction": Posting.Direction.OFFER}, name="offers"),
    path("behov-och-erbjudanden/nytt/", views.posting_new, name="new"),
    path(P, views.posting_detail, name="detail"),
    path(P + "redigera/", views.posting_edit, name="edit"),
    path(P + "dra-tillbaka/", views.posting_withdraw, name="withdraw"),
    path(P + "svara/<int:other>/", views.respond, name="respond"),
    path(P + "matchningar/<int:match>/", views.match_detail, name="match"),
    path(P + "matchningar/<int:match>/svara/", views.match_respond, name="match_respond"),
    path(P + "matchningar/<int:match>/samarbete/", views.match_collaborate, name="collaborate"),
    path("matchning/oparade/", views.unmatched, name="unmatched"),
]
