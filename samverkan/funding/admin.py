"""Funders, calls and the budget in the admin, for corrections: every write goes through the
services the coordinators' pages use (create_funder/update_funder, create_call/update_call,
record_grant/update_grant, record_expense/update_expense), so the amount, date and relation
rules hold and each change has its audit row. A grant or expense stays with its agreement.
Follows and sent reminders are each person's and the reminder job's records: shown, not changed."""

from django import forms
from django.contrib import admin

from samverkan.actors.models import LegalForm, Sector
from samverkan.core.admin import HTTPS_URLS, RecordAdmin, ServiceModelAdmin
from samverkan.funding import services
from samverkan.funding.models import (
    CallFollow,
    Expense,
    Funder,
    FundingCall,
    Grant,
    ReminderSent,
    pack_choices,
    unpack_choices,
)


@admin.register(Funder)
class FunderAdmin(ServiceModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name"]
    autocomplete_fields = ["organisation"]
    changeable = tuple(services.FUNDER_FIELDS)

    def get_readonly_fields(self, request, obj=None):
        return ["slug", "is_demo"] if obj else []

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else {"slug": ["name"]}

    def create(self, request, data):
        fields = {name: data[name] for name in (*services.FUNDER_FIELDS, "slug", "is_demo")}
        return services.create_funder(by=request.user, **fields)

    def update(self, request, obj, changes):
        services.update_funder(funder=obj, by=request.user, **changes)


class CallAdminForm(forms.ModelForm):
    """Sectors and legal forms are stored packed (",a,b,"); here they are chosen."""

    sectors = forms.MultipleChoiceField(
        choices=Sector.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    legal_forms = forms.MultipleChoiceField(
        choices=LegalForm.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("sectors", "legal_forms"):
            if name in self.fields:
                self.initial[name] = unpack_choices(getattr(self.instance, name))

    def clean_sectors(self):
        return pack_choices(self.cleaned_data["sectors"])

    def clean_legal_forms(self):
        return pack_choices(self.cleaned_data["legal_forms"])


CALL_CHANGEABLE = (*services.CALL_FIELDS, "sectors", "legal_forms", "areas", "districts")


def _call_arguments(data, names):
    arguments = {name: data[name] for name in names if name in data}
    for name in ("sectors", "legal_forms"):
        if name in arguments:
            arguments[name] = unpack_choices(arguments[name])
    return arguments


@admin.register(FundingCall)
class FundingCallAdmin(ServiceModelAdmin):
    form = CallAdminForm
    formfield_overrides = HTTPS_URLS
    list_display = ["title", "funder", "agreement", "opens_on", "deadline"]
    list_filter = ["funder__kind", "agreement"]
    search_fields = ["title", "description", "funder__name"]
    date_hierarchy = "deadline"
    filter_horizontal = ["areas", "districts"]
    list_select_related = ["funder", "agreement"]
    changeable = CALL_CHANGEABLE

    def get_readonly_fields(self, request, obj=None):
        return ["slug", "is_demo"] if obj else []

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else {"slug": ["title"]}

    def create(self, request, data):
        arguments = _call_arguments(data, (*CALL_CHANGEABLE, "slug", "is_demo"))
        return services.create_call(by=request.user, **arguments)

    def update(self, request, obj, changes):
        services.update_call(call=obj, by=request.user, **_call_arguments(changes, changes))


@admin.register(CallFollow)
class CallFollowAdmin(RecordAdmin):
    """A person follows and unfollows a call on its page (follow_call, unfollow_call)."""

    list_display = ["call", "user", "created_at"]
    list_select_related = ["call", "user"]


@admin.register(ReminderSent)
class ReminderSentAdmin(RecordAdmin):
    """What the reminder job has sent, so that it sends each reminder once."""

    list_display = ["call", "user", "deadline", "days_before", "sent_at"]
    list_select_related = ["call", "user"]


@admin.register(Grant)
class GrantAdmin(ServiceModelAdmin):
    list_display = ["year", "purpose", "recipient", "amount", "agreement"]
    list_filter = ["agreement", "year"]
    list_select_related = ["recipient", "agreement"]
    autocomplete_fields = ["recipient"]
    changeable = services.GRANT_FIELDS

    def get_readonly_fields(self, request, obj=None):
        return ["agreement", "is_demo"] if obj else []

    def create(self, request, data):
        fields = {name: data[name] for name in (*services.GRANT_FIELDS, "is_demo")}
        return services.record_grant(agreement=data["agreement"], by=request.user, **fields)

    def update(self, request, obj, changes):
        services.update_grant(grant=obj, by=request.user, **changes)


@admin.register(Expense)
class ExpenseAdmin(ServiceModelAdmin):
    list_display = ["spent_on", "description", "category", "amount", "agreement"]
    list_filter = ["agreement", "category"]
    date_hierarchy = "spent_on"
    list_select_related = ["agreement"]
    raw_id_fields = ["grant"]
    readonly_fields = ["created_by"]
    changeable = services.EXPENSE_FIELDS

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "agreement", "is_demo"] if obj else self.readonly_fields

    def create(self, request, data):
        fields = {name: data[name] for name in (*services.EXPENSE_FIELDS, "is_demo")}
        return services.record_expense(
            agreement=data["agreement"],
            year=data["spent_on"].year,
            by=request.user,
            **fields,
        )

    def update(self, request, obj, changes):
        services.update_expense(expense=obj, by=request.user, **changes)
