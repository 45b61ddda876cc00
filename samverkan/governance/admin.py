"""Bodies in the admin: a body's name, seats and quorum rule and its memberships are edited
here; meetings, paragraphs and decisions change through the meeting pages, where the numbering,
quorum and publication rules hold."""

from django.contrib import admin

from samverkan.core.admin import RecordAdmin
from samverkan.governance.models import Body, Meeting, Membership, MinutesParagraph


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user", "organisation"]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "agreement", "city_voting_seats", "civil_voting_seats"]
    list_filter = ["kind", "agreement"]
    inlines = [MembershipInline]


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
