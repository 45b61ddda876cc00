"""Needs, offers and matches in the admin. Postings are edited here (the save re-indexes them);
matches change through the platform's pages, where each side's acceptance is recorded."""

from django.contrib import admin
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from samverkan.core.admin import RecordAdmin, service_action
from samverkan.matching import services
from samverkan.matching.index import index_posting
from samverkan.matching.models import Match, Posting


@admin.register(Posting)
class PostingAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "direction",
        "kind",
        "organisation",
        "status",
        "valid_until",
        "created_at",
        "is_demo",
    ]
    list_filter = ["agreement", "direction", "kind", "status", "is_demo"]
    search_fields = ["title", "text", "organisation__name"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["areas", "districts"]
    # A posting leaves the lists through the service (withdraw_posting), with its audit row.
    readonly_fields = ["status", "created_by", "created_at", "updated_at", "index_length"]
    actions = [
        service_action(
            services.withdraw_posting,
            name="withdraw_postings",
            description=_("Withdraw the selected postings"),
            done=_("%(count)s postings withdrawn."),
            argument="posting",
        )
    ]

    def save_related(self, request, form, formsets, change):
        # The index reads the areas and the text: re-index after both are saved.
        super().save_related(request, form, formsets, change)
        with transaction.atomic():
            index_posting(form.instance)


@admin.register(Match)
class MatchAdmin(RecordAdmin):
    list_display = ["need", "offer", "status", "created_at", "collaboration"]
    list_filter = ["status", "is_demo"]
    search_fields = ["need__title", "offer__title"]
    readonly_fields = [f.name for f in Match._meta.fields]
