"""Collaborations are searched as the register is (samverkan/core/search.py): stems, word
families, words as typed first. These run on SQLite and again on PostgreSQL."""

import pytest
from django.urls import reverse

from samverkan.partnerships.models import Collaboration
from samverkan.partnerships.search import search
from samverkan.partnerships.selectors import CollaborationFilters, search_collaborations
from tests import factories
from tests.partnerships.factories import CollaborationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement():
    return factories.AgreementFactory(slug="malmoandan")


@pytest.fixture
def collaboration(agreement):
    city = factories.administration()

    def make(title, description=""):
        return CollaborationFactory(
            agreement=agreement, title=title, description=description, parties=[(city, "lead")]
        )

    return make


def titles(agreement, q) -> list[str]:
    return [c.title for c in search_collaborations(agreement, CollaborationFilters(q=q))]


def test_a_word_finds_the_other_words_of_its_family(agreement, collaboration):
    collaboration("Unga i Rosengård")
    collaboration("Läxhjälp", description="För ungdomar i Holma.")

    assert titles(agreement, "ungdom") == ["Läxhjälp", "Unga i Rosengård"]
    assert titles(agreement, "unga") == titles(agreement, "ungdomar") == titles(agreement, "ungdom")


def test_a_word_finds_its_near_synonyms(agreement, collaboration):
    collaboration("Träffpunkt för pensionärer")
    collaboration("Seniorer i rörelse")

    assert titles(agreement, "äldre") == ["Seniorer i rörelse", "Träffpunkt för pensionärer"]


def test_short_stems_match_whole_words_only(agreement, collaboration):
    collaboration("Unga i Rosengård")
    collaboration("Ungefär som hemma")

    assert titles(agreement, "unga") == ["Unga i Rosengård"]


def test_a_stem_finds_compounds_it_starts_but_not_words_it_is_inside(agreement, collaboration):
    collaboration("Idrottsskola i Kroksbäck")
    collaboration("Rosengårds idrottsförening")

    assert titles(agreement, "idrott") == ["Idrottsskola i Kroksbäck", "Rosengårds idrottsförening"]
    assert titles(agreement, "förening") == []


def test_the_last_word_is_also_the_start_of_what_is_being_typed(agreement, collaboration):
    collaboration("Simskola för nyanlända")

    assert titles(agreement, "sim") == ["Simskola för nyanlända"]
    assert titles(agreement, "sim nyanlända") == []  # only the last word is still being typed


def test_collaborations_matching_the_word_as_typed_rank_first(agreement, collaboration):
    collaboration("Aktiva pensionärer", description="Pensionär, pensionär, pensionär.")
    collaboration("Äldres röst")

    ranked = search(Collaboration.objects.all(), "äldre").order_by("-rank")

    assert [c.title for c in ranked] == ["Äldres röst", "Aktiva pensionärer"]


@pytest.mark.postgres
def test_the_title_weighs_more_than_the_description(agreement, collaboration):
    # PostgreSQL weighs the columns (title A, description B); SQLite's bm25 sees one text.
    collaboration("Samtal om kultur")
    collaboration("Samtal om hälsa", description="Kultur och hälsa, kultur i stadsdelen.")

    ranked = search(Collaboration.objects.all(), "kultur").order_by("-rank")

    assert ranked.first().title == "Samtal om kultur"


def test_an_edit_is_found_under_its_new_words(agreement, collaboration, coordinator):
    from samverkan.partnerships import services

    swim = collaboration("Simskola för nyanlända")
    services.update_collaboration(collaboration=swim, by=coordinator, title="Dansskola")

    assert titles(agreement, "dansskolor") == ["Dansskola"]
    assert titles(agreement, "simskola") == []


@pytest.mark.parametrize("q", ["\"' OR 1=1 --", "NEAR(", "*", "a AND", "%_", "___", "idrott*"])
def test_query_syntax_does_not_break_the_list(client, agreement, collaboration, q):
    collaboration("Idrottsskola i Kroksbäck")

    page = reverse("partnerships:list", kwargs={"agreement": agreement.slug})

    response = client.get(page, {"q": q})

    assert response.status_code == 200
