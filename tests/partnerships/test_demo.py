"""The demo data of the mapping: the seeds' examples with the parties the seeds name, the
generated collaborations, the IOP agreements, idempotence."""

import pytest

from samverkan.areas import demo as areas_demo
from samverkan.demo import loader
from samverkan.partnerships import demo
from samverkan.partnerships.models import Collaboration, IopAgreement

pytestmark = pytest.mark.django_db


def load_base():
    """What this app's demo builds on: the actors' demo (agreement, districts, organisations,
    users) and the areas' demo (the five priority areas)."""
    loader._load_agreement()
    districts = loader._load_districts()[1]
    interest_areas = loader._load_interest_areas()[1]
    loader._load_organisations(districts, interest_areas)
    users = loader._load_users()[2]
    loader._load_representations(users)
    areas_demo.load()


@pytest.fixture
def counts():
    load_base()
    return demo.load()


def parties_of(slug):
    collaboration = Collaboration.objects.get(agreement__slug="malmoandan", slug=slug)
    return {
        p.organisation.name: p.role for p in collaboration.parties.select_related("organisation")
    }


def test_malmo_tillsammans_with_the_parties_the_seed_names(counts):
    assert parties_of("malmo-tillsammans") == {
        "Malmö ideella": "lead",
        "Sensus studieförbund": "partner",
        "NyföretagarCentrum Öresund": "partner",
        "Stadskontoret": "partner",
        "Fritidsförvaltningen": "partner",
        "Funktionsstödsförvaltningen": "partner",
    }
    tillsammans = Collaboration.objects.get(slug="malmo-tillsammans")
    assert (tillsammans.status, tillsammans.ends_on.isoformat()) == ("ended", "2023-04-30")
    assert {d.name for d in tillsammans.districts.all()} >= {"Persborg", "Rosengård", "Östervärn"}


def test_kraftsamling_herrgarden_is_a_signed_iop(counts):
    assert set(parties_of("kraftsamling-herrgarden")) == {
        "Rädda Barnen Malmö",
        "Tillsammans i Förening",
        "Malmö universitet",
        "Fritidsförvaltningen",
        "Kulturförvaltningen",
        "Stadskontoret",
    }
    iop = IopAgreement.objects.get(collaboration__slug="kraftsamling-herrgarden")
    assert iop.is_signed
    assert iop.missing_conditions() == []
    assert iop.follow_ups.count() == 2


def test_the_lindangen_health_dialogue_is_an_iop_in_preparation(counts):
    iop = IopAgreement.objects.get(collaboration__slug="jamlik-halsa-pa-lindangen")
    assert not iop.is_signed
    assert len(iop.missing_conditions()) == 3
    assert "Lindängens föräldraföreningar i samverkan" in parties_of("jamlik-halsa-pa-lindangen")


def test_about_150_others_across_kinds_statuses_areas_and_years(counts):
    collaborations = Collaboration.objects.filter(agreement__slug="malmoandan")
    assert counts["collaborations"] == {"created": 153, "existing": 0}
    assert collaborations.count() == 153
    assert set(collaborations.values_list("kind", flat=True)) == set(Collaboration.Kind.values)
    assert set(collaborations.values_list("status", flat=True)) == set(Collaboration.Status.values)
    assert set(collaborations.values_list("mapping_year", flat=True)) == set(range(2018, 2027))
    assert set(collaborations.values_list("areas__slug", flat=True)) - {None} == {
        area.slug for area in collaborations.first().agreement.areas.all()
    }
    assert not collaborations.filter(parties__isnull=True).exists()
    assert not collaborations.filter(is_demo=False).exists()
    assert counts["iop_agreements"]["created"] == 2


def test_the_search_finds_the_demo(counts, client):
    response = client.get("/overenskommelser/malmoandan/samarbeten/", {"q": "medborgarbudget"})
    assert [c.slug for c in response.context["page"].object_list] == ["malmo-tillsammans"]


def test_a_second_load_creates_nothing(counts):
    again = demo.load()
    assert again["collaborations"] == {"created": 0, "existing": 153}
    assert again["collaboration_parties"]["created"] == 0
    assert again["iop_agreements"] == {"created": 0, "existing": 2}
    assert again["collaboration_organisations"]["created"] == 0
