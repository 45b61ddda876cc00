"""The staff's page for visitor counts: one day by hand, or a door counter's CSV file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from samverkan.core import formatting
from samverkan.core.exceptions import ApplicationError
from samverkan.core.forms import apply_error, render_form
from samverkan.venues import permissions, selectors, services
from samverkan.venues.forms import VisitorCountForm, VisitorImportForm
from samverkan.venues.models import VisitorCount
from samverkan.venues.views.common import forbidden, get_agreement

RECENT = 14


def _page(request, agreement, venue, *, count_form, import_form, import_errors=()):
    return render_form(
        request,
        "venues/visitors.html",
        {
            "agreement": agreement,
            "venue": venue,
            "count_form": count_form,
            "import_form": import_form,
            "import_errors": list(import_errors),
            "recent": list(VisitorCount.objects.filter(venue=venue).order_by("-date")[:RECENT]),
        },
        count_form,
        import_form,
    )


def _staff_venue(request, agreement, venue):
    venue = selectors.get_venue(agreement, venue)
    allowed, reason = permissions.can_record_visitors(request.user, venue)
    return venue, (None if allowed else forbidden(request, reason))


@login_required
def visitors(request, agreement, venue):
    agreement = get_agreement(agreement)
    venue, refusal = _staff_venue(request, agreement, venue)
    if refusal:
        return refusal
    form = VisitorCountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.record_visitor_count(venue=venue, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(
                request,
                _("%(visitors)s visitors recorded for %(date)s.")
                % {
                    "visitors": formatting.number(count.visitors),
                    "date": formatting.long_date(count.date),
                },
            )
            return redirect("venues:visitors", agreement=agreement.slug, venue=venue.slug)
    return _page(
        request,
        agreement,
        venue,
        count_form=form,
        import_form=VisitorImportForm(),
    )


@login_required
def visitors_import(request, agreement, venue):
    agreement = get_agreement(agreement)
    venue, refusal = _staff_venue(request, agreement, venue)
    if refusal:
        return refusal
    if request.method != "POST":
        return redirect("venues:visitors", agreement=agreement.slug, venue=venue.slug)
    form = VisitorImportForm(request.POST, request.FILES)
    errors = []
    if form.is_valid():
        try:
            result = services.import_visitor_counts(
                venue=venue, content=form.cleaned_data["file"].read(), by=request.user
            )
        except services.VisitorImportError as error:
            apply_error(form, error)
            errors = error.errors
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(
                request,
                _("Imported %(created)s new days and updated %(updated)s days.")
                % {"created": result.created, "updated": result.updated},
            )
            return redirect("venues:visitors", agreement=agreement.slug, venue=venue.slug)
    return _page(
        request,
        agreement,
        venue,
        count_form=VisitorCountForm(),
        import_form=form,
        import_errors=errors,
    )
