"""Areas in the admin: an area is added and its texts edited here through the services (its first
phase change, the date rules and the audit row, as on the pages); hosting, phases and focus
areas change through the area pages, where the hosting rule and the phase history hold."""

from django.contrib import admin

from samverkan.areas import services
from samverkan.areas.models import (
    FocusArea,
    FocusAreaProposal,
    Hosting,
    PhaseChange,
    PriorityArea,
    SustainabilityGoal,
)
from samverkan.core.admin import ReadOnlyInline, RecordAdmin, ServiceModelAdmin


@admin.register(SustainabilityGoal)
class SustainabilityGoalAdmin(admin.ModelAdmin):
    list_display = ["number", "title"]
    ordering = ["number"]


class HostingInline(ReadOnlyInline):
    model = Hosting
    fields = ["side", "organisation", "contact_person", "starts_on", "ends_on"]


@admin.register(PriorityArea)
class PriorityAreaAdmin(ServiceModelAdmin):
    list_display = ["title", "agreement", "phase", "started_on", "from_plan", "is_demo"]
    list_filter = ["agreement", "phase", "from_plan", "is_demo"]
    search_fields = ["title", "summary"]
    # The address is made from the title once; the phase changes on the area's page.
    readonly_fields = ["phase", "slug"]
    filter_horizontal = ["goals"]
    inlines = [HostingInline]

    def get_readonly_fields(self, request, obj=None):
        # update_area() keeps an area in its agreement, with its origin.
        if obj is None:
            return self.readonly_fields
        return [*self.readonly_fields, "agreement", "from_plan", "is_demo"]

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            changes = {
                name: data[name] for name in form.changed_data if name in services.AREA_FIELDS
            }
            services.update_area(
                area=PriorityArea.objects.get(pk=obj.pk), by=request.user, **changes
            )
            return
        area = services.create_area(
            agreement=data["agreement"],
            title=data["title"],
            summary=data["summary"],
            description=data["description"],
            goals=data["goals"],
            started_on=data["started_on"],
            position=data["position"],
            from_plan=data["from_plan"],
            is_demo=data["is_demo"],
            by=request.user,
        )
        obj.pk, obj.slug = area.pk, area.slug

    def save_related(self, request, form, formsets, change):
        # The service has set the goals; the hosting inline is read-only.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


@admin.register(Hosting)
class HostingAdmin(RecordAdmin):
    list_display = ["area", "side", "organisation", "contact_person", "starts_on", "ends_on"]
    list_filter = ["side", "area__agreement"]
    search_fields = ["area__title", "organisation__name"]


@admin.register(PhaseChange)
class PhaseChangeAdmin(RecordAdmin):
    list_display = ["area", "phase", "changed_on", "changed_by"]
    list_filter = ["phase"]


@admin.register(FocusArea)
class FocusAreaAdmin(RecordAdmin):
    list_display = ["year", "title", "agreement", "decided_in"]
    list_filter = ["agreement"]


@admin.register(FocusAreaProposal)
class FocusAreaProposalAdmin(RecordAdmin):
    list_display = ["title", "year", "status", "proposed_by", "created_at"]
    list_filter = ["status", "year", "agreement"]
    search_fields = ["title"]
