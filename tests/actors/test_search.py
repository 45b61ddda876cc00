"""Swedish search of the register; these run on SQLite and again on PostgreSQL."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samverkan.actors.models import LegalForm, Organisation, Sector
from samverkan.actors.selectors import RegisterFilters, register_page, search_register
from samverkan.core.search import EXACT_MATCH_BONUS
from tests import factories

pytestmark = pytest.mark.django_db


def org(name, **kwargs):
    kwargs.setdefault("description", "")
    kwargs.setdefault("city", "")
    return factories.OrganisationFactory(name=name, **kwargs)


def names(q="", **filters) -> list[str]:
    return [o.name for o in search_register(RegisterFilters(q=q, **filters))]


@pytest.fixture
def register(db):
    org("Idrottsföreningen Kroksbäck")
    org("Rosengårds idrottsförening")
    org("Föreningen Kulturhuset")
    org("Malmö ideella föreningar")
    org("Schackklubben Springaren")
    org("Idéburna Malmö")


def test_word_stem_finds_names_with_words_starting_with_it(register):
    assert sorted(names("idrott")) == ["Idrottsföreningen Kroksbäck", "Rosengårds idrottsförening"]


def test_search_ignores_case(register):
    assert sorted(names("IDROTT")) == sorted(names("idrott"))


def test_search_finds_definite_and_plural_forms(register):
    assert sorted(names("förening")) == [
        "Föreningen Kulturhuset",
        "Malmö ideella föreningar",
    ]


def test_plural_query_finds_the_singular(register):
    org("Boulebanans förening")

    assert "Boulebanans förening" in names("föreningar")


def test_search_does_not_match_inside_words(register):
    # "förening" is inside "idrottsförening" but does not start it.
    assert "Rosengårds idrottsförening" not in names("förening")


def test_every_word_of_the_query_must_match(register):
    assert names("idrott kroksbäck") == ["Idrottsföreningen Kroksbäck"]
    assert names("idrott schack") == []


def test_search_looks_at_the_description(register):
    org("Grannar i Holma", description="Vi spelar fotboll på Holmavallen.")

    assert names("fotboll") == ["Grannar i Holma"]


def test_search_looks_at_districts_and_interest_areas(register):
    org(
        "Grannar i Holma",
        districts=[factories.DistrictFactory(name="Hyllie", slug="hyllie")],
        interest_areas=[factories.InterestAreaFactory(name="Friluftsliv", slug="friluftsliv")],
    )

    assert names("hyllie") == ["Grannar i Holma"]
    assert names("friluftsliv") == ["Grannar i Holma"]


def test_best_match_comes_first(register):
    org("Kulturföreningen", description="Kultur, kultur och kultur.")
    org("Kvarterslokalen", description="Ibland kultur.")

    assert names("kultur")[0] == "Kulturföreningen"


@pytest.mark.parametrize(
    "q", ["\"' OR 1=1 --", "idrott*", "(", ")", '"', "'", "*", "-", "NEAR(", "a AND", ";", "%_"]
)
def test_punctuation_and_query_syntax_do_not_break_the_register(client, register, q):
    response = client.get(reverse("actors:register"), {"q": q})

    assert response.status_code == 200


def test_query_syntax_is_read_as_plain_words(register):
    assert sorted(names("idrott*")) == ["Idrottsföreningen Kroksbäck", "Rosengårds idrottsförening"]
    assert names('"idrott" OR (schack)') == []
    assert names("\"' OR 1=1 --") == []


def test_query_of_only_punctuation_lists_everything(register):
    assert len(names("(")) == Organisation.objects.count()


def test_very_long_query_is_cut_to_its_first_words(register):
    assert names("idrott kroksbäck " + "x " * 50) == []
    assert names("idrott kroksbäck " + "idrott " * 50) == ["Idrottsföreningen Kroksbäck"]


def test_filters_combine_with_the_query(register):
    rosengard = factories.DistrictFactory(name="Rosengård", slug="rosengard")
    sport = factories.InterestAreaFactory(name="Sport", slug="sport")
    org("Rosengårds idrottsallians", districts=[rosengard], interest_areas=[sport])
    org("Rosengårds idrottsskola", districts=[rosengard])
    org("Idrottsförvaltningen", sector=Sector.MUNICIPALITY, legal_form=LegalForm.ADMINISTRATION)

    assert sorted(names("idrott", district="rosengard")) == [
        "Rosengårds idrottsallians",
        "Rosengårds idrottsskola",
    ]
    assert names("idrott", district="rosengard", interest_area="sport") == [
        "Rosengårds idrottsallians"
    ]
    assert names("idrott", sector=Sector.MUNICIPALITY) == ["Idrottsförvaltningen"]
    assert names("schack", sector=Sector.MUNICIPALITY) == []


def test_filters_without_query_list_in_alphabetical_order(register):
    rosengard = factories.DistrictFactory(name="Rosengård", slug="rosengard")
    org("Örtagården", districts=[rosengard])
    org("Blomstergården", districts=[rosengard])

    assert names(district="rosengard") == ["Blomstergården", "Örtagården"]


def test_without_query_the_register_is_in_swedish_alphabetical_order(db):
    for name in ("Öresund", "Ängen", "Zeta", "Åkern", "Alfa"):
        org(name)

    assert names() == ["Alfa", "Zeta", "Åkern", "Ängen", "Öresund"]


def test_swedish_order_ignores_case(db):
    for name in ("öresund", "Åkern", "zeta", "Alfa"):
        org(name)

    assert names() == ["Alfa", "zeta", "Åkern", "öresund"]


def test_non_public_organisations_are_never_found(register):
    org("Idrottsklubben Hemlig", is_public=False)

    assert "Idrottsklubben Hemlig" not in names()
    assert "Idrottsklubben Hemlig" not in names("idrott")
    assert "Idrottsklubben Hemlig" not in names("hemlig")


def test_deleted_organisation_is_no_longer_found(register):
    Organisation.objects.get(name="Idrottsföreningen Kroksbäck").delete()

    assert names("idrott") == ["Rosengårds idrottsförening"]
    assert names("kroksbäck") == []


def test_deleted_organisations_do_not_break_the_search_of_the_rest(register):
    Organisation.objects.filter(name__startswith="Idrottsföreningen").delete()
    org("Idrottsföreningen Kroksbäck")

    assert sorted(names("kroksbäck")) == ["Idrottsföreningen Kroksbäck"]


@pytest.mark.postgres
def test_postgresql_search_uses_the_swedish_configuration(register):
    queryset = search_register(RegisterFilters(q="idrott"))

    assert connection.vendor == "postgresql"
    assert "swedish" in str(queryset.query)


def test_reindexing_every_organisation_restores_a_stale_index():
    org = factories.OrganisationFactory(name="Kroksbäcks schackklubb")
    Organisation.objects.filter(pk=org.pk).update(search_text="", search_stems="")
    assert not search_register(RegisterFilters(q="schackklubb")).exists()

    call_command("reindex_organisations", stdout=io.StringIO())

    assert list(search_register(RegisterFilters(q="schackklubb"))) == [org]


# Word families (samverkan/core/data/word_families.txt) and prefixes


def test_a_word_finds_the_other_forms_of_its_family(db):
    org("Unga i Rosengård")
    org("Ungdomsgården Kroksbäck")

    assert sorted(names("ungdom")) == ["Unga i Rosengård", "Ungdomsgården Kroksbäck"]
    assert sorted(names("unga")) == sorted(names("ungdom")) == sorted(names("ungdomar"))


def test_irregular_plural_finds_the_singular(db):
    org("Kvinnojouren Malmö", description="Stöd till en kvinna i kris.")
    org("Kvinnors nätverk")

    assert sorted(names("kvinnor")) == sorted(names("kvinna"))
    assert len(names("kvinnor")) == 2


def test_a_word_finds_its_near_synonyms(db):
    org("Möllevångens pensionärsförening")
    org("Seniorerna Limhamn")

    assert sorted(names("äldre")) == ["Möllevångens pensionärsförening", "Seniorerna Limhamn"]


def test_short_stems_match_whole_words_only(db):
    org("Unga i Rosengård")
    org("Ungefär som hemma")

    assert names("unga") == ["Unga i Rosengård"]


def test_organisations_matching_the_word_as_typed_come_first(db):
    org("Aktiva pensionärer", description="Pensionär, pensionär, pensionär.")
    org("Äldres röst")

    assert names("äldre") == ["Äldres röst", "Aktiva pensionärer"]
    assert names("pensionär") == ["Aktiva pensionärer", "Äldres röst"]


def test_every_word_still_needs_a_match_of_its_own(db):
    org("Unga i Rosengård")
    org("Unga i Holma")

    assert names("ungdom rosengård") == ["Unga i Rosengård"]


@pytest.mark.postgres
def test_postgresql_search_asks_for_the_whole_family_in_its_tsquery(db):
    org("Unga i Rosengård")
    queryset = search_register(RegisterFilters(q="ungdom"))

    assert connection.vendor == "postgresql"
    assert {"ungdom:*", "ung", "tonåring:*"} <= set(re.findall(r"[\w:*]+", str(queryset.query)))
    assert [o.name for o in queryset] == ["Unga i Rosengård"]


@pytest.mark.postgres
def test_postgresql_asks_for_a_lexeme_once_when_word_and_stem_stem_alike(register):
    # "idrott:*" and "idrot:*" are both 'idrot':*: asked twice, the index and every row's
    # match looked it up twice (issue 15).
    queryset = search_register(RegisterFilters(q="idrott"))
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "''idrot'':*" in plan
    assert "''idrot'':* | ''idrot'':*" not in plan


@pytest.mark.postgres
def test_postgresql_rank_is_that_of_the_query_asking_for_word_and_stem(register):
    # ts_rank counts a lexeme once, however often the query asks for it.
    found = {o.pk: o.rank for o in search_register(RegisterFilters(q="idrott"))}
    asked = "to_tsquery('swedish', 'idrott:* | idrot:* | sport:*')"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, ts_rank(search_vector, {asked}) + {EXACT_MATCH_BONUS} "
            f"FROM actors_organisation WHERE search_vector @@ {asked}"
        )
        expected = dict(cursor.fetchall())

    assert found.keys() == expected.keys()
    assert all(found[pk] == pytest.approx(expected[pk]) for pk in found)


@pytest.mark.postgres
def test_postgresql_search_counts_its_matches_in_the_pass_that_ranks_them(register):
    # A count of its own would read every match a second time (issue 15).
    with CaptureQueriesContext(connection) as queries:
        page = register_page(RegisterFilters(q="förening"), 1)

    assert [o.name for o in page.object_list] == names("förening")
    assert page.paginator.count == len(names("förening")) > 1
    assert not [q for q in queries.captured_queries if '"__count"' in q["sql"]]
