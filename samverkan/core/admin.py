from django.contrib import admin, messages
from django.db import models, transaction
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from samverkan.core.exceptions import ApplicationError
from samverkan.core.models import AuditEntry, EmailDelivery
from samverkan.core.tasks import retry_deliveries

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


class ServiceModelAdmin(admin.ModelAdmin):
    """For rows an administrator may edit, whose writes go through a service: `save_model`
    calls the service with `by=request.user`. A refusal of the service (a rule the form cannot
    see) is shown as an error message and nothing of the form is saved."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            with transaction.atomic():
                return super().changeform_view(request, object_id, form_url, extra_context)
        except ApplicationError as error:
            self.message_user(request, str(error.message), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


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


@admin.register(EmailDelivery)
class EmailDeliveryAdmin(RecordAdmin):
    """Every e-mail the platform has sent or tried to send (core/notify.py): what failed, how
    often, and the mail server's last answer. "Retry" queues the chosen ones again."""

    list_display = ["created_at", "to", "subject", "status", "attempts", "next_attempt_at"]
    list_filter = ["status"]
    search_fields = ["to", "subject"]
    readonly_fields = [f.name for f in EmailDelivery._meta.fields]
    actions = ["retry"]

    @admin.action(description=_("Retry sending the selected e-mails"))
    def retry(self, request, queryset):
        count = retry_deliveries(queryset)
        self.message_user(
            request,
            ngettext("%(count)d e-mail queued again.", "%(count)d e-mails queued again.", count)
            % {"count": count},
        )
