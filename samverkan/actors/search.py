"""Swedish full-text search of the organisation register, on PostgreSQL and on SQLite.

PostgreSQL: `search_text` under the built-in 'swedish' text-search configuration (GIN index in
migration 0002), queried with prefix terms so that "idrott" finds "Idrottsföreningen".
SQLite: the same text reduced to Snowball Swedish stems (PyStemmer, the algorithm PostgreSQL
uses) in `search_stems`, indexed by an FTS5 table that triggers keep in step, queried with the
same prefix terms. Both stem the query, so "förening" finds "föreningar".
"""

import re
from functools import lru_cache

import Stemmer
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, FloatField, QuerySet, Value
from django.db.models.expressions import RawSQL

FTS_TABLE = "actors_organisation_fts"
# Built from constants only; the user's words travel as a bound parameter.
_FTS_MATCHING_IDS = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"  # noqa: S608  # nosec B608
_FTS_RANK = (
    f"SELECT -bm25({FTS_TABLE}) FROM {FTS_TABLE} "  # noqa: S608  # nosec B608
    f"WHERE {FTS_TABLE} MATCH %s AND rowid = actors_organisation.id"
)
MAX_TERMS = 8
_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _stemmer():
    return Stemmer.Stemmer("swedish")


def words(text: str) -> list[str]:
    """The words of a text, lower-cased; punctuation is ignored."""
    return [w.lower() for w in _WORD.findall(text or "")]


def query_terms(q: str) -> list[str]:
    return words(q)[:MAX_TERMS]


def stems(text: str) -> list[str]:
    return _stemmer().stemWords(words(text))


def build_search_text(organisation) -> str:
    """What a search looks at: name, description, city, districts and areas of interest.

    Not the sector or legal form: their labels depend on the language, and the filters cover
    them (with them in, "förening" would match every association by its form alone).
    """
    parts = [organisation.name, organisation.description, organisation.city]
    if organisation.pk:
        parts += [d.name for d in organisation.districts.all()]
        parts += [a.name for a in organisation.interest_areas.all()]
    return "\n".join(str(p) for p in parts if p)


def reindex_organisation(organisation) -> None:
    """Recompute the search columns of one organisation (after its fields or relations change)."""
    text = build_search_text(organisation)
    organisation.search_text = text
    organisation.search_stems = " ".join(stems(text))
    type(organisation).objects.filter(pk=organisation.pk).update(
        search_text=organisation.search_text, search_stems=organisation.search_stems
    )


def search(queryset: QuerySet, q: str) -> QuerySet:
    """Organisations matching every word of `q` (as a word prefix), best match first.

    The result is annotated with `rank`; callers decide the final order.
    """
    terms = query_terms(q)
    if not terms:
        return queryset.annotate(rank=Value(0.0, output_field=FloatField()))
    if connection.vendor == "postgresql":
        # Terms are \w+ only, so they are safe inside a raw tsquery.
        tsquery = SearchQuery(
            " & ".join(f"{t}:*" for t in terms), search_type="raw", config="swedish"
        )
        vector = SearchVector("search_text", config="swedish")
        return (
            queryset.annotate(search_vector=vector)
            .filter(search_vector=tsquery)
            .annotate(rank=SearchRank(F("search_vector"), tsquery))
        )
    match = " ".join(f'"{s}"*' for s in _stemmer().stemWords(terms))
    if connection.vendor == "sqlite":
        return queryset.filter(id__in=RawSQL(_FTS_MATCHING_IDS, [match])).annotate(  # noqa: S611  # nosec B611
            rank=RawSQL(_FTS_RANK, [match], output_field=FloatField())  # noqa: S611  # nosec B611
        )
    # Any other database: every stem must start a word of the stemmed text.
    for s in _stemmer().stemWords(terms):
        queryset = queryset.filter(search_stems__regex=rf"(^|\s){re.escape(s)}")
    return queryset.annotate(rank=Value(0.0, output_field=FloatField()))
