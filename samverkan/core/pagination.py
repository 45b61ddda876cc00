"""The API's page-number pagination: django-ninja's, with the page number bounded.

Without a bound, `?page=224368841559139418112` makes an OFFSET beyond a 64-bit integer and the
database refuses the query (a 500); bounded, it is a 422 like any other invalid parameter.
Every paginated operation uses this class: `@paginate(PageNumberPagination, page_size=…)`.
"""

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination as NinjaPageNumberPagination

# Far beyond the last page of any list here (a million pages of a hundred).
MAX_PAGE = 1_000_000


class PageNumberPagination(NinjaPageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=MAX_PAGE)
