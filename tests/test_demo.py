"""The Malmöandan demo loader: what it creates, that demo users can log in, that a second load
creates nothing, and that the register finds what it loaded. The demo is the one loaded once
per test process (`shared_demo`, tests/conftest.py)."""

import re
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from stdnum.se import orgnr

from samverkan.accounts.roles import CASE_OFFICER, COORDINATOR, MODERATOR
from samverkan.actors.models import (
    LEGAL_FORMS_BY_SECTOR,
    LegalForm,
    Organisation,
    Representation,
    Sector,
)
from samverkan.actors.selectors import (
    RegisterFilters,
    pending_representations_for,
    search_register,
)
from samverkan.agreements.models import Agreement
from samverkan.demo import data
from samverkan.demo.loader import generated_associations, load_demo

EXAMPLE_DOMAINS = ("example.se", "example.org")

SEED_ORGANISATIONS = [
    "Malmö ideella",
    "Malmö Idrottsföreningars Samorganisation (MISO)",
    "Sensus studieförbund",
    "Rädda Barnen Malmö",
    "Tillsammans i Förening",
    "Malmö universitet",
    "NyföretagarCentrum Öresund",
    "Föreningen Zig Zag",
    "KC Kompetenscenter",
    "Malmöakademien",
    "Nobel 21",
    "Kommunstyrelsen",
    "Stadskontoret",
    "Fritidsnämnden",
    "Fritidsförvaltningen",
    "Kulturnämnden",
    "Kulturförvaltningen",
    "Arbetsmarknads- och socialnämnden",
    "Arbetsmarknads- och socialförvaltningen",
    "Funktionsstödsnämnden",
    "Funktionsstödsförvaltningen",
]


@pytest.fixture(autouse=True)
def _empty_cache():
    """allauth counts login attempts in the cache; every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_generated_associations_are_the_same_every_time():
    first, second = generated_associations(), generated_associations()

    assert first == second
    assert len(first) == data.GENERATED_COUNT
    assert len({spec["slug"] for spec in first}) == len(first)
    assert {"Ängens bollklubb", "Öresunds kulturförening", "Åkerns trädgårdsförening"} <= {
        spec["name"] for spec in first
    }


@pytest.mark.django_db
def test_load_creates_the_agreement_and_the_organisations_the_documents_name(shared_demo):
    counts = shared_demo.counts

    agreement = Agreement.objects.get(slug="malmoandan")
    assert agreement.name == "Överenskommelse Malmöandan"
    assert agreement.municipality == "Malmö"
    assert agreement.is_primary and agreement.is_demo
    assert agreement.vision.startswith("Visionen är en mer jämlik, öppen och demokratisk stad.")
    assert agreement.plan_title == "Samarbetsplan 2018–2022"
    assert "Ungas hälsa och livsstil" in agreement.plan_text
    assert "Nya vägar till arbete och aktivitet" in agreement.plan_text

    names = set(Organisation.objects.values_list("name", flat=True))
    assert set(SEED_ORGANISATIONS) <= names
    fritid = Organisation.objects.get(slug="fritidsforvaltningen")
    assert fritid.part_of.name == "Fritidsnämnden"
    assert fritid.legal_form == LegalForm.ADMINISTRATION
    umbrella = Organisation.objects.get(slug="malmo-ideella")
    assert umbrella.legal_form == LegalForm.UMBRELLA
    assert umbrella.umbrella_members.filter(name="Föreningen Zig Zag").exists()

    assert Organisation.objects.count() >= 300
    assert Organisation.objects.filter(sector=Sector.CIVIL_SOCIETY).count() >= 300
    assert not Organisation.objects.filter(is_demo=False).exists()
    assert counts["organisations"] == {"created": Organisation.objects.count(), "existing": 0}


@pytest.mark.django_db
def test_every_demo_organisation_has_a_valid_number_and_a_legal_form_of_its_sector(shared_demo):
    for organisation in Organisation.objects.all():
        number = organisation.organisation_number
        assert not number or orgnr.is_valid(number), (organisation.name, number)
        assert organisation.legal_form in LEGAL_FORMS_BY_SECTOR[organisation.sector]
        hosts = [
            organisation.email.rpartition("@")[2],
            urlsplit(organisation.website).hostname or "",
        ]
        assert all(not h or h.endswith(EXAMPLE_DOMAINS) for h in hosts), organisation.name
    civil_numbers = list(
        Organisation.objects.filter(sector=Sector.CIVIL_SOCIETY)
        .exclude(organisation_number="")
        .values_list("organisation_number", flat=True)
    )
    assert len(civil_numbers) == len(set(civil_numbers))
    assert all(n.startswith(("7", "8")) for n in civil_numbers)
    municipal = Organisation.objects.filter(sector=Sector.MUNICIPALITY)
    assert set(municipal.values_list("organisation_number", flat=True)) == {"212000-1124"}


@pytest.mark.django_db
def test_every_demo_user_can_log_in_with_the_documented_password(shared_demo):
    for user in data.DEMO_USERS:
        client = Client()
        response = client.post(
            reverse("account_login"), {"login": user.email, "password": data.DEMO_PASSWORD}
        )
        assert response.status_code == 302, user.email
        assert response.url != reverse("account_email_verification_sent"), user.email
        assert "_auth_user_id" in client.session, user.email


@pytest.mark.django_db
def test_demo_users_hold_the_role_they_are_documented_with(shared_demo, django_user_model):
    def person(email):
        return django_user_model.objects.get(email=email)

    admin = person("admin@demo.samverkan.se")
    assert admin.is_superuser and admin.is_staff
    for email, group in [
        ("samordnare.stad@demo.samverkan.se", COORDINATOR),
        ("samordnare.ideburen@demo.samverkan.se", COORDINATOR),
        ("handlaggare@demo.samverkan.se", CASE_OFFICER),
        ("moderator@demo.samverkan.se", MODERATOR),
    ]:
        assert list(person(email).groups.values_list("name", flat=True)) == [group]
    confirmed = Representation.objects.confirmed()
    assert confirmed.filter(
        user__email="ombud@demo.samverkan.se", organisation__name="Föreningen Zig Zag"
    ).exists()
    assert confirmed.filter(
        user__email="tjansteperson@demo.samverkan.se", organisation__name="Fritidsförvaltningen"
    ).exists()
    member = person("medlem@demo.samverkan.se")
    assert not member.groups.exists() and not member.is_staff
    waiting = pending_representations_for(person("samordnare.stad@demo.samverkan.se"))
    assert [r.user for r in waiting] == [member]
    assert not django_user_model.objects.filter(is_demo=False).exists()


@pytest.mark.django_db
def test_load_sends_no_email(shared_demo):
    # shared_demo ran what the load left for after commit, as a commit would.
    assert shared_demo.sent == []


@pytest.mark.django_db
def test_second_load_creates_nothing(shared_demo):
    out = StringIO()
    call_command("load_demo", stdout=out)
    before = row_counts()
    updated = dict(Organisation.objects.values_list("slug", "updated_at"))

    counts = load_demo()

    assert row_counts() == before
    assert dict(Organisation.objects.values_list("slug", "updated_at")) == updated
    assert all(tally["created"] == 0 for tally in counts.values()), counts
    assert counts["organisations"]["existing"] == before["actors.Organisation"]
    assert data.DEMO_PASSWORD in out.getvalue()
    assert all(user.email in out.getvalue() for user in data.DEMO_USERS)


@pytest.mark.django_db
def test_register_search_finds_the_idrott_associations(shared_demo):
    found = set(search_register(RegisterFilters(q="idrott")).values_list("name", flat=True))

    named = {
        name
        for name in Organisation.objects.values_list("name", flat=True)
        if re.search(r"\bidrott", name, re.IGNORECASE)
    }
    assert len(named) >= 5
    assert {"Idrottsföreningen Kroksbäck", "Rosengårds idrottsförening"} <= named
    assert named <= found
