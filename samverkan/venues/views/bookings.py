"""Booking a room (once or weekly), one's organisations' bookings, and cancelling them."""

import contextlib
import datetime

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from samverkan.agreements.selectors import get_agreement
from samverkan.core import formatting
from samverkan.core.exceptions import ApplicationError, PermissionDeniedError
from samverkan.core.forms import apply_error, render_form
from samverkan.core.web import check, save_form
from samverkan.venues import permissions, selectors, services
from samverkan.venues.forms import BookingForm, CancelForm, SeriesForm
from samverkan.venues.services.common import format_day, format_time, rules_of

PAGE_SIZE = 25


def _bookable_room(request, agreement, venue, room):
    """The room and the organisations the person may book it for; else the 403 page."""
    room = selectors.get_room(agreement, venue, room)
    check((room.is_bookable, _("%(room)s cannot be booked.") % {"room": room.name}))
    organisations = permissions.organisations_user_may_book_for(request.user, rules_of(room.venue))
    check(permissions.can_book_for_any(request.user, organisations))
    return room, organisations


def _initial(request) -> dict:
    """What a chosen slot fills in: ?datum=2026-12-08&fran=10:00&till=11:00 (the room's week
    links its free slots so). A value that does not parse is left out, not refused."""
    initial = {}
    try:
        initial["date"] = datetime.date.fromisoformat(request.GET.get("datum", ""))
        initial["first_date"] = initial["date"]
    except ValueError:
        pass
    for parameter, field in (("fran", "starts_at"), ("till", "ends_at")):
        with contextlib.suppress(ValueError):
            initial[field] = datetime.time.fromisoformat(request.GET.get(parameter, ""))
    return initial


@login_required
def book(request, agreement, venue, room):
    agreement = get_agreement(agreement)
    room, organisations = _bookable_room(request, agreement, venue, room)
    form = BookingForm(
        request.POST or None, organisations=organisations, room=room, initial=_initial(request)
    )

    if done := save_form(
        request,
        form,
        lambda data: services.book_room(room=room, by=request.user, **form.service_arguments()),
        success=lambda booking: (
            _("%(room)s is booked %(start)s–%(end)s on %(date)s.")
            % {
                "room": room.name,
                "start": format_time(booking.starts_at),
                "end": format_time(booking.ends_at),
                "date": format_day(timezone.localdate(booking.starts_at)),
            }
        ),
    ):
        return done
    return render_form(
        request,
        "venues/booking_form.html",
        {"agreement": agreement, "venue": room.venue, "room": room, "form": form},
        form,
    )


@login_required
def book_series(request, agreement, venue, room):
    """A weekly series. "Check the dates" shows which dates are free and which are not (and
    why) without booking; "Book the free dates" books them and shows the same report."""
    agreement = get_agreement(agreement)
    room, organisations = _bookable_room(request, agreement, venue, room)
    form = SeriesForm(
        request.POST or None, organisations=organisations, room=room, initial=_initial(request)
    )

    def booked(result) -> str:
        free = len(result[1].free)
        return ngettext(
            "%(count)s date of the series is booked.",
            "%(count)s dates of the series are booked.",
            free,
        ) % {"count": free}

    plan = None
    if "book" in request.POST:
        if done := save_form(
            request,
            form,
            lambda data: services.book_weekly_series(
                room=room, by=request.user, **form.service_arguments()
            ),
            success=booked,
            redirect_to=lambda result: result[0],  # the series
        ):
            return done
    elif request.method == "POST" and form.is_valid():
        # Checking the dates writes nothing: the plan is shown, or the reason there is none.
        try:
            plan = services.plan_weekly_series(
                room=room, by=request.user, **form.service_arguments()
            )
        except PermissionDeniedError:
            raise
        except ApplicationError as error:
            apply_error(form, error)
    return render_form(
        request,
        "venues/series_form.html",
        {"agreement": agreement, "venue": room.venue, "room": room, "form": form, "plan": plan},
        form,
    )


def _visible_booking(request, agreement, pk):
    booking = selectors.get_booking(agreement, pk)
    if not permissions.can_see_booking(request.user, booking)[0]:
        # Whose a booking is stays private: to others it does not exist.
        raise Http404(_("There is no booking at this address."))
    return booking


@require_safe
@login_required
def booking_detail(request, agreement, pk):
    agreement = get_agreement(agreement)
    booking = _visible_booking(request, agreement, pk)
    return render(
        request,
        "venues/booking_detail.html",
        {
            "agreement": agreement,
            "booking": booking,
            "room": booking.room,
            "venue": booking.room.venue,
            "can_cancel": permissions.can_cancel_booking(request.user, booking)[0],
        },
    )


@login_required
def booking_cancel(request, agreement, pk):
    """GET asks for confirmation; POST cancels."""
    agreement = get_agreement(agreement)
    booking = _visible_booking(request, agreement, pk)
    check(permissions.can_cancel_booking(request.user, booking))
    form = CancelForm(request.POST if request.method == "POST" else None)
    if done := save_form(
        request,
        form,
        lambda data: services.cancel_booking(booking=booking, by=request.user),
        success=_("The booking of %(room)s on %(date)s is cancelled.")
        % {"room": booking.room.name, "date": formatting.long_date(booking.starts_at)},
        redirect_to=reverse("venues:my_bookings", kwargs={"agreement": agreement.slug}),
    ):
        return done
    return render_form(
        request,
        "venues/booking_cancel.html",
        {
            "agreement": agreement,
            "booking": booking,
            "room": booking.room,
            "venue": booking.room.venue,
            "form": form,
        },
        form,
    )


def _visible_series(request, agreement, pk):
    series = selectors.get_series(agreement, pk)
    if not permissions.can_see_booking(request.user, series)[0]:
        raise Http404(_("There is no booking at this address."))
    return series


@require_safe
@login_required
def series_detail(request, agreement, pk):
    agreement = get_agreement(agreement)
    series = _visible_series(request, agreement, pk)
    return render(
        request,
        "venues/series_detail.html",
        {
            "agreement": agreement,
            "series": series,
            "room": series.room,
            "venue": series.room.venue,
            "bookings": list(series.bookings.all()),
            "skipped": [
                {"date": datetime.date.fromisoformat(entry["date"]), "reason": entry["reason"]}
                for entry in series.skipped
            ],
            "can_cancel": permissions.can_cancel_booking(request.user, series)[0],
        },
    )


@login_required
def series_cancel(request, agreement, pk):
    agreement = get_agreement(agreement)
    series = _visible_series(request, agreement, pk)
    check(permissions.can_cancel_booking(request.user, series))
    form = CancelForm(request.POST if request.method == "POST" else None)

    if done := save_form(
        request,
        form,
        lambda data: services.cancel_series(series=series, by=request.user),
        success=lambda count: (
            ngettext(
                "The series is cancelled: %(count)s coming booking.",
                "The series is cancelled: %(count)s coming bookings.",
                count,
            )
            % {"count": count}
        ),
        redirect_to=series,
    ):
        return done
    return render_form(
        request,
        "venues/series_cancel.html",
        {
            "agreement": agreement,
            "series": series,
            "room": series.room,
            "venue": series.room.venue,
            "form": form,
        },
        form,
    )


@require_safe
@login_required
def my_bookings(request, agreement):
    """The bookings of the organisations the person represents; ?tidigare=1 shows past ones."""
    agreement = get_agreement(agreement)
    past = request.GET.get("tidigare") == "1"
    bookings = selectors.bookings_for(request.user, agreement, upcoming=not past)
    page = Paginator(bookings, PAGE_SIZE).get_page(request.GET.get("sida"))
    page.object_list = selectors.with_details(page.object_list)
    return render(
        request,
        "venues/my_bookings.html",
        {
            "agreement": agreement,
            "page": page,
            "bookings": page.object_list,
            "past": past,
            "query": "tidigare=1" if past else "",
        },
    )
