"""Factories of collaborations and IOP agreements (rows written directly, for setting up tests;
the behaviour under test goes through the services)."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from samverkan.partnerships.models import (
    Collaboration,
    CollaborationParty,
    IopAgreement,
    IopCondition,
)
from samverkan.partnerships.search import index_text
from tests import factories


class CollaborationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collaboration
        skip_postgeneration_save = True

    agreement = factory.SubFactory(factories.AgreementFactory, is_primary=False)
    title = factory.Sequence(lambda n: f"Samarbete nummer {n}")
    slug = factory.Sequence(lambda n: f"samarbete-{n}")
    description = "Föreningar och staden samverkar."
    kind = Collaboration.Kind.PROJECT
    status = Collaboration.Status.RUNNING
    starts_on = datetime.date(2021, 1, 1)
    mapping_year = 2021
    results = ""
    search_text = factory.LazyAttribute(
        lambda o: index_text(title=o.title, description=o.description, results=o.results)
    )

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        """parties=[(organisation, role), …]; by default one civil lead and one city partner."""
        if not create:
            return
        if extracted is None:
            extracted = [
                (factories.OrganisationFactory(), "lead"),
                (factories.administration(), "partner"),
            ]
        for organisation, role in extracted:
            CollaborationParty.objects.create(
                collaboration=self, organisation=organisation, role=role
            )


def iop_collaboration(**kwargs):
    return CollaborationFactory(kind=Collaboration.Kind.IOP, **kwargs)


class IopAgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IopAgreement

    collaboration = factory.SubFactory(CollaborationFactory, kind=Collaboration.Kind.IOP)
    purpose = "Jämlik hälsa för barn och unga."
    starts_on = datetime.date(2022, 1, 1)
    value = Decimal("1200000.50")


def confirm_all(iop, *, by=None, except_=()):
    """Confirm every condition but those in `except_` (which are left unconfirmed)."""
    for condition in IopCondition:
        confirmed = condition not in except_
        setattr(iop, f"{condition.value}_confirmed_at", timezone.now() if confirmed else None)
        setattr(iop, f"{condition.value}_confirmed_by", by if confirmed else None)
    iop.save()
    return iop
