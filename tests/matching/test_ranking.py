"""The ranking on small hand-made cases: the obviously right counterpart first, and why."""

import datetime

import pytest
from django.utils import timezone

from samverkan.core.search_terms import index_term
from samverkan.matching import services
from samverkan.matching.index import suggest
from samverkan.matching.text import analyse
from tests import factories
from tests.areas.factories import PriorityAreaFactory
from tests.matching.factories import NEED, OFFER, administration, association, posting

pytestmark = pytest.mark.django_db


def titles(suggestions):
    return [s.posting.title for s in suggestions]


@pytest.fixture
def city(db):
    return administration(name="Fritidsförvaltningen", slug="fritidsforvaltningen")


def test_the_obviously_right_offer_comes_first(agreement, city):
    need = posting(
        agreement,
        city,
        NEED,
        "Läxhjälp för elever i matematik",
        "Vi söker volontärer som kan ge läxhjälp i matematik till elever på mellanstadiet.",
    )
    posting(
        agreement, association(), OFFER, "Körsång för seniorer", "Vi sjunger i kör varje vecka."
    )
    posting(
        agreement,
        association(),
        OFFER,
        "Läxhjälp i matematik och svenska",
        "Våra volontärer ger läxhjälp i matematik till elever två kvällar i veckan.",
    )
    posting(agreement, association(), OFFER, "Lokal för fester", "Vi hyr ut en lokal för fester.")

    assert titles(suggest(need))[0] == "Läxhjälp i matematik och svenska"


def test_stemming_matches_plural_and_compound_forms(agreement, city):
    need = posting(
        agreement, city, NEED, "Idrottsföreningar sökes", "Föreningar för spontanidrott."
    )
    posting(agreement, association(), OFFER, "Vi är en förening för idrott", "Idrott för alla.")

    (suggestion,) = suggest(need)
    assert {"idrott", "förening"} <= {word.other for word in suggestion.shared_words}
    assert "idrottsföreningar ~ idrott" in [str(word) for word in suggestion.shared_words]


def test_words_of_one_family_match_as_the_register_search_finds_them(agreement, city):
    need = posting(agreement, city, NEED, "Mötesplats för unga", "Kvällar för unga i Holma.")
    posting(agreement, association(), OFFER, "Ungdomar leder kvällar", "Vi har ungdomsledare.")
    posting(agreement, association(), OFFER, "Seniorer", "Kaffe för pensionärer.")

    (suggestion,) = suggest(need)
    assert "unga ~ ungdomar" in [str(word) for word in suggestion.shared_words]
    assert analyse("äldre", "").tf.keys() == analyse("pensionärer", "").tf.keys()


def test_the_index_terms_are_core_s_analysis():
    """The matcher has no tokeniser or stemmer of its own (samverkan/core/search_terms.py)."""
    assert set(analyse("Föreningarna odlar", "").tf) == {index_term("föreningarna"), "odl"}
    assert set(analyse("odling", "").tf) == {"odl"}


def test_stop_words_do_not_match(agreement, city):
    need = posting(agreement, city, NEED, "Och det att i en", "som på den med för till är men")
    posting(agreement, association(), OFFER, "Och det att i en", "som på den med för till är men")

    assert analyse("Och det att", "som på den").tf == {}
    assert suggest(need) == []


def test_complementary_sector_ranks_above_an_equal_same_sector_offer(agreement, city):
    need = posting(agreement, city, NEED, "Simskola för barn", "Simskola på sommarlovet för barn.")
    other_city = administration(name="Kulturförvaltningen", slug="kulturforvaltningen")
    posting(agreement, other_city, OFFER, "Simskola för barn", "Simskola på sommarlovet för barn.")
    posting(
        agreement, association(), OFFER, "Simskola för barn", "Simskola på sommarlovet för barn."
    )

    first, second = suggest(need)
    assert first.complementary_sectors and first.posting.organisation.sector == "civil"
    assert not second.complementary_sectors
    assert first.score > second.score


def test_shared_area_and_district_raise_an_equal_offer(agreement, city):
    area = PriorityAreaFactory(agreement=agreement, title="Ungas hälsa och livsstil")
    lindangen = factories.DistrictFactory(name="Lindängen", slug="lindangen")
    need = posting(
        agreement,
        city,
        NEED,
        "Promenadgrupp",
        "Promenader för hälsa.",
        areas=[area],
        districts=[lindangen],
    )
    posting(agreement, association(), OFFER, "Promenadgrupp", "Promenader för hälsa.")
    posting(
        agreement,
        association(),
        OFFER,
        "Promenadgrupp",
        "Promenader för hälsa.",
        areas=[area],
        districts=[lindangen],
    )

    first, second = suggest(need)
    assert first.shared_areas == [area] and first.shared_districts == [lindangen]
    assert second.shared_areas == [] and second.shared_districts == []


def test_explanation_names_the_shared_words_as_written(agreement, city):
    need = posting(
        agreement, city, NEED, "Lokaler för dans", "Vi behöver danslokaler på kvällarna."
    )
    posting(
        agreement, association(), OFFER, "Lokal för dansträning", "Lokalen är ledig på kvällen."
    )

    (suggestion,) = suggest(need)
    shown = [str(word) for word in suggestion.shared_words]
    assert "lokaler ~ lokal" in shown
    assert any(word.startswith("dans") for word in shown)
    assert "för" not in shown


def test_expired_and_withdrawn_postings_are_never_suggested(agreement, city):
    need = posting(agreement, city, NEED, "Fotboll för unga", "Fotboll på helgerna.")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    posting(agreement, association(), OFFER, "Fotboll för unga", "Fotboll.", valid_until=yesterday)
    withdrawn = posting(agreement, association(), OFFER, "Fotboll för unga", "Fotboll.")
    services.withdraw_posting(posting=withdrawn, by=factories.coordinator())
    today = posting(
        agreement,
        association(),
        OFFER,
        "Fotbollsträning",
        "Fotboll.",
        valid_until=timezone.localdate(),
    )

    assert [s.posting for s in suggest(need)] == [today]


def test_own_organisation_and_same_direction_are_never_suggested(agreement, city):
    need = posting(agreement, city, NEED, "Cykelverkstad", "Cyklar lagas i verkstad.")
    posting(agreement, city, OFFER, "Cykelverkstad", "Cyklar lagas i verkstad.")
    posting(agreement, association(), NEED, "Cykelverkstad", "Cyklar lagas i verkstad.")

    assert suggest(need) == []


def test_an_offer_is_matched_against_needs(agreement, city):
    offer = posting(
        agreement, association(), OFFER, "Volontärer till nattvandring", "Nattvandring."
    )
    need = posting(agreement, city, NEED, "Nattvandrare i Seved", "Vuxna som nattvandrar.")

    assert [s.posting for s in suggest(offer)] == [need]


def test_a_new_posting_is_suggested_at_once(agreement, city):
    need = posting(agreement, city, NEED, "Teater för barn", "En teatergrupp för barn.")
    assert suggest(need) == []

    offer = posting(agreement, association(), OFFER, "Barnteater", "Vi spelar teater för barn.")

    assert [s.posting for s in suggest(need)] == [offer]


def test_an_edit_reindexes_the_posting(agreement, city):
    need = posting(agreement, city, NEED, "Schack för seniorer", "Schackklubb för äldre.")
    offer = posting(agreement, association(), OFFER, "Brädspel", "Vi spelar brädspel.")
    assert suggest(need) == []

    services.update_posting(
        posting=offer, by=factories.coordinator(), title="Schackklubb", text="Schack för äldre."
    )

    assert [s.posting for s in suggest(need)] == [offer]
    services.update_posting(posting=offer, by=factories.coordinator(), text="Brädspel och kort.")
    services.update_posting(posting=offer, by=factories.coordinator(), title="Kortspel")
    assert suggest(need) == []


def test_a_declined_pair_is_no_longer_suggested(agreement, city):
    need = posting(agreement, city, NEED, "Odling på taket", "Stadsodling.")
    offer = posting(agreement, association(), OFFER, "Odlingslotter", "Vi odlar.")
    assert [s.posting for s in suggest(need)] == [offer]

    services.decline_match(posting=need, counterpart=offer, by=factories.coordinator())

    assert suggest(need) == []
