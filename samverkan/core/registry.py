"""Sections that higher apps contribute to a page of a lower one, without the lower app importing
them: the start page and My pages (core) show each app's block, an organisation's page (actors) each
app's list, an area's page (areas) each app's section.

An app registers, in its AppConfig.ready(), a template and a function that returns the
template's context, e.g.
    DASHBOARD.register("events/_dashboard.html", my_registrations_block, order=20)
The function returns None to leave its section out (nothing to show this person). It should run a
fixed number of queries, so that the page's count does not grow with the data;
`first_and_total` reads a short list and the length of the whole list in one query.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, QuerySet, Subquery, Value, Window

LIMIT = 5  # the items a section lists before its "Show all" link


@dataclass(frozen=True)
class Section:
    template: str
    context: Callable
    order: int


class SectionRegistry:
    """The sections of one kind of page, in their order."""

    def __init__(self) -> None:
        self._sections: list[Section] = []

    def register(self, template: str, context: Callable, *, order: int = 100) -> None:
        """Add a section; registering the same template again (a second ready()) does nothing."""
        if any(section.template == template for section in self._sections):
            return
        self._sections.append(Section(template=template, context=context, order=order))
        self._sections.sort(key=lambda section: (section.order, section.template))

    def __iter__(self):
        """The sections, in their order (for a page that renders some of them its own way)."""
        return iter(list(self._sections))

    def sections(self, *args) -> list[dict]:
        """The context of each section that has something to show, with its `template`."""
        shown = []
        for section in self._sections:
            context = section.context(*args)
            if context is not None:
                shown.append({"template": section.template, **context})
        return shown


def first_and_total(
    queryset: QuerySet, limit: int = LIMIT, *, long: bool = False
) -> tuple[list, int]:
    """The first `limit` rows of `queryset` and how many rows it has, in one query.

    The count is a window over the whole result, read from the first row: cheap for what one
    person has. A `long` list (a queue of everything waiting in the platform) counts in a
    subquery that does not refer to the row instead, which the database works out once
    (PostgreSQL's InitPlan, SQLite's once-only subquery): the limit then applies before the
    joins and the per-row annotations, which a window count would make for every row. Not the
    default, as compiling the query twice costs a short list more than it saves."""
    if not long:
        rows = list(queryset.annotate(total_rows=Window(Count("*")))[:limit])
    else:
        count = queryset.order_by().annotate(one=Value(1)).values("one").annotate(n=Count("*"))
        total = Subquery(count.values("n"), output_field=IntegerField())
        rows = list(queryset.annotate(total_rows=total)[:limit])
    return rows, (rows[0].total_rows if rows else 0)


@dataclass(frozen=True)
class Viewer:
    """The person My pages is about, with what every block needs to know once: whether they are
    a coordinator, and the agreement whose pages the blocks' "Show all" links lead to."""

    user: object
    is_coordinator: bool
    agreement: object | None
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def remember(self, key: str, compute: Callable):
        """`compute()` once per page: what several blocks need (the person's organisations)."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]


def same_for_every_coordinator(context: Callable) -> Callable:
    """Mark a DASHBOARD section whose block is the same for every coordinator: its function
    reads only `viewer.agreement` and `viewer.is_coordinator` (never `viewer.user`), and its
    template no person, request or form. My pages renders it once for all the coordinators and
    keeps it under the generations of the tables it read (site.views.coordinator_blocks)."""
    context.same_for_every_coordinator = True
    return context


# My pages (site:dashboard): context(viewer) -> dict | None
DASHBOARD = SectionRegistry()

# The start page (site:home): context(agreement, user) -> dict | None, one query as a rule: the
# most visited page costs the same whatever the data (tests/budgets holds it to that). The blocks
# are the same for everyone: they are rendered for an anonymous `user`, without the request, and
# kept as one fragment under the generations of the tables they read (site.views.start_blocks);
# what belongs to the person goes on My pages (DASHBOARD).
START_PAGE = SectionRegistry()
