"""Factories of funders, calls, grants and expenses (rows written directly, for setting up
tests; the behaviour under test goes through the services and selectors)."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from samverkan.funding.models import (
    Expense,
    ExpenseCategory,
    Funder,
    FundingCall,
    Grant,
    pack_choices,
)
from samverkan.matching.models import Posting
from samverkan.partnerships.models import Collaboration, CollaborationParty
from tests import factories


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


class FunderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Funder

    name = factory.Sequence(lambda n: f"Stiftelsen nummer {n}")
    slug = factory.Sequence(lambda n: f"stiftelsen-{n}")
    kind = Funder.Kind.FOUNDATION
    website = "https://example.se"


class CallFactory(factory.django.DjangoModelFactory):
    """An open national call with a deadline in 30 days, open to anyone. Pass `sectors` and
    `legal_forms` as lists, `areas` and `districts` as lists of rows."""

    class Meta:
        model = FundingCall
        skip_postgeneration_save = True

    funder = factory.SubFactory(FunderFactory)
    agreement = None
    title = factory.Sequence(lambda n: f"Utlysning nummer {n}")
    slug = factory.Sequence(lambda n: f"utlysning-{n}")
    description = "Stöd till projekt i Malmö."
    opens_on = factory.LazyFunction(lambda: in_days(-30))
    deadline = factory.LazyFunction(lambda: in_days(30))
    amount_min = Decimal("10000.00")
    amount_max = Decimal("100000.00")
    link = "https://example.se/utlysning"

    class Params:
        sector_values = ()
        form_values = ()

    sectors = factory.LazyAttribute(lambda o: pack_choices(o.sector_values))
    legal_forms = factory.LazyAttribute(lambda o: pack_choices(o.form_values))

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)

    @factory.post_generation
    def districts(self, create, extracted, **kwargs):
        if create and extracted:
            self.districts.set(extracted)


class GrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Grant

    agreement = factory.SubFactory(factories.AgreementFactory, is_primary=False)
    year = 2022
    recipient_name = "Malmö Ideella"
    purpose = "Samordning av den idéburna sektorn"
    amount = Decimal("1000000.00")


class ExpenseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expense

    agreement = factory.SubFactory(factories.AgreementFactory, is_primary=False)
    spent_on = datetime.date(2022, 5, 1)
    category = ExpenseCategory.ACTIVITIES
    description = factory.Sequence(lambda n: f"Utgift {n}")
    amount = Decimal("1000.00")


class PostingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Posting
        skip_postgeneration_save = True

    agreement = factory.SubFactory(factories.AgreementFactory, is_primary=False)
    organisation = factory.SubFactory(factories.OrganisationFactory)
    direction = Posting.Direction.NEED
    kind = Posting.Kind.FUNDING
    title = factory.Sequence(lambda n: f"Behov nummer {n}")
    text = "Vi söker pengar till en mötesplats för unga."

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)

    @factory.post_generation
    def districts(self, create, extracted, **kwargs):
        if create and extracted:
            self.districts.set(extracted)


class CollaborationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collaboration
        skip_postgeneration_save = True

    agreement = factory.SubFactory(factories.AgreementFactory, is_primary=False)
    title = factory.Sequence(lambda n: f"Samarbete nummer {n}")
    slug = factory.Sequence(lambda n: f"samarbete-{n}")
    mapping_year = 2022

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)

    @factory.post_generation
    def districts(self, create, extracted, **kwargs):
        if create and extracted:
            self.districts.set(extracted)


def party(collaboration, organisation, role=CollaborationParty.Role.PARTNER):
    return CollaborationParty.objects.create(
        collaboration=collaboration, organisation=organisation, role=role
    )
