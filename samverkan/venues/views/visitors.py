"""The staff's page for visitor counts: one day by hand, or a door counter's CSV file."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from samverkan.agreements.selectors import get_agreement
from samverkan.core import formatting
from samverkan.core.forms import render_form
from samverkan.core.web import check, save_form
from samverkan.venues import permissions, selectors, services
from samverkan.venues.forms import VisitorCountForm, VisitorImportForm
from samverkan.venues.models import VisitorCount

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
    check(permissions.can_record_visitors(request.user, venue))
    return venue


def _visitors_url(agreement, venue) -> str:
    return reverse("venues:visitors", kwargs={"agreement": agreement.slug, "venue": venue.slug})


@login_required
def visitors(request, agreement, venue):
    agreement = get_agreement(agreement)
    venue = _staff_venue(request, agreement, venue)
    form = VisitorCountForm(request.POST or None)

    if done := save_form(
        request,
        form,
        lambda data: services.record_visitor_count(venue=venue, by=request.user, **data),
        success=lambda count: (
            _("%(visitors)s visitors recorded for %(date)s.")
            % {
                "visitors": formatting.number(count.visitors),
                "date": formatting.long_date(count.date),
            }
        ),
        redirect_to=_visitors_url(agreement, venue),
    ):
        return done
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
    venue = _staff_venue(request, agreement, venue)
    if request.method != "POST":
        return redirect(_visitors_url(agreement, venue))
    form = VisitorImportForm(request.POST, request.FILES)
    errors = []

    def save(data):
        try:
            return services.import_visitor_counts(
                venue=venue, content=data["file"].read(), by=request.user
            )
        except services.VisitorImportError as error:
            errors.extend(error.errors)  # every bad line, listed under the form
            raise

    if done := save_form(
        request,
        form,
        save,
        success=lambda result: (
            _("Imported %(created)s new days and updated %(updated)s days.")
            % {"created": result.created, "updated": result.updated}
        ),
        redirect_to=_visitors_url(agreement, venue),
    ):
        return done
    return _page(
        request,
        agreement,
        venue,
        count_form=VisitorCountForm(),
        import_form=form,
        import_errors=errors,
    )
