"""The public pages: the calendar, the month view, an event's page and the figures."""

from html import escape

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from samverkan.agreements.selectors import get_agreement
from samverkan.core.cache import cache_seconds, cached_value
from samverkan.core.formatting import number, short_day_month
from samverkan.events import permissions, selectors
from samverkan.events.forms import FiguresFilterForm
from samverkan.events.models import Event, ParticipantSector


@require_safe
def calendar_list(request, agreement):
    """The coming (or earlier) events, filtered and paged. The filters and the list are the
    same for everyone who asks with the same query string: kept as one value (calendar_shared),
    so a logged-in request renders only what is its own (the button to create an event)."""
    agreement = get_agreement(agreement)
    shared = calendar_shared(agreement, request.path, request.GET)
    if request.htmx:
        return HttpResponse(shared["results"], status=shared["status"])
    can_create = request.user.is_authenticated and permissions.can_create_event(request.user)[0]
    context = {
        "agreement": agreement,
        "when": shared["when"],
        "filters_html": mark_safe(shared["filters"]),  # nosec B703, B308  # noqa: S308
        "results_html": mark_safe(shared["results"]),  # nosec B703, B308  # noqa: S308
        "can_create": can_create,
    }
    return render(request, "events/calendar.html", context, status=shared["status"])


def calendar_shared(agreement, path: str, params) -> dict:
    """The calendar's filters and list as HTML, with the page's status and whether it lists
    earlier events: rendered without the request (so without the person or a CSRF token) and
    kept under the generations of the tables they read (core.cache.cached_value), per
    agreement, address with query string, language (in the key), day and time zone."""

    def render_shared() -> dict:
        data = selectors.calendar_page_data(agreement, params, page_number=params.get("sida"))
        context = {**data, "path": path, "htmx_target": "#calendar-results"}
        return {
            "status": 400 if data["filter"].is_bound and data["filter"].errors else 200,
            "when": data["when"],
            "filters": str(render_to_string("events/_filters.html", context)),
            "results": str(render_to_string("events/_calendar_results.html", context)),
        }

    parts = [
        agreement.pk,
        path,
        params.urlencode(),
        timezone.localdate(),
        timezone.get_current_timezone_name(),
    ]
    return cached_value("events-calendar", parts, render_shared, depends_on=[agreement])


@require_safe
def calendar_month(request, agreement, year=None, month=None):
    agreement = get_agreement(agreement)
    if year is None:
        today = timezone.localdate()
        year, month = today.year, today.month
    if not (1 <= month <= 12 and 1900 <= year <= 2200):
        raise Http404(_("There is no such month."))
    data = selectors.month_page_data(agreement, year, month, request.GET)
    status = 400 if data["filter"].is_bound and data["filter"].errors else 200
    return render(request, "events/month.html", data, status=status)


@require_safe
def event_detail(request, agreement, slug):
    """An event's page. What is the same for everyone (the facts, sessions, seats and public
    documents) is kept as event_shared keeps it; a request reads and renders only what is the
    person's own: their registration, its buttons, and the organisers' forms."""
    agreement = get_agreement(agreement)
    shared = event_shared(agreement, slug)
    if shared is None:
        raise Http404(_("There is no event at this address."))
    data = selectors.viewer_data(agreement, shared["event"], shared["seats"], user=request.user)
    if data is None:
        raise Http404(_("There is no event at this address."))
    if data["can_manage"] or data["online_links"]:
        parts = event_parts(
            agreement, shared, manage=data["can_manage"], online=data["online_links"]
        )
    else:
        parts = shared["parts"]
    data["parts"] = {name: mark_safe(html) for name, html in parts.items()}  # noqa: S308  # nosec
    return render(request, "events/event_detail.html", data)


def _day_and_zone() -> list:
    return [timezone.localdate(), timezone.get_current_timezone_name()]


def event_shared(agreement, slug: str) -> dict | None:
    """The event with its details and seats, and its page's parts as everyone sees them (not
    those who run it, not those registered with the link to an online meeting): kept under the
    generations of the tables read (core.cache.cached_value), per agreement, event, language,
    day and time zone. Holds nothing of a person: rendered without the request. None when there
    is no such event."""

    def compute() -> dict | None:
        event = selectors.event_with_details(
            Event.objects.filter(agreement=agreement, slug=slug), all_documents=True
        ).first()
        if event is None:
            return None
        seats = selectors.seat_summary(event)
        return {
            "event": event,
            "seats": seats,
            "parts": _render_parts(agreement, event, seats, manage=False, online=False),
        }

    return cached_value(
        "event-page", [agreement.pk, slug, *_day_and_zone()], compute, depends_on=[agreement]
    )


def event_parts(agreement, shared: dict, *, manage: bool, online: bool) -> dict:
    """The page's shared parts as those who run the event see them (`manage`: the sessions'
    remove links and the documents that are not public) or as those registered see them
    (`online`: the links to the online meetings). The same for everyone of each kind, kept per
    kind: the kind is part of the key, and who is of which kind is checked per request."""

    slug = shared["event"].slug

    def compute() -> dict:
        # Read through event_shared again when it is kept (at no cost then): its tables count as
        # read by these parts too, so a write that drops it drops them.
        again = (event_shared(agreement, slug) if cache_seconds() > 0 else None) or shared
        return _render_parts(agreement, again["event"], again["seats"], manage, online)

    parts = [agreement.pk, slug, manage, online, *_day_and_zone()]
    return cached_value("event-page-parts", parts, compute, depends_on=[agreement])


def _render_parts(agreement, event, seats, manage: bool, online: bool) -> dict:
    context = {
        "agreement": agreement,
        "event": event,
        "seats": seats,
        "can_manage": manage,
        "online_links": online,
        "documents": [d for d in event.document_list if d.is_public or manage],
    }
    return {
        "top": str(render_to_string("events/_event_top.html", context)),
        "seats": str(render_to_string("events/_event_seats.html", context)),
        "documents": str(render_to_string("events/_event_documents.html", context)),
    }


def _event_rows(agreement, events: list[selectors.EventFigures]) -> str:
    """The event-by-event table's rows as HTML, written here rather than by a template loop: a
    year has thousands of events, and the loop's five lookups per row, a reverse(), a date
    format and seven filtered cells per row were most of the page's time. The addresses come
    from one reverse(), the days are formatted once per date, each count once."""
    address = selectors.event_addresses(agreement)
    days: dict = {}
    # Most counts are small numbers seen many times: each is written once.
    written: dict = {}
    sectors = selectors.SECTORS
    tz = timezone.get_current_timezone()
    rows = []
    for f in events:
        event = f.event
        date = event.starts_at.astimezone(tz).date()  # timezone.localdate, the zone read once
        day = days.get(date)
        if day is None:
            day = days[date] = escape(short_day_month(date))
        counts = [f.registered, f.attended, *(f.attended_by_sector[s] for s in sectors)]
        for n in counts:
            if n not in written:
                # number() writes digits, a sign and the language's separators: nothing to escape.
                written[n] = f"<td>{number(n)}</td>"
        cells = "".join(written[n] for n in counts)
        rows.append(
            f'\n    <tr data-event="{escape(event.slug)}"><th scope="row">'
            f'<a href="{escape(address(event.slug))}">{escape(event.title)}</a></th>'
            f"<td>{day}</td>{cells}</tr>\n    "
        )
    # Every value above is escaped (html.escape: what the templates' autoescape does, without
    # its per-call overhead) or is a number's digits.
    return mark_safe("".join(rows))  # nosec B703, B308  # noqa: S308


@require_safe
def figures(request, agreement, year=None):
    """The year's participation: the totals by sector and kind of event (the same for everyone:
    kept as core.cache.cached_value keeps them, until a write to the events or registrations),
    and the events one page at a time, searched by title and kind. The API's figures and the
    annual report's spreadsheet carry every event."""
    agreement = get_agreement(agreement)
    year = year or timezone.localdate().year
    if not 1900 <= year <= 2200:
        raise Http404(_("There is no such year."))
    totals = cached_value(
        "event-figures-totals",
        [agreement.pk, year],
        lambda: selectors.year_totals(agreement, year),
        depends_on=[agreement],
    )
    form = FiguresFilterForm(request.GET)
    listed = selectors.figures_events_page(
        agreement, year, form, page_number=request.GET.get("sida"), event_count=totals.event_count
    )
    return render(
        request,
        "events/figures.html",
        {
            "agreement": agreement,
            "figures": totals,
            "form": form,
            "searched": bool(listed["query"]),
            "page": listed["page"],
            "query": listed["query"],
            "event_rows": _event_rows(agreement, listed["events"]),
            "year": year,
            "sectors": ParticipantSector.choices,
        },
    )
