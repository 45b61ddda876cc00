"""The room's week: every free slot is a link to the booking form with the room, the date and
the times filled in (for a visitor, the login page that leads there); a busy slot is not a link
and says nothing of who booked it."""

import datetime
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.venues.selectors import week_param
from tests import factories
from tests.venues.factories import BookingFactory, at

pytestmark = pytest.mark.django_db

IN_THREE_DAYS = timezone.localdate() + datetime.timedelta(days=3)


def book_url(room):
    venue = room.venue
    return reverse(
        "venues:book",
        kwargs={"agreement": venue.agreement.slug, "venue": venue.slug, "room": room.slug},
    )


def week_of(client, room, day=IN_THREE_DAYS):
    monday = day - datetime.timedelta(days=day.weekday())
    response = client.get(room.get_absolute_url(), {"vecka": week_param(monday)})
    assert response.status_code == 200
    return next(d for d in response.context["days"] if d.date == day)


def slot_at(day, hour):
    return next(s for s in day.slots if timezone.localtime(s.starts_at).hour == hour)


def test_a_free_slot_links_to_the_booking_form_with_date_and_times(client, room, ombud):
    client.force_login(ombud)

    slot = slot_at(week_of(client, room), 10)

    address = urlparse(slot.href)
    assert address.path == book_url(room)
    assert parse_qs(address.query) == {
        "datum": [IN_THREE_DAYS.isoformat()],
        "fran": ["10:00"],
        "till": ["11:00"],
    }


def test_the_free_slots_link_is_in_the_page(client, room, ombud):
    client.force_login(ombud)
    slot = slot_at(week_of(client, room), 10)
    monday = IN_THREE_DAYS - datetime.timedelta(days=IN_THREE_DAYS.weekday())

    html = client.get(room.get_absolute_url(), {"vecka": week_param(monday)}).content.decode()

    assert f'href="{slot.href.replace("&", "&amp;")}"' in html


def test_the_booking_form_is_filled_in_from_the_chosen_slot(client, room, ombud):
    client.force_login(ombud)
    slot = slot_at(week_of(client, room), 10)

    form = client.get(slot.href).context["form"]

    assert form["date"].value() == IN_THREE_DAYS
    assert form["starts_at"].value() == datetime.time(10)
    assert form["ends_at"].value() == datetime.time(11)


def test_unreadable_times_in_the_address_leave_the_form_empty(client, room, ombud):
    client.force_login(ombud)
    book = book_url(room)

    response = client.get(book, {"datum": "i morgon", "fran": "25:00", "till": "kl 11"})

    assert response.status_code == 200
    form = response.context["form"]
    assert form["date"].value() is None and form["starts_at"].value() is None


def test_a_busy_slot_is_no_link_and_does_not_say_who_booked(client, room, ombud):
    secret = factories.OrganisationFactory(name="Hemliga föreningen")
    BookingFactory(room=room, organisation=secret, purpose="Hemligt", starts_at=at(3, 14))
    client.force_login(ombud)

    day = week_of(client, room)

    busy = slot_at(day, 14)
    assert busy.is_busy and busy.href == ""
    assert timezone.localtime(busy.ends_at).hour == 16
    assert "Hemlig" not in client.get(room.get_absolute_url()).content.decode()


def test_a_visitors_free_slot_leads_to_the_login_and_then_to_the_filled_in_form(client, room):
    slot = slot_at(week_of(client, room), 10)

    address = urlparse(slot.href)
    assert address.path == reverse("account_login")
    next_address = parse_qs(address.query)["next"][0]
    assert "datum=" + IN_THREE_DAYS.isoformat() in next_address
    assert "fran=10%3A00" in next_address and "till=11%3A00" in next_address


def test_a_member_who_may_not_book_sees_free_slots_without_links_and_why(client, room):
    client.force_login(factories.UserFactory())

    day = week_of(client, room)

    assert not any(slot.href for slot in day.slots)
    assert "Be först om att få bli ombud" in client.get(room.get_absolute_url()).content.decode()


def test_a_slot_that_has_begun_cannot_be_chosen(client, room, ombud):
    client.force_login(ombud)

    yesterday = week_of(client, room, timezone.localdate() - datetime.timedelta(days=1))

    assert yesterday.slots and not any(slot.href for slot in yesterday.slots)


def test_free_time_is_cut_at_whole_hours_around_a_booking(client, room, ombud):
    BookingFactory(room=room, starts_at=at(3, 10, 30), ends_at=at(3, 11, 15))
    client.force_login(ombud)

    day = week_of(client, room)

    times = [
        (timezone.localtime(s.starts_at).strftime("%H:%M"), s.is_busy)
        for s in day.slots
        if 9 <= timezone.localtime(s.starts_at).hour < 13
    ]
    assert times == [
        ("09:00", False),
        ("10:00", False),
        ("10:30", True),
        ("11:15", False),
        ("12:00", False),
    ]


def test_a_slot_that_has_begun_says_so_rather_than_free(client, room, ombud):
    client.force_login(ombud)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    monday = yesterday - datetime.timedelta(days=yesterday.weekday())

    html = client.get(room.get_absolute_url(), {"vecka": week_param(monday)}).content.decode()

    assert "Passerad" in html


def test_the_day_view_links_its_free_hours_to_the_booking_form_too(client, room, ombud):
    client.force_login(ombud)

    response = client.get(
        reverse(
            "venues:room_day",
            kwargs={
                "agreement": room.venue.agreement.slug,
                "venue": room.venue.slug,
                "room": room.slug,
                "date": IN_THREE_DAYS,
            },
        )
    )

    slot = slot_at(response.context["day"], 10)
    assert (
        slot.href
        == book_url(room) + f"?datum={IN_THREE_DAYS.isoformat()}&fran=10%3A00&till=11%3A00"
    )
    assert f'href="{slot.href.replace("&", "&amp;")}"' in response.content.decode()
