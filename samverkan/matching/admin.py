"""Needs, offers and matches in the admin. Postings are posted and edited here through the
services (the audit row, the matching index and the rules as on the pages); matches change
through the platform's pages, where each side's acceptance is recorded."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from samverkan.core.admin import RecordAdmin, ServiceModelAdmin, service_action
from samverkan.matching import permissions, services
from samverkan.matching.models import Match, Posting


@admin.register(Posting)
class PostingAdmin(ServiceModelAdmin):
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

    def get_readonly_fields(self, request, obj=None):
        # Who posted, for which agreement, stays: update_posting() changes the rest.
        if obj is None:
            return self.readonly_fields
        return [*self.readonly_fields, "agreement", "organisation", "is_demo"]

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return permissions.can_edit(request.user, obj)[0]

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        fields = {name: data[name] for name in services.EDITABLE_FIELDS}
        if change:
            services.update_posting(
                posting=Posting.objects.get(pk=obj.pk),
                by=request.user,
                areas=data["areas"],
                districts=data["districts"],
                **fields,
            )
            return
        posting = services.create_posting(
            agreement=data["agreement"],
            organisation=data["organisation"],
            by=request.user,
            areas=data["areas"],
            districts=data["districts"],
            is_demo=data["is_demo"],
            **fields,
        )
        obj.pk = posting.pk

    def save_related(self, request, form, formsets, change):
        # The service has set the areas and districts and indexed the posting.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


@admin.register(Match)
class MatchAdmin(RecordAdmin):
    list_display = ["need", "offer", "status", "created_at", "collaboration"]
    list_filter = ["status", "is_demo"]
    search_fields = ["need__title", "offer__title"]
    readonly_fields = [f.name for f in Match._meta.fields]
