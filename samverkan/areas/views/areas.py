from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from samverkan.agreements.selectors import get_agreement
from samverkan.areas import permissions, selectors, services
from samverkan.areas.forms import (
    AreaForm,
    EndHostingForm,
    HostAreaForm,
    HostingForm,
    PhaseChangeForm,
)
from samverkan.areas.models import Hosting, PriorityArea
from samverkan.areas.views.common import FIELD_ALIASES
from samverkan.core import formatting
from samverkan.core.cache import cached_value
from samverkan.core.forms import render_form
from samverkan.core.web import check, save_form


def _area(agreement, slug) -> PriorityArea:
    return get_object_or_404(
        PriorityArea.objects.select_related("agreement"), agreement=agreement, slug=slug
    )


@require_safe
def area_list(request, agreement):
    agreement = get_agreement(agreement)
    areas = list(selectors.areas_of(agreement))
    for area in areas:
        area.hosts = selectors.hosts_by_side(area.current_hostings)
    return render(
        request,
        "areas/area_list.html",
        {
            "agreement": agreement,
            "areas": areas,
            "can_create": permissions.can_create_area(request.user)[0],
        },
    )


@require_safe
def area_detail(request, agreement, slug):
    agreement = get_agreement(agreement)
    user = request.user
    # The coordinators manage the hosts of every area: the answer does not depend on which.
    manages_hosts = permissions.can_manage_hosts(user, None)[0]
    page = area_page(
        agreement, slug, show_contact_people=user.is_authenticated, can_manage_hosts=manages_hosts
    )
    if page is None:
        raise Http404(_("There is no priority area at this address."))
    rights = selectors.area_rights(page["host_ids"], user)
    return render(
        request,
        "areas/area_detail.html",
        {
            "agreement": agreement,
            "page": {
                **page,
                # Our templates rendered them, escaped.
                "top": mark_safe(page["top"]),  # nosec B703, B308  # noqa: S308
                "main": mark_safe(page["main"]),  # nosec B703, B308  # noqa: S308
            },
            "can_edit": rights["can_edit"],
            "can_change_phase": rights["can_change_phase"],
        },
    )


def area_page(agreement, slug: str, *, show_contact_people: bool, can_manage_hosts: bool):
    """An area's page but for its actions, which depend on the person: its title and texts for
    the page's head, the users who host it today (who may edit it) and the HTML above and below
    the actions, the same for everyone who sees the contact people (the logged-in) and may
    manage the hosts (the coordinators) alike. Rendered without the request and kept under the
    generations of the tables it read (core.cache.cached_value), per agreement, area, day (what
    runs and what is coming), time zone and those two rights. None when there is no such area."""

    def render_page() -> dict | None:
        data = selectors.area_shared_data(agreement, slug)
        if data is None:
            return None
        context = {
            **data,
            "show_contact_people": show_contact_people,
            "can_manage_hosts": can_manage_hosts,
        }
        area = data["area"]
        return {
            "slug": area.slug,
            "title": area.title,
            "summary": area.summary,
            "description": area.description,
            "host_ids": data["host_ids"],
            "top": str(render_to_string("areas/_area_top.html", context)),
            "main": str(render_to_string("areas/_area_main.html", context)),
        }

    parts = [
        agreement.pk,
        slug,
        timezone.localdate(),
        timezone.get_current_timezone_name(),
        show_contact_people,
        can_manage_hosts,
    ]
    return cached_value("area-page", parts, render_page, depends_on=[agreement])


@login_required
def area_new(request, agreement):
    agreement = get_agreement(agreement)
    check(permissions.can_create_area(request.user))
    form = AreaForm(request.POST or None)
    if done := save_form(
        request,
        form,
        lambda data: services.create_area(agreement=agreement, by=request.user, **data),
        success=_("The priority area has been added."),
        aliases=FIELD_ALIASES,
    ):
        return done
    return render_form(
        request,
        "areas/area_form.html",
        {"agreement": agreement, "area": None, "form": form},
        form,
    )


@login_required
def area_edit(request, agreement, slug):
    agreement = get_agreement(agreement)
    area = _area(agreement, slug)
    check(permissions.can_edit_area(request.user, area))
    form_class = (
        AreaForm if permissions.can_edit_area_settings(request.user, area)[0] else HostAreaForm
    )
    form = form_class(request.POST or None, instance=area)
    if done := save_form(
        request,
        form,
        lambda data: services.update_area(area=area, by=request.user, **data),
        success=_("The changes have been saved."),
        aliases=FIELD_ALIASES,
    ):
        return done
    return render_form(
        request, "areas/area_form.html", {"agreement": agreement, "area": area, "form": form}, form
    )


@login_required
def phase_change(request, agreement, slug):
    agreement = get_agreement(agreement)
    area = _area(agreement, slug)
    check(permissions.can_change_phase(request.user, area))
    form = PhaseChangeForm(request.POST or None, area=area)

    def save(data):
        change = services.change_phase(area=area, by=request.user, **data)
        messages.success(
            request,
            _("The area is now in the phase “%(phase)s”.") % {"phase": change.get_phase_display()},
        )

    if done := save_form(request, form, save, success="", redirect_to=area, aliases=FIELD_ALIASES):
        return done
    return render_form(
        request,
        "areas/phase_form.html",
        {"agreement": agreement, "area": area, "form": form},
        form,
    )


@login_required
def hosting_new(request, agreement, slug):
    agreement = get_agreement(agreement)
    area = _area(agreement, slug)
    check(permissions.can_manage_hosts(request.user, area))
    form = HostingForm(request.POST or None, initial={"side": request.GET.get("sida", "civil")})

    def save(data):
        hosting = services.start_hosting(area=area, by=request.user, **form.service_arguments())
        messages.success(
            request,
            _("%(org)s hosts %(area)s from %(date)s.")
            % {
                "org": hosting.organisation.name,
                "area": area.title,
                "date": formatting.long_date(hosting.starts_on),
            },
        )

    if done := save_form(request, form, save, success="", redirect_to=area, aliases=FIELD_ALIASES):
        return done
    return render_form(
        request,
        "areas/hosting_form.html",
        {"agreement": agreement, "area": area, "form": form},
        form,
    )


@login_required
def hosting_end(request, agreement, slug, pk):
    """GET asks for confirmation (and the last day); POST ends the hosting."""
    agreement = get_agreement(agreement)
    area = _area(agreement, slug)
    hosting = get_object_or_404(
        Hosting.objects.select_related("organisation", "contact_person"), area=area, pk=pk
    )
    check(permissions.can_manage_hosts(request.user, area))
    form = EndHostingForm(request.POST or None)

    def save(data):
        services.end_hosting(hosting=hosting, by=request.user, **data)
        messages.success(
            request,
            _("The hosting of %(org)s ends on %(date)s.")
            % {"org": hosting.organisation.name, "date": formatting.long_date(data["ends_on"])},
        )

    if done := save_form(request, form, save, success="", redirect_to=area, aliases=FIELD_ALIASES):
        return done
    return render_form(
        request,
        "areas/hosting_end.html",
        {"agreement": agreement, "area": area, "hosting": hosting, "form": form},
        form,
    )
