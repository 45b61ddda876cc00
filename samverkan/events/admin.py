"""Events in the admin: an event is created and its texts, times and place are edited through
the services (the place and time rules, the audit row, the waiting list); publishing and
cancelling are actions through the services. Sessions, seat quotas and documentation are shown
and change on the event's pages, whose services keep the event spanning its sessions, the seats
right and the uploaded files checked."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from samverkan.core.admin import HTTPS_URLS, ReadOnlyInline, ServiceModelAdmin, service_action
from samverkan.events import services
from samverkan.events.models import (
    CalendarToken,
    Event,
    EventDocument,
    EventSession,
    Registration,
    SeatQuota,
)
from samverkan.events.services.events import EVENT_FIELDS, EVENT_RELATIONS


class SessionInline(ReadOnlyInline):
    """Shown, not changed: the event runs from its first session to its last, which the
    event's page keeps through services.add_session and remove_session."""

    model = EventSession
    fields = ["title", "starts_at", "ends_at", "place_kind", "room", "address", "online_url"]


class QuotaInline(ReadOnlyInline):
    """Shown, not changed: a quota moves people between seats and the waiting list, which the
    event's page does through services.add_quota and remove_quota."""

    model = SeatQuota
    fields = ["name", "seats", "sectors", "organisations"]


class DocumentInline(ReadOnlyInline):
    """Shown, not changed: uploads and removals go through the event's documentation page
    (services.attach_document and remove_document), which checks the file's kind by its
    content (samverkan.core.uploads) and writes the audit row."""

    model = EventDocument
    fields = ["kind", "title", "file", "is_public", "size", "uploaded_at"]


@admin.register(Event)
class EventAdmin(ServiceModelAdmin):
    """For looking and mending, through create_event and update_event; registrations and seats
    are changed through the pages, whose services keep the capacity and the waiting list
    right."""

    list_display = ["title", "kind", "agreement", "starts_at", "capacity", "is_published", "status"]
    list_filter = ["agreement", "kind", "is_published", "status"]
    search_fields = ["title", "slug", "theme"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["organisers", "areas", "districts"]
    raw_id_fields = ["room", "focus_area", "created_by"]
    inlines = [SessionInline, QuotaInline, DocumentInline]
    formfield_overrides = HTTPS_URLS
    # Publishing opens registration and cancelling tells everyone registered: the services do
    # both (with the audit row), through the actions.
    readonly_fields = ["is_published", "published_at", "status", "cancellation_note"]
    actions = [
        service_action(
            services.set_published,
            name="publish_events",
            description=_("Publish the selected events"),
            done=_("%(count)s events published."),
            argument="event",
            published=True,
        ),
        service_action(
            services.set_published,
            name="unpublish_events",
            description=_("Take the selected events back to draft"),
            done=_("%(count)s events taken back to draft."),
            argument="event",
            published=False,
        ),
        service_action(
            services.cancel_event,
            name="cancel_events",
            description=_("Cancel the selected events"),
            done=_("%(count)s events cancelled."),
            argument="event",
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Once an event exists, seats are taken: a lower capacity is refused and a higher one
        # fills from the waiting list, which services.update_event does on the event's page.
        # Its agreement, address and author stay.
        fields = super().get_readonly_fields(request, obj)
        if obj is None:
            return fields
        return [*fields, "capacity", "agreement", "slug", "created_by", "is_demo"]

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None else super().get_prepopulated_fields(request, obj)

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        writable = {*EVENT_FIELDS, *EVENT_RELATIONS}
        if change:
            changes = {name: data[name] for name in form.changed_data if name in writable}
            services.update_event(event=Event.objects.get(pk=obj.pk), by=request.user, **changes)
            return
        fields = {name: data[name] for name in writable if name in data}
        event = services.create_event(
            agreement=data["agreement"],
            slug=data["slug"],
            is_demo=data["is_demo"],
            by=request.user,
            **fields,
        )
        obj.pk, obj.slug = event.pk, event.slug

    def save_related(self, request, form, formsets, change):
        # The service has set the organisers, areas and districts; the inlines are read-only.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    """Registrations are looked up here and cancelled through the service, which gives the
    freed seat to the waiting list and tells the person promoted. They are made on the event's
    page (services.register: capacity, quotas, the waiting list), so none is added or edited
    here."""

    list_display = ["event", "user", "status", "sector", "quota", "attended", "created_at"]
    list_filter = ["status", "sector", "attended", "event__kind"]
    search_fields = ["event__title", "user__email", "organisation_name"]
    raw_id_fields = ["event", "user", "organisation", "quota"]
    readonly_fields = [f.name for f in Registration._meta.fields]
    actions = [
        service_action(
            services.cancel_registration,
            name="cancel_registrations",
            description=_("Cancel the selected registrations"),
            done=_("%(count)s registrations cancelled."),
            argument="registration",
        )
    ]

    def has_add_permission(self, request):
        return False


@admin.register(CalendarToken)
class CalendarTokenAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at"]
    raw_id_fields = ["user"]
    readonly_fields = ["token"]
