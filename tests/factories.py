import factory
from django.contrib.auth.models import Group

from samverkan.accounts.roles import CASE_OFFICER, COORDINATOR, MODERATOR
from samverkan.actors.models import (
    District,
    InterestArea,
    LegalForm,
    Organisation,
    Representation,
    Sector,
)
from samverkan.actors.search import reindex_organisation
from samverkan.agreements.models import Agreement

PASSWORD = "ett-langt-losenord-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accounts.User"
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.se")
    first_name = factory.Faker("first_name", locale="sv_SE")
    last_name = factory.Faker("last_name", locale="sv_SE")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                self.groups.add(Group.objects.get_or_create(name=name)[0])
        if create:
            self.save()


def coordinator(**kwargs):
    return UserFactory(groups=[COORDINATOR], **kwargs)


def case_officer(**kwargs):
    return UserFactory(groups=[CASE_OFFICER], **kwargs)


def moderator(**kwargs):
    return UserFactory(groups=[MODERATOR], **kwargs)


def administrator(**kwargs):
    return UserFactory(is_superuser=True, is_staff=True, **kwargs)


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    name = "Överenskommelse Malmöandan"
    slug = factory.Sequence(lambda n: f"overenskommelse-{n}")
    municipality = "Malmö"
    vision = "Ett Malmö där alla kan delta."
    is_primary = True


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Område {n}")
    slug = factory.Sequence(lambda n: f"omrade-{n}")


class InterestAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InterestArea
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Intresse {n}")
    slug = factory.Sequence(lambda n: f"intresse-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    """An organisation, indexed for search after its relations are set."""

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Föreningen nummer {n}")
    slug = factory.Sequence(lambda n: f"foreningen-{n}")
    sector = Sector.CIVIL_SOCIETY
    legal_form = LegalForm.ASSOCIATION
    description = "En ideell förening i Malmö."
    city = "Malmö"

    @factory.post_generation
    def districts(self, create, extracted, **kwargs):
        if create and extracted:
            self.districts.set(extracted)

    @factory.post_generation
    def interest_areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.interest_areas.set(extracted)

    @factory.post_generation
    def index(self, create, extracted, **kwargs):
        if create:
            reindex_organisation(self)


def administration(**kwargs):
    return OrganisationFactory(
        sector=Sector.MUNICIPALITY, legal_form=LegalForm.ADMINISTRATION, **kwargs
    )


class RepresentationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Representation

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = Representation.Status.CONFIRMED


def representative(organisation, **kwargs):
    """A user confirmed as representative of `organisation`."""
    user = UserFactory(**kwargs)
    RepresentationFactory(user=user, organisation=organisation)
    return user
