from django.contrib import admin, messages
from django.db import models

from samverkan.core.exceptions import ApplicationError
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


def service_action(service, *, name: str, description, done, argument: str, **extra):
    """An admin action that changes each selected row through its service, with the
    administrator as the actor: the service's rules, audit row and e-mails apply as on the
    site. `argument` is the service's keyword for the row, `done` a message with %(count)s;
    a row the service refuses is reported with the service's reason and the others go on.
    """

    def action(modeladmin, request, queryset):
        count = 0
        for row in queryset:
            try:
                service(**{argument: row}, by=request.user, **extra)
            except ApplicationError as error:
                modeladmin.message_user(request, f"{row}: {error.message}", messages.WARNING)
            else:
                count += 1
        if count:
            modeladmin.message_user(request, done % {"count": count}, messages.SUCCESS)

    action.__name__ = name
    return admin.action(description=description)(action)


@admin.register(AuditEntry)
class AuditEntryAdmin(RecordAdmin):
    list_display = ["created_at", "action", "actor", "content_type", "object_id"]
    list_filter = ["action", "content_type"]
    search_fields = ["action", "object_id", "actor__email"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]
