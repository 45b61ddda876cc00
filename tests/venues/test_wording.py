"""The booking pages in plain Swedish: no genitive that breaks on a name ending in s, x or z, a
booking one cancelled is "avbokad", and the end of a booking is "Slutar"."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.venues.factories import BookingFactory, at

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_cancel_question_names_the_organisation_without_a_genitive(client, room, civil_org, ombud):
    civil_org.name = "Föreningen Zig Zag"
    civil_org.save()
    booking = BookingFactory(room=room, organisation=civil_org, starts_at=at(2, 10))
    client.force_login(ombud)

    page = text(
        client.get(
            reverse(
                "venues:booking_cancel",
                kwargs={"agreement": room.venue.agreement.slug, "pk": booking.pk},
            )
        )
    )

    assert f"Vill du avboka bokningen av {room.name} för Föreningen Zig Zag den" in page
    assert "Zig Zag bokning" not in page


def test_a_cancelled_booking_reads_avbokad_not_installt(client, room, civil_org, ombud):
    booking = BookingFactory(room=room, organisation=civil_org, starts_at=at(2, 10))
    booking.status = booking.Status.CANCELLED
    booking.cancelled_at = timezone.now()
    booking.save()
    client.force_login(ombud)

    page = text(client.get(booking.get_absolute_url()))

    assert "Avbokad" in page
    assert "Inställt" not in page


def test_the_booking_form_labels_the_end_time_slutar(client, room, ombud):
    client.force_login(ombud)
    url = reverse(
        "venues:book",
        kwargs={
            "agreement": room.venue.agreement.slug,
            "venue": room.venue.slug,
            "room": room.slug,
        },
    )

    html = client.get(url).content.decode()

    assert re.search(r'<label for="id_ends_at">Slutar', html)
    assert "Till och med" not in html
