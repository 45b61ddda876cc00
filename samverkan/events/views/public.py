"""The public pages: the calendar, the month view, an event's page and the figures."""

from html import escape

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from samverkan.agreements.selectors import get_agreement
from samverkan.core.formatting import number, short_day_month
from samverkan.events import permissions, selectors
from samverkan.events.models import ParticipantSector


@require_safe
def calendar_list(request, agreement):
    agreement = get_agreement(agreement)
    data = selectors.calendar_page_data(agreement, request.GET, page_number=request.GET.get("sida"))
    data["can_create"] = (
        request.user.is_authenticated and permissions.can_create_event(request.user)[0]
    )
    status = 400 if data["filter"].is_bound and data["filter"].errors else 200
    template = "events/_calendar_results.html" if request.htmx else "events/calendar.html"
    return render(request, template, data, status=status)


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
    agreement = get_agreement(agreement)
    data = selectors.event_page_data(agreement, slug, user=request.user)
    if data is None:
        raise Http404(_("There is no event at this address."))
    return render(request, "events/event_detail.html", data)


def _event_rows(agreement, figures: selectors.ParticipationFigures) -> str:
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
    for f in figures.events:
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
    agreement = get_agreement(agreement)
    year = year or timezone.localdate().year
    if not 1900 <= year <= 2200:
        raise Http404(_("There is no such year."))
    data = selectors.participation_figures(agreement, year)
    return render(
        request,
        "events/figures.html",
        {
            "agreement": agreement,
            "figures": data,
            "event_rows": _event_rows(agreement, data),
            "year": year,
            "sectors": ParticipantSector.choices,
        },
    )
