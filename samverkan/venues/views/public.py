"""Public pages: venues, rooms with their availability by week and day, and the figures."""

import datetime
from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from samverkan.agreements.selectors import get_agreement
from samverkan.core.cache import cached_value
from samverkan.venues import permissions, selectors
from samverkan.venues.forms import YearForm
from samverkan.venues.services.common import rules_of

WEEK = datetime.timedelta(days=7)


@require_safe
def venue_list(request, agreement):
    agreement = get_agreement(agreement)
    return render(
        request,
        "venues/venue_list.html",
        {"agreement": agreement, "venues": list(selectors.venues_of(agreement))},
    )


@require_safe
def venue_detail(request, agreement, venue):
    agreement = get_agreement(agreement)
    venue = selectors.get_venue(agreement, venue)
    return render(
        request,
        "venues/venue_detail.html",
        {"agreement": agreement, **selectors.venue_page_data(venue)},
    )


def _link_free_slots(request, room, days) -> str:
    """Point every free slot that can be chosen at the booking form, filled in with its date and
    times; for a visitor, at the login page that leads there. Returns why the slots are not
    links when the person may not book (empty otherwise)."""
    venue_rules = rules_of(room.venue)
    allowed, reason = permissions.can_book_rooms(request.user, venue_rules)
    visitor = not request.user.is_authenticated
    venue = room.venue
    book_url = reverse(
        "venues:book",
        kwargs={"agreement": venue.agreement.slug, "venue": venue.slug, "room": room.slug},
    )
    if not (allowed or visitor):
        return reason
    for day in days:
        for slot in day.slots:
            if not slot.can_be_chosen:
                continue
            query = urlencode(
                {
                    "datum": day.date.isoformat(),
                    "fran": timezone.localtime(slot.starts_at).strftime("%H:%M"),
                    "till": timezone.localtime(slot.ends_at).strftime("%H:%M"),
                }
            )
            slot.href = f"{book_url}?{query}"
            if visitor:
                slot.href = f"{reverse('account_login')}?{urlencode({'next': slot.href})}"
    return ""


@require_safe
def room_week(request, agreement, venue, room):
    """The room and its week, day by day: opening hours and busy and free slots, a free slot a
    link to book it; ?vecka=2025-W10 moves."""
    agreement = get_agreement(agreement)
    room = selectors.get_room(agreement, venue, room)
    monday = selectors.parse_week(request.GET.get("vecka"))
    days = selectors.availability(room, monday, 7)
    now = timezone.now()
    for day in days:
        day.slots = selectors.choosable_slots(day, rules_of(room.venue), now)
    cannot_book = _link_free_slots(request, room, days) if room.is_bookable else ""
    year, week, _day = monday.isocalendar()
    return render(
        request,
        "venues/room_week.html",
        {
            "agreement": agreement,
            "venue": room.venue,
            "room": room,
            "days": days,
            "cannot_book": cannot_book,
            "monday": monday,
            "sunday": monday + datetime.timedelta(days=6),
            "week_number": week,
            "week_year": year,
            "previous_week": selectors.week_param(monday - WEEK),
            "next_week": selectors.week_param(monday + WEEK),
            "this_week": selectors.week_param(selectors.monday_of(timezone.localdate())),
        },
    )


@require_safe
def room_day(request, agreement, venue, room, date):
    """One day of a room, hour by hour, a free hour a link to book it (as in the week)."""
    agreement = get_agreement(agreement)
    room = selectors.get_room(agreement, venue, room)
    day = selectors.availability(room, date, 1)[0]
    day.slots = selectors.choosable_slots(day, rules_of(room.venue), timezone.now())
    cannot_book = _link_free_slots(request, room, [day]) if room.is_bookable else ""
    return render(
        request,
        "venues/room_day.html",
        {
            "agreement": agreement,
            "venue": room.venue,
            "room": room,
            "day": day,
            "cannot_book": cannot_book,
            "previous_day": date - datetime.timedelta(days=1),
            "next_day": date + datetime.timedelta(days=1),
            "week": selectors.week_param(selectors.monday_of(date)),
        },
    )


@require_safe
def figures(request, agreement, venue):
    """The centre's figures of a year (?ar=2022): aggregates only."""
    agreement = get_agreement(agreement)
    venue = selectors.get_venue(agreement, venue)
    form = YearForm(request.GET or None)
    year = form.cleaned_data["ar"] if form.is_valid() else timezone.localdate().year
    # The same for everyone: kept like a fragment (core.cache.cached_value) until a table the
    # aggregates read is written to, or the page cache's lifetime at most (meetings held end by
    # the clock), so that a logged-in visitor does not run the four aggregates again.
    parts = [venue.pk, year, timezone.localdate(), timezone.get_current_timezone_name()]
    data = cached_value(
        "venue-figures", parts, lambda: selectors.figures(venue, year), depends_on=[venue]
    )
    return render(
        request,
        "venues/figures.html",
        {
            "agreement": agreement,
            "venue": venue,
            "figures": data,
            "year": year,
            "form": form,
            "max_sector": max((row["meetings"] for row in data.by_sector), default=0),
        },
    )
