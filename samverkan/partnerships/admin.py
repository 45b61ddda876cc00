"""Collaborations in the admin: texts and visibility are edited here, through the services (the
audit row, the search text and the rules as on the pages); parties, ending and the IOP checklist
and signing change through the pages."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from samverkan.actors.models import Organisation
from samverkan.core.admin import ReadOnlyInline, RecordAdmin, ServiceModelAdmin
from samverkan.partnerships import permissions, services
from samverkan.partnerships.models import (
    Collaboration,
    CollaborationParty,
    IopAgreement,
    IopCondition,
    IopDocument,
    IopFollowUp,
)


class PartyInline(ReadOnlyInline):
    model = CollaborationParty
    fields = ["organisation", "role"]


FIELDS = [
    "agreement",
    "title",
    "lead",
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


class CollaborationAdminForm(forms.ModelForm):
    lead = forms.ModelChoiceField(
        label=_("Lead organisation"),
        queryset=Organisation.objects.order_by("name"),
        required=False,  # on a new collaboration only: see clean()
        help_text=_("The organisation that leads the collaboration."),
    )

    def clean(self):
        data = super().clean()
        if self.instance.pk is None and not data.get("lead"):
            self.add_error("lead", forms.Field.default_error_messages["required"])
        return data

    class Meta:
        model = Collaboration
        fields = [name for name in FIELDS if name not in ("lead", "slug")]


# What the admin may change on an existing collaboration: update_collaboration()'s fields.
CHANGEABLE = {
    "title",
    "description",
    "starts_on",
    "results",
    "mapping_year",
    "areas",
    "districts",
    "is_public",
}


@admin.register(Collaboration)
class CollaborationAdmin(ServiceModelAdmin):
    form = CollaborationAdminForm
    list_display = ["title", "agreement", "kind", "status", "mapping_year", "is_public", "is_demo"]
    list_filter = ["agreement", "kind", "status", "mapping_year", "is_public", "is_demo"]
    search_fields = ["title", "description"]
    # An existing collaboration ends, changes kind or agreement through its page, not here.
    readonly_fields = ["agreement", "slug", "status", "ends_on", "kind", "is_demo"]
    filter_horizontal = ["areas", "districts"]
    inlines = [PartyInline]
    fields = FIELDS

    def get_fields(self, request, obj=None):
        # The lead is named once, when the collaboration is recorded; the parties' list shows it.
        return [f for f in self.fields if f != "lead"] if obj else self.fields

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else ["slug"]

    def has_add_permission(self, request):
        return (
            super().has_add_permission(request)
            and (permissions.can_create_collaboration(request.user)[0])
        )

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return permissions.can_edit_collaboration(request.user, obj)[0]

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            changes = {name: data[name] for name in form.changed_data if name in CHANGEABLE}
            services.update_collaboration(
                collaboration=Collaboration.objects.get(pk=obj.pk), by=request.user, **changes
            )
            return
        collaboration = services.create_collaboration(
            agreement=data["agreement"],
            title=data["title"],
            parties=[(data["lead"], CollaborationParty.Role.LEAD)],
            by=request.user,
            description=data["description"],
            kind=data["kind"],
            status=data["status"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            mapping_year=data["mapping_year"],
            areas=data["areas"],
            districts=data["districts"],
            is_public=data["is_public"],
            is_demo=data["is_demo"],
            results=data["results"],
        )
        obj.pk, obj.slug = collaboration.pk, collaboration.slug

    def save_related(self, request, form, formsets, change):
        # The service has set the areas and districts; the parties' inline is read-only.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


class DocumentInline(ReadOnlyInline):
    model = IopDocument
    fields = ["title", "content_type", "size", "uploaded_by", "uploaded_at"]


class FollowUpInline(ReadOnlyInline):
    model = IopFollowUp
    fields = ["followed_up_on", "text", "written_by"]


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
