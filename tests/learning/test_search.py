"""The method library is searched as the register is (samverkan/core/search.py): stems, word
families, words as typed first. These run on SQLite and again on PostgreSQL."""

import pytest
from django.urls import reverse

from samverkan.learning.models import Material
from samverkan.learning.selectors import search_materials
from tests import factories
from tests.learning.factories import MaterialFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement():
    return factories.AgreementFactory(slug="malmoandan")


@pytest.fixture
def material(agreement):
    def make(title, body="", summary=""):
        return MaterialFactory(agreement=agreement, title=title, summary=summary, body=body)

    return make


def titles(q) -> list[str]:
    return sorted(m.title for m in search_materials(Material.objects.all(), q))


def test_a_word_finds_the_other_words_of_its_family(material):
    material("Metoder för unga")
    material("Dialog i skolan", body="<p>Om ungdomar och vuxna.</p>")

    assert titles("ungdom") == ["Dialog i skolan", "Metoder för unga"]
    assert titles("unga") == titles("ungdomar") == titles("ungdom")


def test_an_irregular_form_finds_the_others(material):
    material("Samtal", body="<p>En förälder i taget.</p>")

    assert titles("föräldrar") == ["Samtal"]


def test_a_word_finds_its_near_synonyms(material):
    material("Träffpunkter", summary="För seniorer.")

    assert titles("äldre") == ["Träffpunkter"]


def test_short_stems_match_whole_words_only(material):
    material("Metoder för unga")
    material("Ungefär så här")

    assert titles("unga") == ["Metoder för unga"]


def test_the_last_word_is_also_the_start_of_what_is_being_typed(material):
    material("Dialogcafé")

    assert titles("dia") == ["Dialogcafé"]


def test_markup_is_not_searched(material):
    material("Checklista", body="<p><strong>Avtalet</strong> i <em>korthet</em>.</p>")

    assert titles("strong") == []
    assert titles("avtal") == ["Checklista"]


def test_materials_matching_the_word_as_typed_come_first(material):
    material("Pensionärer", body="<p>Pensionär, pensionär.</p>")
    material("Äldre i föreningslivet")

    found = [m.title for m in search_materials(Material.objects.all(), "äldre")]

    assert found == ["Äldre i föreningslivet", "Pensionärer"]


@pytest.mark.parametrize("q", ["\"' OR 1=1 --", "NEAR(", "*", "a AND", "%_", "___", "iop*"])
def test_query_syntax_does_not_break_the_library(client, agreement, material, q):
    material("IOP i korthet")

    response = client.get(
        reverse("learning:library", kwargs={"agreement": agreement.slug}), {"q": q}
    )

    assert response.status_code == 200
