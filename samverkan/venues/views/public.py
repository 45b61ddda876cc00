"""Public pages: venues, rooms with their availability by week and day, and the figures."""

import datetime

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from samverkan.venues import selectors
from samverkan.venues.forms import YearForm
from samverkan.venues.views.common import get_agreement

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


@require_safe
def room_week(request, agreement, venue, room):
    """The room and its week: opening hours, busy and free times; ?vecka=2025-W10 moves."""
    agreement = get_agreement(agreement)
    room = selectors.get_room(agreement, venue, room)
    monday = selectors.parse_week(request.GET.get("vecka"))
    days = selectors.availability(room, monday, 7)
    year, week, _day = monday.isocalendar()
    return render(
        request,
        "venues/room_week.html",
        {
            "agreement": agreement,
            "venue": room.venue,
            "room": room,
            "days": days,
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
    """One day of a room, hour by hour."""
    agreement = get_agreement(agreement)
    room = selectors.get_room(agreement, venue, room)
    day = selectors.availability(room, date, 1)[0]
    return render(
        request,
        "venues/room_day.html",
        {
            "agreement": agreement,
            "venue": room.venue,
            "room": room,
            "day": day,
            "slots": selectors.hour_slots(day),
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
    data = selectors.figures(venue, year)
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
