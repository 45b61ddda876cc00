from django.contrib import admin
from django.db import models

from samverkan.core.models import AuditEntry

# Addresses typed without a scheme are https:// (Django 6's default; says so to Django 5.2).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


class RecordAdmin(admin.ModelAdmin):
    """For rows whose rules live in the services (hosting, numbered paragraphs, recorded
    changes): the admin shows them, the platform's pages change them, so no rule is bypassed."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(RecordAdmin):
    list_display = ["created_at", "action", "actor", "content_type", "object_id"]
    list_filter = ["action", "content_type"]
    search_fields = ["action", "object_id", "actor__email"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]
