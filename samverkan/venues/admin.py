"""The centre in Django's admin. Bookings and visitor counts are written through the services
(the same rules and audit trail as the pages); the admin lists them and cancels bookings."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from samverkan.core.admin import ServiceModelAdmin, service_action
from samverkan.venues import permissions, services
from samverkan.venues.models import (
    Booking,
    BookingRules,
    BookingSeries,
    ClosedDay,
    OpeningHours,
    Room,
    Venue,
    VisitorCount,
)


class RoomInline(admin.TabularInline):
    model = Room
    extra = 0
    prepopulated_fields = {"slug": ["name"]}


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class ClosedDayInline(admin.TabularInline):
    model = ClosedDay
    extra = 0


class BookingRulesInline(admin.StackedInline):
    model = BookingRules
    can_delete = False


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ["name", "agreement", "street_address", "city", "is_demo"]
    list_filter = ["agreement", "is_demo"]
    search_fields = ["name", "street_address"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [BookingRulesInline, OpeningHoursInline, ClosedDayInline, RoomInline]


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["name", "venue", "capacity", "is_bookable"]
    list_filter = ["venue", "is_bookable"]
    search_fields = ["name", "venue__name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(OpeningHours)
class OpeningHoursAdmin(admin.ModelAdmin):
    list_display = ["venue", "weekday", "opens_at", "closes_at"]
    list_filter = ["venue"]


@admin.register(BookingRules)
class BookingRulesAdmin(admin.ModelAdmin):
    list_display = [
        "venue",
        "longest_booking",
        "days_ahead",
        "minimum_notice",
        "civil_society_may_book",
        "city_may_book",
    ]


cancel_bookings = service_action(
    services.cancel_booking,
    name="cancel_bookings",
    description=_("Cancel the selected bookings"),
    done=_("%(count)s bookings cancelled."),
    argument="booking",
)


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    """Bookings are made on the site (the booking form) so the rules apply; here they are
    looked up and cancelled."""

    list_display = ["room", "starts_at", "ends_at", "organisation", "purpose", "status"]
    list_filter = ["status", "room__venue", "room", "is_demo"]
    search_fields = ["purpose", "organisation__name"]
    date_hierarchy = "starts_at"
    list_select_related = ["room__venue", "organisation"]
    raw_id_fields = ["organisation", "booked_by", "cancelled_by", "series"]
    readonly_fields = [f.name for f in Booking._meta.fields]
    actions = [cancel_bookings]

    def has_add_permission(self, request):
        return False


@admin.register(BookingSeries)
class BookingSeriesAdmin(admin.ModelAdmin):
    list_display = ["room", "organisation", "first_date", "last_date", "starts_at", "purpose"]
    list_filter = ["room__venue"]
    list_select_related = ["room__venue", "organisation"]
    readonly_fields = [f.name for f in BookingSeries._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(VisitorCount)
class VisitorCountAdmin(ServiceModelAdmin):
    list_display = ["venue", "date", "visitors", "source"]
    list_filter = ["venue", "source", "is_demo"]
    date_hierarchy = "date"
    fields = ["venue", "date", "visitors"]

    def get_readonly_fields(self, request, obj=None):
        # A count is corrected for its day; another day is counted as a new row.
        return ["venue", "date"] if obj else []

    def has_add_permission(self, request):
        return permissions.can_record_visitors(request.user)[0]

    def has_change_permission(self, request, obj=None):
        return permissions.can_record_visitors(request.user)[0]

    def save_model(self, request, obj, form, change):
        services.record_visitor_count(
            venue=obj.venue, date=obj.date, visitors=obj.visitors, by=request.user
        )
