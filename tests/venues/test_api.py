"""The open data of the centre: venues, rooms, busy intervals (no personal data) and figures."""

import datetime

import pytest
from django.utils import timezone

from samverkan.venues.models import Booking
from tests import factories
from tests.venues.factories import BookingFactory, VisitorCountFactory, at

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked(room):
    organisation = factories.OrganisationFactory(name="Hemliga föreningen", slug="hemliga")
    booker = factories.representative(organisation, email="bokaren@example.se")
    BookingFactory(
        room=room,
        organisation=organisation,
        booked_by=booker,
        purpose="Känsligt ärende",
        starts_at=at(1, 10),
        ends_at=at(1, 12),
    )
    BookingFactory(room=room, organisation=organisation, starts_at=at(1, 12), ends_at=at(1, 13))
    BookingFactory(room=room, starts_at=at(2, 14), ends_at=at(2, 15), status="cancelled")
    return room


def test_venues_are_listed_with_their_rooms(client, room):
    response = client.get("/api/v1/venues", {"agreement": room.venue.agreement.slug})

    assert response.status_code == 200
    [venue] = response.json()
    assert venue["slug"] == room.venue.slug
    assert venue["rooms"][0]["capacity"] == room.capacity


def test_a_venue_has_opening_hours_and_booking_rules(client, room):
    response = client.get(f"/api/v1/venues/{room.venue.slug}")

    data = response.json()
    assert len(data["opening_hours"]) == 7
    assert data["booking_rules"]["days_ahead"] == 180
    assert data["booking_rules"]["longest_booking_minutes"] == 8 * 60


def test_availability_gives_busy_intervals_only(client, booked):
    first = timezone.localdate()
    response = client.get(
        f"/api/v1/rooms/{booked.venue.slug}/{booked.slug}/availability",
        {"from": first.isoformat(), "to": (first + datetime.timedelta(days=3)).isoformat()},
    )

    assert response.status_code == 200
    data = response.json()
    # The two adjacent bookings read as one busy interval; the cancelled one is free.
    assert [
        (
            datetime.datetime.fromisoformat(b["starts_at"]),
            datetime.datetime.fromisoformat(b["ends_at"]),
        )
        for b in data["busy"]
    ] == [(at(1, 10), at(1, 13))]
    body = response.content.decode()
    for private in ("Hemliga", "hemliga", "Känsligt", "bokaren", "organisation", "purpose"):
        assert private not in body
    assert set(data["busy"][0]) == {"starts_at", "ends_at"}
    assert Booking.objects.count() == 3


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"from": "2025-03-10", "to": "2025-03-01"}, 400),
        ({"from": "2025-01-01", "to": "2025-12-31"}, 400),
        ({"from": "tisdag"}, 422),
    ],
    ids=["reversed", "too-long", "not-a-date"],
)
def test_a_bad_range_is_a_clear_client_error(client, room, params, status):
    response = client.get(f"/api/v1/rooms/{room.venue.slug}/{room.slug}/availability", params)

    assert response.status_code == status
    assert response.json()["error"]["message"]


def test_an_unknown_room_is_404(client, room):
    response = client.get(f"/api/v1/rooms/{room.venue.slug}/finns-inte/availability")

    assert response.status_code == 404


def test_figures_are_aggregates_of_the_year(client, room):
    VisitorCountFactory(venue=room.venue, date=datetime.date(2022, 5, 2), visitors=365)
    BookingFactory(
        room=room,
        starts_at=timezone.make_aware(datetime.datetime(2022, 5, 2, 18)),
        ends_at=timezone.make_aware(datetime.datetime(2022, 5, 2, 20)),
    )

    response = client.get(f"/api/v1/venues/{room.venue.slug}/figures", {"year": 2022})

    data = response.json()
    assert (data["visitors"], data["meetings_held"], data["visitors_per_week"]) == (365, 1, 7)
    assert data["by_room"][0]["meetings"] == 1
    assert data["by_sector"] == [{"sector": "civil", "label": "Idéburen sektor", "meetings": 1}]


def test_the_paths_are_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert {
        "/api/v1/venues",
        "/api/v1/venues/{slug}",
        "/api/v1/rooms/{venue}/{room}/availability",
        "/api/v1/venues/{slug}/figures",
    } <= set(paths)
