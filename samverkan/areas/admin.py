"""Areas in the admin: texts and reference data are edited here; hosting, phases and focus
areas change through the area pages, where the hosting rule and the phase history hold."""

from django.contrib import admin

from samverkan.areas.models import (
    FocusArea,
    FocusAreaProposal,
    Hosting,
    PhaseChange,
    PriorityArea,
    SustainabilityGoal,
)
from samverkan.core.admin import RecordAdmin


@admin.register(SustainabilityGoal)
class SustainabilityGoalAdmin(admin.ModelAdmin):
    list_display = ["number", "title"]
    ordering = ["number"]


class HostingInline(admin.TabularInline):
    model = Hosting
    extra = 0
    can_delete = False
    fields = ["side", "organisation", "contact_person", "starts_on", "ends_on"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(PriorityArea)
class PriorityAreaAdmin(admin.ModelAdmin):
    list_display = ["title", "agreement", "phase", "started_on", "from_plan", "is_demo"]
    list_filter = ["agreement", "phase", "from_plan", "is_demo"]
    search_fields = ["title", "summary"]
    readonly_fields = ["phase"]
    filter_horizontal = ["goals"]
    inlines = [HostingInline]


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
