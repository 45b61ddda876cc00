"""Plans in the admin: a plan is added and its texts are edited, and its activities are added
and edited, through the services (the year and area rules and the audit row, as on the plan
pages). Statuses change through the plan pages so that each change is recorded with date, who
and note; a plan's years and address stay as they were adopted."""

from django.contrib import admin

from samverkan.core.admin import ReadOnlyInline, RecordAdmin, ServiceModelAdmin
from samverkan.plans import services
from samverkan.plans.models import ActivityStatusChange, PlanActivity, PlanPeriod, PlanRevision


class PlanActivityInline(ReadOnlyInline):
    """Shown, not changed: each activity opens on its own admin page, which saves it through
    update_activity(); new ones are added there or on the plan's page."""

    model = PlanActivity
    show_change_link = True
    fields = ["position", "title", "planned_year", "responsible", "status"]


@admin.register(PlanPeriod)
class PlanPeriodAdmin(ServiceModelAdmin):
    list_display = ["title", "agreement", "first_year", "last_year", "adopted_on"]
    list_filter = ["agreement"]
    inlines = [PlanActivityInline]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["agreement", "slug", "first_year", "last_year", "is_demo"]

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            changes = {
                name: data[name] for name in form.changed_data if name in services.PLAN_FIELDS
            }
            services.update_plan(plan=PlanPeriod.objects.get(pk=obj.pk), by=request.user, **changes)
            return
        plan = services.create_plan(
            agreement=data["agreement"],
            title=data["title"],
            slug=data["slug"],
            first_year=data["first_year"],
            last_year=data["last_year"],
            adopted_on=data["adopted_on"],
            adopted_by=data["adopted_by"],
            summary=data["summary"],
            is_demo=data["is_demo"],
            by=request.user,
        )
        obj.pk, obj.slug = plan.pk, plan.slug


@admin.register(PlanActivity)
class PlanActivityAdmin(ServiceModelAdmin):
    list_display = ["title", "plan", "planned_year", "responsible", "status"]
    list_filter = ["plan", "status", "planned_year"]
    search_fields = ["title"]
    readonly_fields = ["status"]

    def get_readonly_fields(self, request, obj=None):
        # An activity stays in its plan (update_activity() keeps it there).
        return [*self.readonly_fields, "plan"] if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        fields = {name: data[name] for name in services.ACTIVITY_FIELDS if name in data}
        if change:
            changes = {name: value for name, value in fields.items() if name in form.changed_data}
            activity = PlanActivity.objects.get(pk=obj.pk)
            services.update_activity(activity=activity, by=request.user, **changes)
            return
        activity = services.add_activity(plan=data["plan"], by=request.user, **fields)
        obj.pk = activity.pk


@admin.register(ActivityStatusChange)
class ActivityStatusChangeAdmin(RecordAdmin):
    list_display = ["activity", "status", "changed_on", "changed_by"]
    list_filter = ["status"]


@admin.register(PlanRevision)
class PlanRevisionAdmin(RecordAdmin):
    list_display = ["plan", "mandate_period", "revised_on", "decided_in"]
