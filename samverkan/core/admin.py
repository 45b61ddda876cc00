from django.contrib import admin, messages
from django.db import models, transaction
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from samverkan.core.exceptions import ApplicationError
from samverkan.core.models import AuditEntry, EmailDelivery, Notification
from samverkan.core.tasks import retry_deliveries

# Addresses typed without a scheme are https:// (Django 6's default; says so to Django 5.2).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


class ShownNotChanged:
    """The admin shows these rows and changes none of them: their rules live in the services,
    which the platform's pages call, so no rule is bypassed."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RecordAdmin(ShownNotChanged, admin.ModelAdmin):
    """For rows whose rules live in the services (hosting, numbered paragraphs, recorded
    changes): the admin shows them, the platform's pages change them."""


class ReadOnlyInline(ShownNotChanged, admin.TabularInline):
    """A parent's rows shown in its admin page, read only (sessions, quotas, documents,
    modules, hostings …): every field in `fields` is shown, none is a form field."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields


class ServiceModelAdmin(admin.ModelAdmin):
    """For rows an administrator may edit, whose writes go through a service, with the
    administrator as `by`. A subclass either overrides `save_model`, or names the service calls:
    `create(request, cleaned_data)` adds a row, `update(request, row, changes)` changes the
    fields in `changeable` that the form changed, `delete(request, row)` deletes (plain delete
    unless overridden). A refusal of the service (a rule the form cannot see) is shown as an
    error message and nothing is saved or deleted."""

    changeable: tuple[str, ...] | frozenset = ()

    def create(self, request, data):
        raise NotImplementedError(f"{type(self).__name__} names no create service")

    def update(self, request, obj, changes):
        raise NotImplementedError(f"{type(self).__name__} names no update service")

    def delete(self, request, obj):
        super().delete_model(request, obj)

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            changes = {name: data[name] for name in form.changed_data if name in self.changeable}
            self.update(request, type(obj).objects.get(pk=obj.pk), changes)
            return
        row = self.create(request, data)
        obj.pk = row.pk
        if hasattr(row, "slug"):
            obj.slug = row.slug

    def save_related(self, request, form, formsets, change):
        # The service has set the relations; inlines (read-only or not) save as usual.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def delete_model(self, request, obj):
        self.delete(request, obj)

    def delete_queryset(self, request, queryset):
        for row in queryset:
            self.delete(request, row)

    def _refusal_shown(self, view, request, *args):
        try:
            with transaction.atomic():
                return view(request, *args)
        except ApplicationError as error:
            self.message_user(request, str(error.message), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        view = super().changeform_view
        return self._refusal_shown(view, request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        return self._refusal_shown(super().delete_view, request, object_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        # The "delete selected" action runs here.
        return self._refusal_shown(super().changelist_view, request, extra_context)


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


class ReadFilter(admin.SimpleListFilter):
    title = _("read")
    parameter_name = "read"

    def lookups(self, request, model_admin):
        return [("no", _("Unread")), ("yes", _("Read"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(read_at__isnull=self.value() == "no")
        return queryset


@admin.register(Notification)
class NotificationAdmin(RecordAdmin):
    """The notices people have been given (core/notify.py notify_person): what, to whom, read
    or not. Written by the services only."""

    list_display = ["created_at", "recipient", "kind", "title", "read_at"]
    list_filter = ["kind", ReadFilter]
    search_fields = ["recipient__email", "title"]
    list_select_related = ["recipient"]
    readonly_fields = [f.name for f in Notification._meta.fields]
