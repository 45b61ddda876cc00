"""Collaborations in the admin: texts and visibility are edited here; parties, ending and the
IOP checklist and signing change through the pages, where their rules hold."""

from django.contrib import admin

from samverkan.core.admin import RecordAdmin
from samverkan.partnerships.models import (
    Collaboration,
    CollaborationParty,
    IopAgreement,
    IopCondition,
    IopDocument,
    IopFollowUp,
)


class PartyInline(admin.TabularInline):
    model = CollaborationParty
    extra = 0
    can_delete = False
    fields = ["organisation", "role"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Collaboration)
class CollaborationAdmin(admin.ModelAdmin):
    list_display = ["title", "agreement", "kind", "status", "mapping_year", "is_public", "is_demo"]
    list_filter = ["agreement", "kind", "status", "mapping_year", "is_public", "is_demo"]
    search_fields = ["title", "description"]
    readonly_fields = ["slug", "status", "ends_on", "kind"]
    filter_horizontal = ["areas", "districts"]
    inlines = [PartyInline]
    fields = [
        "agreement",
        "title",
        "slug",
        "description",
        "kind",
        "status",
        "starts_on",
        "ends_on",
        "results",
        "mapping_year",
        "areas",
        "districts",
        "is_public",
        "is_demo",
    ]

    def get_readonly_fields(self, request, obj=None):
        # A new row may set everything; an existing one ends through its page.
        return [] if obj is None else self.readonly_fields


class DocumentInline(admin.TabularInline):
    model = IopDocument
    extra = 0
    can_delete = False
    fields = ["title", "content_type", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class FollowUpInline(admin.TabularInline):
    model = IopFollowUp
    extra = 0
    can_delete = False
    fields = ["followed_up_on", "text", "written_by"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(IopAgreement)
class IopAgreementAdmin(RecordAdmin):
    list_display = ["collaboration", "starts_on", "ends_on", "value", "signed_on"]
    list_filter = ["collaboration__agreement"]
    search_fields = ["collaboration__title", "purpose"]
    inlines = [DocumentInline, FollowUpInline]
    readonly_fields = [
        "collaboration",
        "purpose",
        "starts_on",
        "ends_on",
        "value",
        "signed_on",
        "signed_by",
        "internal_note",
        *[
            f"{condition.value}_{suffix}"
            for condition in IopCondition
            for suffix in ("confirmed_at", "confirmed_by", "note")
        ],
    ]
