from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from samverkan.actors import services
from samverkan.actors.models import District, InterestArea, Organisation, Representation
from samverkan.core.admin import HTTPS_URLS, ServiceModelAdmin, service_action


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
class OrganisationAdmin(ServiceModelAdmin):
    """Organisations are registered and edited here through the services, as on the site: the
    organisation number rule, the search index and the audit row."""

    formfield_overrides = HTTPS_URLS
    list_display = ["name", "sector", "legal_form", "organisation_number", "is_public", "is_demo"]
    list_filter = ["sector", "legal_form", "is_public", "is_demo", "districts"]
    search_fields = ["name", "organisation_number"]
    filter_horizontal = ["districts", "interest_areas", "umbrellas"]
    # The address is made from the name when the organisation is registered, and stays.
    readonly_fields = ["slug", "created_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            changes = {name: data[name] for name in form.changed_data}
            organisation = Organisation.objects.get(pk=obj.pk)
            services.update_organisation(organisation=organisation, by=request.user, **changes)
            return
        organisation = services.create_organisation(by=request.user, **data)
        obj.pk, obj.slug = organisation.pk, organisation.slug

    def save_related(self, request, form, formsets, change):
        # The service has set the districts, interest areas and umbrellas.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


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
