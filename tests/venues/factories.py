"""Factories of the association centre: a venue open every day, rooms, bookings written
directly (for data the services are not under test for)."""

import datetime

import factory
from django.utils import timezone

from samverkan.venues.models import Booking, OpeningHours, Room, Venue, VisitorCount
from tests import factories


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    agreement = factory.SubFactory(factories.AgreementFactory, is_primary=False)
    name = factory.Sequence(lambda n: f"Föreningshuset {n}")
    slug = factory.Sequence(lambda n: f"foreningshuset-{n}")
    street_address = "Nobelvägen 21"
    postal_code = "212 15"
    city = "Malmö"


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    venue = factory.SubFactory(VenueFactory)
    name = factory.Sequence(lambda n: f"Rum {n}")
    slug = factory.Sequence(lambda n: f"rum-{n}")
    capacity = 20
    equipment = "Whiteboard"
    accessibility_notes = "Hiss"


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Booking

    room = factory.SubFactory(RoomFactory)
    organisation = factory.SubFactory(factories.OrganisationFactory)
    starts_at = factory.LazyFunction(lambda: at(1, 10))
    ends_at = factory.LazyAttribute(lambda b: b.starts_at + datetime.timedelta(hours=2))
    purpose = "Styrelsemöte"
    expected_participants = 8


class VisitorCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisitorCount

    venue = factory.SubFactory(VenueFactory)
    date = datetime.date(2022, 3, 14)
    visitors = 80


def open_every_day(venue, opens=datetime.time(7), closes=datetime.time(23)) -> None:
    for weekday in range(7):
        OpeningHours.objects.update_or_create(
            venue=venue, weekday=weekday, defaults={"opens_at": opens, "closes_at": closes}
        )


def at(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    """`days` from today at hour:minute, local time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def room_open_every_day(**kwargs) -> Room:
    room = RoomFactory(**kwargs)
    open_every_day(room.venue)
    return room
