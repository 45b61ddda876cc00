import csv

from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from samverkan.agreements.selectors import get_agreement
from samverkan.core.exports import safe_row
from samverkan.core.links import absolute_url
from samverkan.partnerships import permissions, selectors
from samverkan.partnerships.forms import FilterForm

PAGE_SIZE = 20

CSV_COLUMNS = [
    gettext_lazy("Title"),
    gettext_lazy("Kind"),
    gettext_lazy("Status"),
    gettext_lazy("From"),
    gettext_lazy("Until"),
    gettext_lazy("Year of the mapping"),
    gettext_lazy("Parties"),
    gettext_lazy("Priority areas"),
    gettext_lazy("Districts"),
    gettext_lazy("Description"),
    gettext_lazy("Results"),
    gettext_lazy("Page"),
]


def _filters(request, agreement):
    form = FilterForm(request.GET or None, choices=selectors.filter_choices(agreement))
    # An unknown filter value (an old link, a typo) is dropped, not an error page.
    data = {}
    if form.is_bound:
        form.is_valid()
        data = form.cleaned_data
    filters = selectors.CollaborationFilters(
        **{
            name: (value.strip() if isinstance(value, str) else value)
            for name, value in data.items()
            if value not in (None, "")
        }
    )
    return form, filters


@require_safe
def collaboration_list(request, agreement):
    """The public mapping: search, filters, pages; htmx swaps only the results."""
    agreement = get_agreement(agreement)
    form, filters = _filters(request, agreement)
    paginator = Paginator(selectors.search_collaborations(agreement, filters), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("sida"))
    page.object_list = selectors.for_list(agreement, page.object_list)
    query = request.GET.copy()
    query.pop("sida", None)

    context = {
        "agreement": agreement,
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "can_create": permissions.can_create_collaboration(request.user)[0]
        if request.user.is_authenticated
        else False,
    }
    template = "partnerships/_results.html" if request.htmx else "partnerships/list.html"
    return render(request, template, context)


class _Echo:
    def write(self, value):
        return value


@require_safe
def collaboration_csv(request, agreement):
    """The filtered list as CSV: UTF-8 with a byte-order mark so Excel reads å, ä, ö, and
    semicolons between the fields, as Swedish Excel expects."""
    agreement = get_agreement(agreement)
    _form, filters = _filters(request, agreement)
    collaborations = selectors.search_collaborations(agreement, filters)
    writer = csv.writer(_Echo(), delimiter=";")

    def rows():
        yield "\ufeff"
        yield writer.writerow([str(label) for label in CSV_COLUMNS])
        for c in collaborations.iterator(chunk_size=200):
            yield writer.writerow(
                safe_row(
                    [
                        c.title,
                        c.get_kind_display(),
                        c.get_status_display(),
                        c.starts_on.isoformat() if c.starts_on else "",
                        c.ends_on.isoformat() if c.ends_on else "",
                        c.mapping_year,
                        ", ".join(
                            f"{p.organisation.name} ({p.get_role_display()})"
                            for p in c.parties.all()
                        ),
                        ", ".join(a.title for a in c.areas.all()),
                        ", ".join(d.name for d in c.districts.all()),
                        c.description,
                        c.results,
                        absolute_url(c.get_absolute_url()),
                    ]
                )
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="samarbeten-{agreement.slug}.csv"'
    return response


@require_safe
def collaboration_detail(request, agreement, slug):
    agreement = get_agreement(agreement)
    data = selectors.collaboration_page_data(agreement, slug, user=request.user)
    if data is None:
        raise Http404(_("There is no collaboration at this address."))
    return render(request, "partnerships/detail.html", data)


@require_safe
def figures(request, agreement):
    """The figures of the mapping: totals per year and, for one year, by kind, area and
    district."""
    agreement = get_agreement(agreement)
    totals = selectors.figures_by_year(agreement)
    years = [int(row.key) for row in totals]
    try:
        year = int(request.GET.get("ar", ""))
    except ValueError:
        year = None
    if year not in years:
        year = min(timezone.localdate().year, years[-1])
    return render(
        request,
        "partnerships/figures.html",
        {
            "agreement": agreement,
            "totals": totals,
            "years": list(reversed(years)),
            "year": year,
            "figures": selectors.collaboration_figures(agreement, year),
        },
    )
