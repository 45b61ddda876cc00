"""Factories of priority areas, hosting and focus areas (rows written directly, for setting up
tests; the behaviour under test goes through the services)."""

import datetime

import factory
from django.utils import timezone

from samverkan.areas.models import (
    FocusArea,
    FocusAreaProposal,
    Hosting,
    HostSide,
    PriorityArea,
    ProposalSupport,
)
from tests import factories


class PriorityAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriorityArea

    agreement = factory.SubFactory(factories.AgreementFactory, is_primary=False)
    title = factory.Sequence(lambda n: f"Område för samverkan {n}")
    slug = factory.Sequence(lambda n: f"omrade-for-samverkan-{n}")
    summary = "Ett område där staden och föreningslivet samverkar."
    description = "En längre beskrivning av området."
    started_on = datetime.date(2021, 1, 1)


class HostingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hosting

    area = factory.SubFactory(PriorityAreaFactory)
    side = HostSide.CIVIL_SOCIETY
    organisation = factory.SubFactory(factories.OrganisationFactory)
    contact_person = factory.SubFactory(factories.UserFactory)
    starts_on = datetime.date(2021, 1, 1)


def city_hosting(**kwargs) -> Hosting:
    kwargs.setdefault("organisation", factories.administration())
    return HostingFactory(side=HostSide.CITY, **kwargs)


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusArea

    agreement = factory.SubFactory(factories.AgreementFactory, is_primary=False)
    year = factory.LazyFunction(lambda: timezone.localdate().year)
    title = factory.Sequence(lambda n: f"Fokusområde {n}")


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusAreaProposal

    agreement = factory.SubFactory(factories.AgreementFactory, is_primary=False)
    year = factory.LazyFunction(lambda: timezone.localdate().year + 1)
    title = factory.Sequence(lambda n: f"Förslag {n}")
    motivation = "För att fler ska vara med."
    proposed_by = factory.SubFactory(factories.UserFactory)


class SupportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProposalSupport

    proposal = factory.SubFactory(ProposalFactory)
    user = factory.SubFactory(factories.UserFactory)
