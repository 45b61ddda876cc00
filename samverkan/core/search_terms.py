"""Swedish search terms: words, Snowball stems, and the word families a query term expands to.

Every search path reduces text and query to Snowball Swedish stems (PyStemmer, the algorithm of
PostgreSQL's 'swedish' configuration), so "förening" meets "föreningar". Stems miss the irregular
forms ("ungdom" and "unga", "kvinna" and "kvinnor") and do not know that "äldre" means
"pensionärer": `expand` adds the other words of the term's family from the table in
data/word_families.txt, and marks which alternatives match as a word prefix (stems of four
letters or more, so "idrott" finds "idrottsföreningen" but "ung" does not find "ungefär").

An index that matches whole terms rather than word prefixes (the matcher's) reduces each word to
one `index_term`: its family's first stem, or else its `root` (the stem without the verbal-noun
ending that Snowball keeps: "odling" meets "odla").

A search engine turns each term's alternatives into an OR, and the terms into an AND:
samverkan/core/search.py does so for the register, the collaborations and the method library on
PostgreSQL and on SQLite. The matcher's index (samverkan/matching/text.py) builds its terms from
the same words, stems and families.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import Stemmer

WORD_FAMILIES = Path(__file__).parent / "data" / "word_families.txt"
MAX_QUERY_TERMS = 8  # a longer query is cut to its first words
PREFIX_MIN_LENGTH = 4  # a stem this long or longer also matches the words it starts
_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def stemmer():
    return Stemmer.Stemmer("swedish")


def words(text: str) -> list[str]:
    """The words of a text, lower-cased; punctuation is ignored."""
    return [w.lower() for w in _WORD.findall(text or "")]


def stems(text: str) -> list[str]:
    return stemmer().stemWords(words(text))


def query_terms(q: str) -> list[str]:
    """The words of a search, at most MAX_QUERY_TERMS of them."""
    return words(q)[:MAX_QUERY_TERMS]


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    return stemmer().stemWord(word)


# The Snowball project's Swedish stop words: the list PostgreSQL's 'swedish' configuration drops.
STOP_WORDS = frozenset(
    """
    och det att i en jag hon som han på den med var sig för så till är men ett om hade de av
    icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något
    från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller
    allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din
    dessa några deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför
    varje vilka ditt vem vilket sitta sådana vart dina vars vårt våra ert era vilkas
    """.split()  # noqa: SIM905
)


@lru_cache(maxsize=20_000)
def root(word: str) -> str:
    """The stem with the -ing/-ning of verbal nouns also removed: Snowball's Swedish stemmer is
    light and keeps "odling" apart from "odlar" and "träning" from "tränare"."""
    term = stem(word)
    if term.endswith("ning") and len(term) >= 9:
        return term[:-4]
    if term.endswith("ing") and len(term) >= 6:
        return term[:-3]
    return term


@lru_cache(maxsize=20_000)
def index_term(word: str) -> str:
    """The one term a word is indexed under where terms match whole: the first stem of its word
    family when it has one ("unga" and "ungdomar" → "ungdom"), otherwise its root."""
    return family_key(stem(word)) or root(word)


@dataclass(frozen=True)
class Alternative:
    """One way a query term may match: `word` for engines that stem the query themselves
    (PostgreSQL's to_tsquery), `stem` for those that match stems (the SQLite index)."""

    word: str
    stem: str
    prefix: bool


def _alternative(word: str) -> Alternative:
    stem = stemmer().stemWord(word)
    return Alternative(word=word, stem=stem, prefix=len(stem) >= PREFIX_MIN_LENGTH)


def read_word_families(path: Path = WORD_FAMILIES) -> list[list[str]]:
    """The families of the table: one per line, words separated by spaces, # starts a comment."""
    families = []
    for line in path.read_text(encoding="utf-8").splitlines():
        family = words(line.split("#", 1)[0])
        if family:
            families.append(family)
    return families


@lru_cache(maxsize=1)
def _families_by_stem() -> dict[str, tuple[str, ...]]:
    """Each stem of the table -> the words of its families."""
    by_stem: dict[str, tuple[str, ...]] = {}
    for family in read_word_families():
        for stem in set(stemmer().stemWords(family)):
            by_stem[stem] = by_stem.get(stem, ()) + tuple(family)
    return by_stem


@lru_cache(maxsize=1)
def _family_keys() -> dict[str, str]:
    """Each stem of the table -> the stem of the first word of its family."""
    keys: dict[str, str] = {}
    for family in read_word_families():
        first = stemmer().stemWord(family[0])
        for member in stemmer().stemWords(family):
            keys.setdefault(member, first)
    return keys


def family_key(stem: str) -> str | None:
    """The stem that stands for the word family of `stem`, or None when it is in none."""
    return _family_keys().get(stem)


def expand(term: str) -> list[Alternative]:
    """The ways `term` (one lower-case word) may match: the term itself first, then the other
    stems of its word family, each once (as a prefix when it is long enough)."""
    own = _alternative(term)
    alternatives = {own.stem: own}
    for word in _families_by_stem().get(own.stem, ()):
        alternative = _alternative(word)
        alternatives.setdefault(alternative.stem, alternative)
    return list(alternatives.values())
