import csv

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from samverkan.agreements.selectors import get_agreement
from samverkan.core.cache import cached_fragment, cached_value
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
    form = FilterForm(request.GET or None, choices=filter_choices(agreement))
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


def filter_choices(agreement) -> dict:
    """What the filters offer, the same for everyone: read once and kept under the generations
    of the tables it read (core.cache.cached_value), per agreement."""
    return cached_value(
        "collaboration-filter-choices",
        [agreement.pk],
        lambda: selectors.filter_choices(agreement),
        depends_on=[agreement],
    )


@require_safe
def collaboration_list(request, agreement):
    """The public mapping: search, filters, pages; htmx swaps only the results."""
    agreement = get_agreement(agreement)
    form, filters = _filters(request, agreement)
    query = request.GET.copy()
    query.pop("sida", None)
    results = results_html(agreement, filters, request.GET.get("sida"), query.urlencode())
    if request.htmx:
        return HttpResponse(results)
    context = {
        "agreement": agreement,
        "form": form,
        "results": results,
        "can_create": permissions.can_create_collaboration(request.user)[0]
        if request.user.is_authenticated
        else False,
    }
    return render(request, "partnerships/list.html", context)


def results_html(agreement, filters, page_number, query: str) -> str:
    """The count, the page of cards and the links to the other pages: the same for everyone who
    asks for the same filters and page (the list shows public collaborations only), rendered
    without the request and kept as a fragment under the generations of the tables it read
    (core.cache.cached_fragment), so a logged-in visitor does not read and render them again;
    a write to a collaboration, a party, an organisation, an area or a district drops it."""

    def render_results() -> str:
        paginator = Paginator(selectors.search_collaborations(agreement, filters), PAGE_SIZE)
        page = paginator.get_page(page_number)
        page.object_list = selectors.for_list(agreement, page.object_list)
        return render_to_string(
            "partnerships/_results.html", {"agreement": agreement, "page": page, "query": query}
        )

    parts = [agreement.pk, filters, page_number or "", query]
    return cached_fragment("collaboration-results", parts, render_results, depends_on=[agreement])


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
    district. The same for everyone: counted and rendered once per agreement, year and day, and
    kept under the generations of the tables they read (core.cache), so a logged-in visitor
    does not count them again; a write to a collaboration shows at once."""
    agreement = get_agreement(agreement)
    day = timezone.localdate()
    depends_on = [agreement]
    totals = cached_value(
        "collaboration-totals",
        [agreement.pk, day],
        lambda: selectors.figures_by_year(agreement),
        depends_on=depends_on,
    )
    years = [int(row.key) for row in totals]
    try:
        year = int(request.GET.get("ar", ""))
    except ValueError:
        year = None
    if year not in years:
        year = min(day.year, years[-1])

    def render_figures() -> str:
        context = {
            "agreement": agreement,
            "totals": totals,
            "years": list(reversed(years)),
            "year": year,
            "figures": selectors.collaboration_figures(agreement, year),
        }
        return render_to_string("partnerships/_figures.html", context)

    html = cached_fragment(
        "collaboration-figures", [agreement.pk, year, day], render_figures, depends_on=depends_on
    )
    return render(
        request, "partnerships/figures.html", {"agreement": agreement, "figures_html": html}
    )
