"""Pagination: the API's page numbers, bounded, and a page of a ranked list with its count in
one query.

API: django-ninja's page-number pagination with the page number bounded. Without a bound,
`?page=224368841559139418112` makes an OFFSET beyond a 64-bit integer and the database refuses
the query (a 500); bounded, it is a 422 like any other invalid parameter. Every paginated
operation uses this class: `@paginate(PageNumberPagination, page_size=…)`.
"""

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination as NinjaPageNumberPagination

__all__ = ["MAX_PAGE", "PageNumberPagination", "counted_page"]

# Far beyond the last page of any list here (a million pages of a hundred).
MAX_PAGE = 1_000_000


class PageNumberPagination(NinjaPageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=MAX_PAGE)


def counted_page(queryset: QuerySet, per_page: int, number) -> Page:
    """The page `number` of `queryset`, as `Paginator(queryset, per_page).get_page(number)`
    gives it (the first page for a number that is not one, the last for one out of range), with
    the length of the whole list read by the query that finds the page's rows.

    For a list the database must read whole before it knows its first rows anyway, as a search
    ranked by relevance, where a count of its own reads every match a second time. The rows'
    keys and the count come from one pass (a window COUNT(*) OVER () over the keys only: over
    whole rows the database would hold every wide match aside, spilling to disk), then the
    page's rows by their keys. Not for a list read in the order of an index, whose first page
    needs no more than its rows. A number out of range costs the count and the last page, as
    Paginator does."""
    paginator = Paginator(queryset, per_page)
    try:
        if isinstance(number, float) and not number.is_integer():
            raise ValueError
        wanted = int(number)
    except (TypeError, ValueError):
        wanted = 1
    if 1 <= wanted <= MAX_PAGE:
        bottom = (wanted - 1) * per_page
        keys = (
            queryset.prefetch_related(None)
            .annotate(total_rows=Window(Count("*")))
            .values_list("pk", "total_rows")
        )
        found = list(keys[bottom : bottom + per_page])
        if found or wanted == 1:
            # Paginator.count is a cached_property: given here, nothing counts again.
            paginator.count = found[0][1] if found else 0
            place = {pk: n for n, (pk, _total) in enumerate(found)}
            rows = queryset.filter(pk__in=list(place)) if found else []
            rows = sorted(rows, key=lambda row: place[row.pk])
            return paginator._get_page(rows, wanted, paginator)
    return paginator.get_page(number)
