from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from samverkan.actors import services
from samverkan.actors.models import District, InterestArea, Organisation, Representation
from samverkan.actors.search import reindex_organisation
from samverkan.core.admin import HTTPS_URLS, service_action
from samverkan.core.audit import log_action


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(InterestArea)
class InterestAreaAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "sector", "legal_form", "organisation_number", "is_public", "is_demo"]
    list_filter = ["sector", "legal_form", "is_public", "is_demo", "districts"]
    search_fields = ["name", "organisation_number"]
    filter_horizontal = ["districts", "interest_areas", "umbrellas"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at"]

    def save_related(self, request, form, formsets, change):
        # The admin edits rows directly; keep search in step and the change in the audit trail.
        super().save_related(request, form, formsets, change)
        reindex_organisation(form.instance)
        log_action(
            form.instance,
            "organisation.updated" if change else "organisation.created",
            by=request.user,
            data={"via": "admin", "fields": form.changed_data},
        )


@admin.register(Representation)
class RepresentationAdmin(admin.ModelAdmin):
    """Requests are made on the site; here they are looked up and decided through the services
    (the actions), so each decision has its audit row and its e-mail, as on the site."""

    list_display = ["user", "organisation", "status", "requested_at", "decided_by"]
    list_filter = ["status"]
    search_fields = ["user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    readonly_fields = [
        "user",
        "organisation",
        "status",
        "requested_at",
        "decided_at",
        "decided_by",
        "decision_note",
    ]
    actions = [
        service_action(
            services.confirm_representation,
            name="confirm_representations",
            description=_("Confirm the selected requests"),
            done=_("%(count)s requests confirmed."),
            argument="representation",
        ),
        service_action(
            services.reject_representation,
            name="reject_representations",
            description=_("Reject the selected requests"),
            done=_("%(count)s requests rejected."),
            argument="representation",
        ),
        service_action(
            services.end_representation,
            name="end_representations",
            description=_("End the selected representations"),
            done=_("%(count)s representations ended."),
            argument="representation",
        ),
    ]

    def has_add_permission(self, request):
        return False  # a request is made on the organisation's page, by the person
