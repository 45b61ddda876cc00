"""People in the admin. Their roles (account status, staff access, administrator rights,
groups) are read-only in the change form and changed on their own page through
services.change_roles, so each change has its audit row, as everywhere else."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samverkan.accounts import permissions, services
from samverkan.accounts.models import User
from samverkan.core.forms import render_form
from samverkan.core.web import save_form

ROLE_FIELDS = ["is_active", "is_staff", "is_superuser", "groups"]


def _label(name):
    return User._meta.get_field(name).verbose_name


def _help(name):
    return User._meta.get_field(name).help_text


class RolesForm(forms.Form):
    is_active = forms.BooleanField(
        label=_label("is_active"), help_text=_help("is_active"), required=False
    )
    is_staff = forms.BooleanField(
        label=_label("is_staff"), help_text=_help("is_staff"), required=False
    )
    is_superuser = forms.BooleanField(
        label=_label("is_superuser"), help_text=_help("is_superuser"), required=False
    )
    groups = forms.ModelMultipleChoiceField(
        label=_label("groups"),
        queryset=Group.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    @classmethod
    def initial_of(cls, user) -> dict:
        return {
            "is_active": user.is_active,
            "is_staff": user.is_staff,
            "is_superuser": user.is_superuser,
            "groups": list(user.groups.all()),
        }


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_active", "is_staff", "is_demo"]
    list_filter = ["is_active", "is_staff", "is_superuser", "groups", "is_demo"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (gettext_lazy("Person"), {"fields": ("first_name", "last_name", "phone")}),
        (
            gettext_lazy("Roles"),
            {"fields": (*ROLE_FIELDS, "user_permissions", "change_roles")},
        ),
        (gettext_lazy("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    readonly_fields = [*ROLE_FIELDS, "user_permissions", "change_roles"]
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)

    @admin.display(description=gettext_lazy("Change roles"))
    def change_roles(self, user):
        if user.pk is None:
            return "-"
        url = reverse("admin:accounts_user_roles", args=[user.pk])
        return format_html('<a href="{}">{}</a>', url, _("Change roles"))

    def get_urls(self):
        return [
            path(
                "<id>/roles/",
                self.admin_site.admin_view(self.roles_view),
                name="accounts_user_roles",
            ),
            *super().get_urls(),
        ]

    def roles_view(self, request, id):
        """The roles of one person, changed through services.change_roles."""
        user = self.get_object(request, id)
        if user is None:
            raise Http404
        if not self.has_change_permission(request, user):
            raise PermissionDenied
        allowed, _reason = permissions.can_change_roles(request.user, user)
        form = RolesForm(request.POST or None, initial=RolesForm.initial_of(user))
        change_url = reverse("admin:accounts_user_change", args=[user.pk])
        if done := save_form(
            request,
            form,
            lambda data: services.change_roles(user=user, by=request.user, **data),
            success=_("The roles of %(person)s have been saved.") % {"person": user},
            redirect_to=change_url,
        ):
            return done
        context = {
            **self.admin_site.each_context(request),
            "title": _("Roles of %(person)s") % {"person": user},
            "opts": self.opts,
            "original": user,
            "form": form,
            "may_change": allowed,
            "change_url": change_url,
        }
        return render_form(request, "admin/accounts/user/roles.html", context, form)
