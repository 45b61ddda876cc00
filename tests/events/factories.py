"""Factories of events (rows written directly, for setting up tests; the behaviour under test
goes through the services)."""

import datetime

import factory
from django.utils import timezone

from samverkan.events.models import Event, EventKind, EventSession, PlaceKind, Registration
from tests import factories


def soon(days: int = 7, hour: int = 12) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    agreement = factory.SubFactory(factories.AgreementFactory, is_primary=False)
    kind = EventKind.LEARNING_LUNCH
    title = factory.Sequence(lambda n: f"Lärandelunch {n}")
    slug = factory.Sequence(lambda n: f"lararandelunch-{n}")
    summary = "Någon berättar om ett aktuellt projekt över lunch."
    starts_at = factory.LazyFunction(soon)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=1))
    place_kind = PlaceKind.ADDRESS
    address = "Nobelvägen 21, Malmö"
    capacity = 10
    is_published = True
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def organisers(self, create, extracted, **kwargs):
        if create:
            self.organisers.set(extracted or [factories.OrganisationFactory()])


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSession

    event = factory.SubFactory(EventFactory)
    starts_at = factory.LazyFunction(soon)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    place_kind = PlaceKind.ONLINE
    online_url = "https://meet.example.org/medskapa"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(factories.UserFactory)
    sector = "civil"
    status = Registration.Status.REGISTERED
