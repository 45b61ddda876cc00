"""The word families a search term expands to (samverkan/core/data/word_families.txt)."""

from collections import defaultdict

from samverkan.core.search_terms import expand, read_word_families, stemmer


def stems_of(term: str) -> set[str]:
    return {a.stem for a in expand(term)}


def test_no_stem_belongs_to_two_families():
    owners = defaultdict(list)
    for family in read_word_families():
        for stem in set(stemmer().stemWords(family)):
            owners[stem].append(family[0])

    assert {stem: names for stem, names in owners.items() if len(names) > 1} == {}


def test_every_family_joins_words_that_stemming_alone_keeps_apart():
    single = [f[0] for f in read_word_families() if len(set(stemmer().stemWords(f))) == 1]

    assert single == []


def test_the_table_holds_between_50_and_150_families():
    assert 50 <= len(read_word_families()) <= 150


def test_a_term_expands_to_the_stems_of_its_family():
    assert stems_of("ungdom") == stems_of("unga") == stems_of("ungdomarna")
    assert {"ungdom", "ung"} <= stems_of("ungdom")


def test_the_term_as_typed_comes_first():
    assert expand("unga")[0].word == "unga"
    assert expand("ungdom")[0].word == "ungdom"


def test_a_word_outside_the_table_is_only_itself():
    assert [a.stem for a in expand("schack")] == ["schack"]


def test_stems_of_four_letters_or_more_match_as_a_prefix():
    assert expand("idrott")[0].prefix
    assert not expand("unga")[0].prefix  # stem "ung" would find "ungefär"
