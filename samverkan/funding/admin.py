"""Admin for funders, calls and the budget. Calls and budget rows are normally entered through
the coordinators' forms, which hold the rules; the admin is for corrections."""

from django.contrib import admin

from samverkan.core.admin import HTTPS_URLS
from samverkan.funding.models import CallFollow, Expense, Funder, FundingCall, Grant, ReminderSent


@admin.register(Funder)
class FunderAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organisation"]


@admin.register(FundingCall)
class FundingCallAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["title", "funder", "agreement", "opens_on", "deadline"]
    list_filter = ["funder__kind", "agreement"]
    search_fields = ["title", "description", "funder__name"]
    date_hierarchy = "deadline"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["areas", "districts"]
    list_select_related = ["funder", "agreement"]


@admin.register(CallFollow)
class CallFollowAdmin(admin.ModelAdmin):
    list_display = ["call", "user", "created_at"]
    list_select_related = ["call", "user"]
    raw_id_fields = ["call", "user"]


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ["call", "user", "deadline", "days_before", "sent_at"]
    list_select_related = ["call", "user"]
    readonly_fields = ["call", "user", "deadline", "days_before", "sent_at"]

    def has_add_permission(self, request):
        return False


@admin.register(Grant)
class GrantAdmin(admin.ModelAdmin):
    list_display = ["year", "purpose", "recipient", "amount", "agreement"]
    list_filter = ["agreement", "year"]
    list_select_related = ["recipient", "agreement"]
    autocomplete_fields = ["recipient"]


@admin.register(Expense)
class ExpenseAdmin(admin.ModelAdmin):
    list_display = ["spent_on", "description", "category", "amount", "agreement"]
    list_filter = ["agreement", "category"]
    date_hierarchy = "spent_on"
    list_select_related = ["agreement"]
    raw_id_fields = ["grant", "created_by"]
