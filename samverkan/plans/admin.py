"""Plans in the admin: periods and activity texts are edited here; statuses change through the
plan pages so that each change is recorded with date, who and note."""

from django.contrib import admin

from samverkan.core.admin import RecordAdmin
from samverkan.plans.models import ActivityStatusChange, PlanActivity, PlanPeriod, PlanRevision


class PlanActivityInline(admin.TabularInline):
    model = PlanActivity
    extra = 0
    fields = ["position", "title", "planned_year", "responsible", "status"]
    readonly_fields = ["status"]


@admin.register(PlanPeriod)
class PlanPeriodAdmin(admin.ModelAdmin):
    list_display = ["title", "agreement", "first_year", "last_year", "adopted_on"]
    list_filter = ["agreement"]
    inlines = [PlanActivityInline]


@admin.register(PlanActivity)
class PlanActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "plan", "planned_year", "responsible", "status"]
    list_filter = ["plan", "status", "planned_year"]
    search_fields = ["title"]
    readonly_fields = ["status"]


@admin.register(ActivityStatusChange)
class ActivityStatusChangeAdmin(RecordAdmin):
    list_display = ["activity", "status", "changed_on", "changed_by"]
    list_filter = ["status"]


@admin.register(PlanRevision)
class PlanRevisionAdmin(RecordAdmin):
    list_display = ["plan", "mandate_period", "revised_on", "decided_in"]
