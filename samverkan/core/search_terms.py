"""Swedish search terms: words, Snowball stems, and the word families a query term expands to.

Every search path reduces text and query to Snowball Swedish stems (PyStemmer, the algorithm of
PostgreSQL's 'swedish' configuration), so "förening" meets "föreningar". Stems miss the irregular
forms ("ungdom" and "unga", "kvinna" and "kvinnor") and do not know that "äldre" means
"pensionärer": `expand` adds the other words of the term's family from the table in
data/word_families.txt, and marks which alternatives match as a word prefix (stems of four
letters or more, so "idrott" finds "idrottsföreningen" but "ung" does not find "ungefär").

A search engine turns each term's alternatives into an OR, and the terms into an AND:
samverkan/actors/search.py does so for the register on PostgreSQL and on SQLite.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import Stemmer

WORD_FAMILIES = Path(__file__).parent / "data" / "word_families.txt"
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


def expand(term: str) -> list[Alternative]:
    """The ways `term` (one lower-case word) may match: the term itself first, then the other
    stems of its word family, each once (as a prefix when it is long enough)."""
    own = _alternative(term)
    alternatives = {own.stem: own}
    for word in _families_by_stem().get(own.stem, ()):
        alternative = _alternative(word)
        alternatives.setdefault(alternative.stem, alternative)
    return list(alternatives.values())
