"""Bodies in the admin: a body is created and its name, seats and quorum rule are edited here,
and its members are appointed and their memberships ended, all through the services (seats,
quorum, overlapping periods, the audit row), as on the site. Meetings, paragraphs and decisions
change through the meeting pages, where the numbering, quorum and publication rules hold."""

from django import forms
from django.contrib import admin, messages

from samverkan.core.admin import RecordAdmin, ServiceModelAdmin
from samverkan.core.exceptions import ApplicationError
from samverkan.governance import services
from samverkan.governance.models import Body, Meeting, Membership, MinutesParagraph
from samverkan.governance.services.bodies import BODY_FIELDS

APPOINTMENT_FIELDS = [
    "user",
    "seat",
    "role",
    "organisation",
    "is_chair",
    "starts_on",
    "ends_on",
    "appointed_by",
]


class MembershipForm(forms.ModelForm):
    """A new row appoints a member; an appointed one can only be given its end date (a
    membership is kept as history, never rewritten)."""

    class Meta:
        model = Membership
        fields = APPOINTMENT_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in APPOINTMENT_FIELDS:
                if name != "ends_on" or self.instance.ends_on is not None:
                    self.fields[name].disabled = True


class MembershipInline(admin.TabularInline):
    model = Membership
    form = MembershipForm
    extra = 0
    autocomplete_fields = ["user", "organisation"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Body)
class BodyAdmin(ServiceModelAdmin):
    list_display = ["name", "kind", "agreement", "city_voting_seats", "civil_voting_seats"]
    list_filter = ["kind", "agreement"]
    inlines = [MembershipInline]

    def get_readonly_fields(self, request, obj=None):
        # A body stays in its agreement and at its address (update_body() keeps them).
        return ["agreement", "slug", "is_demo"] if obj else []

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            changes = {name: data[name] for name in form.changed_data if name in BODY_FIELDS}
            body = services.update_body(
                body=Body.objects.get(pk=obj.pk), by=request.user, **changes
            )
        else:
            body = services.create_body(
                agreement=data["agreement"],
                kind=data["kind"],
                name=data["name"],
                slug=data["slug"],
                description=data["description"],
                city_voting_seats=data["city_voting_seats"],
                civil_voting_seats=data["civil_voting_seats"],
                quorum=data["quorum"],
                is_demo=data["is_demo"],
                by=request.user,
            )
        obj.pk, obj.slug, obj.name = body.pk, body.slug, body.name

    def save_formset(self, request, form, formset, change):
        if formset.model is not Membership:
            return super().save_formset(request, form, formset, change)
        # What the admin's history records (construct_change_message).
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for row in formset.forms:
            if not row.has_changed() or not row.is_valid():
                continue
            try:
                self._save_membership(request, form.instance, row, formset)
            except ApplicationError as error:
                # Refused rows are reported; the body and the other rows are saved.
                self.message_user(request, str(error.message), messages.ERROR)
        return None

    @staticmethod
    def _save_membership(request, body, row, formset):
        data = row.cleaned_data
        if row.instance.pk is None:
            membership = services.add_membership(
                body=body, by=request.user, **{name: data[name] for name in APPOINTMENT_FIELDS}
            )
            formset.new_objects.append(membership)
        elif data["ends_on"] is not None:
            membership = services.end_membership(
                membership=row.instance, ends_on=data["ends_on"], by=request.user
            )
            formset.changed_objects.append((membership, ["ends_on"]))


@admin.register(Meeting)
class MeetingAdmin(RecordAdmin):
    list_display = ["body", "starts_at", "place", "status", "adjusted_on", "published_at"]
    list_filter = ["body", "status"]
    date_hierarchy = "starts_at"


@admin.register(MinutesParagraph)
class MinutesParagraphAdmin(RecordAdmin):
    list_display = ["__str__", "meeting", "title", "method", "decided_at"]
    list_filter = ["body", "year", "method"]
    search_fields = ["title"]
