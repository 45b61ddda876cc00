"""The pages: booking through the form (and its refusals), the week and day views, one's
organisations' bookings, cancellation with a confirmation page, series, and the sitemap."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.venues.models import Booking, BookingSeries
from samverkan.venues.selectors import week_param
from tests import factories
from tests.venues.factories import BookingFactory, RoomFactory, at

pytestmark = pytest.mark.django_db


def url(name, room, **kwargs):
    return reverse(
        f"venues:{name}",
        kwargs={
            "agreement": room.venue.agreement.slug,
            "venue": room.venue.slug,
            "room": room.slug,
            **kwargs,
        },
    )


def form_data(organisation, days=3, start="14:00", end="16:00", **extra):
    return {
        "organisation": organisation.pk,
        "date": (timezone.localdate() + datetime.timedelta(days=days)).isoformat(),
        "starts_at": start,
        "ends_at": end,
        "purpose": "Styrelsemöte",
        "expected_participants": "8",
        **extra,
    }


def test_an_ombud_books_through_the_form(client, room, civil_org, ombud):
    client.force_login(ombud)

    response = client.post(url("book", room), form_data(civil_org))

    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response.url == booking.get_absolute_url()
    assert booking.organisation == civil_org and booking.booked_by == ombud
    assert client.get(response.url).status_code == 200


def test_a_colliding_booking_is_refused_in_the_form_naming_the_time(client, room, civil_org, ombud):
    BookingFactory(room=room, starts_at=at(3, 14), ends_at=at(3, 16))
    client.force_login(ombud)

    response = client.post(url("book", room), form_data(civil_org, start="15:00", end="17:00"))

    assert response.status_code == 400
    errors = response.context["form"].errors["starts_at"]
    assert "14:00–16:00" in errors[0]
    assert Booking.objects.count() == 1


def test_the_form_offers_only_the_organisations_one_represents(client, room, civil_org, ombud):
    factories.OrganisationFactory()
    client.force_login(ombud)

    response = client.get(url("book", room))

    assert list(response.context["form"].fields["organisation"].queryset) == [civil_org]


def test_booking_for_an_organisation_one_does_not_represent_is_refused(
    client, room, civil_org, ombud
):
    other = factories.OrganisationFactory()
    client.force_login(ombud)

    response = client.post(url("book", room), form_data(other))

    assert response.status_code == 400
    assert "organisation" in response.context["form"].errors
    assert not Booking.objects.exists()


def test_a_member_without_representation_is_told_why_not(client, room):
    client.force_login(factories.UserFactory())

    assert client.get(url("book", room)).status_code == 403


def test_a_visitor_is_asked_to_log_in(client, room):
    response = client.get(url("book", room))

    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_the_week_view_shows_busy_times_but_not_who_booked(client, room):
    organisation = factories.OrganisationFactory(name="Hemliga föreningen")
    BookingFactory(room=room, organisation=organisation, purpose="Hemligt", starts_at=at(7, 14))
    monday = timezone.localdate() + datetime.timedelta(days=7)
    monday -= datetime.timedelta(days=monday.weekday())

    response = client.get(url("room", room), {"vecka": week_param(monday)})

    html = response.content.decode()
    assert response.status_code == 200
    assert "14:00–16:00" in html
    assert "Hemlig" not in html
    assert response.context["monday"] == monday
    assert len(response.context["days"]) == 7


def test_a_bad_week_falls_back_to_this_week(client, room):
    response = client.get(url("room", room), {"vecka": "vecka-99"})

    assert response.status_code == 200
    assert response.context["monday"] <= timezone.localdate()


def test_the_day_view_shows_each_free_hour_and_the_busy_time(client, room):
    BookingFactory(room=room, starts_at=at(2, 10), ends_at=at(2, 12))
    day = timezone.localdate() + datetime.timedelta(days=2)

    response = client.get(url("room_day", room, date=day))

    slots = [
        (timezone.localtime(slot.starts_at).strftime("%H:%M"), slot.is_busy)
        for slot in response.context["day"].slots
    ]
    assert slots[2:5] == [("09:00", False), ("10:00", True), ("12:00", False)]
    assert len(slots) == 15  # open 07–23: 3 free hours, the busy 10–12, 11 free hours


def test_an_impossible_date_is_404(client, room):
    assert client.get(url("room", room) + "dag/2025-02-30/").status_code == 404


def test_a_room_of_another_agreement_is_404(client, room):
    other = RoomFactory()

    response = client.get(
        reverse(
            "venues:room",
            kwargs={
                "agreement": room.venue.agreement.slug,
                "venue": other.venue.slug,
                "room": other.slug,
            },
        )
    )

    assert response.status_code == 404


def test_my_bookings_lists_only_my_organisations(client, room, civil_org, ombud):
    mine = BookingFactory(room=room, organisation=civil_org, starts_at=at(2, 10))
    BookingFactory(room=room, starts_at=at(3, 10))
    client.force_login(ombud)

    response = client.get(
        reverse("venues:my_bookings", kwargs={"agreement": room.venue.agreement.slug})
    )

    assert list(response.context["bookings"]) == [mine]


def test_a_coordinator_pages_through_every_booking_of_the_agreement_in_order(client, room):
    """The list is ordered and counted on the bookings alone and only a page is loaded with its
    rooms and organisations (selectors.with_details): the pages still hold every booking once, in
    order, and none of another agreement."""
    coming = [BookingFactory(room=room, starts_at=at(day, 10)) for day in range(30, 0, -1)]
    coming.sort(key=lambda booking: booking.starts_at)
    past = BookingFactory(room=room, starts_at=at(-2, 10))
    BookingFactory(starts_at=at(1, 12))  # a room of another agreement
    client.force_login(factories.coordinator())
    address = reverse("venues:my_bookings", kwargs={"agreement": room.venue.agreement.slug})

    first, second = client.get(address), client.get(address + "?sida=2")
    earlier = client.get(address + "?tidigare=1")

    assert first.context["bookings"] + second.context["bookings"] == coming
    assert first.context["page"].paginator.count == 30
    assert second.context["bookings"][0].room.venue.name in second.content.decode()
    assert earlier.context["bookings"] == [past]


def test_another_organisations_booking_is_404(client, room, ombud):
    other = BookingFactory(room=room)
    client.force_login(ombud)

    assert client.get(other.get_absolute_url()).status_code == 404
    assert client.post(other.get_absolute_url() + "avboka/").status_code == 404
    assert not Booking.objects.get(pk=other.pk).is_cancelled


def test_cancelling_asks_first_then_cancels(client, room, civil_org, ombud):
    booking = BookingFactory(room=room, organisation=civil_org, starts_at=at(2, 10))
    client.force_login(ombud)
    cancel_url = reverse(
        "venues:booking_cancel", kwargs={"agreement": room.venue.agreement.slug, "pk": booking.pk}
    )

    assert client.get(cancel_url).status_code == 200
    assert not Booking.objects.get(pk=booking.pk).is_cancelled

    response = client.post(cancel_url)

    assert response.status_code == 302
    assert Booking.objects.get(pk=booking.pk).is_cancelled


def test_a_series_is_checked_then_booked_and_its_report_shown(client, room, civil_org, ombud):
    BookingFactory(room=room, starts_at=at(14, 17), ends_at=at(14, 18))
    client.force_login(ombud)
    first = timezone.localdate() + datetime.timedelta(days=7)
    data = {
        "organisation": civil_org.pk,
        "first_date": first.isoformat(),
        "last_date": (first + datetime.timedelta(weeks=2)).isoformat(),
        "starts_at": "17:00",
        "ends_at": "19:00",
        "purpose": "Läxhjälp",
        "expected_participants": "10",
    }

    checked = client.post(url("book_series", room), {**data, "check": "1"})
    assert [d.is_free for d in checked.context["plan"].dates] == [True, False, True]
    assert not BookingSeries.objects.exists()

    booked = client.post(url("book_series", room), {**data, "book": "1"})
    series = BookingSeries.objects.get()
    assert booked.url == series.get_absolute_url()
    page = client.get(booked.url)
    assert [entry["date"] for entry in page.context["skipped"]] == [
        first + datetime.timedelta(weeks=1)
    ]
    assert "17:00–18:00" in page.content.decode()


def test_the_sitemap_lists_venues_rooms_and_figures(client, room):
    xml = client.get("/sitemap.xml").content.decode()

    venue = room.venue
    assert venue.get_absolute_url() in xml
    assert room.get_absolute_url() in xml
    assert url("room", room).replace(f"{room.slug}/", "statistik/") in xml
    assert reverse("venues:list", kwargs={"agreement": venue.agreement.slug}) in xml
