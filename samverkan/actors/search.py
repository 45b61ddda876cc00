"""Swedish full-text search of the organisation register, on PostgreSQL and on SQLite.

Each word of the query is expanded to its word family (samverkan/core/search_terms.py: "ungdom"
also finds "unga", "äldre" also "pensionär"); an organisation matches when its text has, for every
word, one of the alternatives, stems of four letters or more as a word prefix ("idrott" finds
"Idrottsföreningen"). Organisations that match the words as typed rank above those found only
through a family.

PostgreSQL: `search_text` under the built-in 'swedish' text-search configuration (GIN index in
migration 0002), queried with a tsquery that stems the words the same way.
SQLite: the same text reduced to Snowball Swedish stems (PyStemmer, the algorithm PostgreSQL
uses) in `search_stems`, indexed by an FTS5 table that triggers keep in step, queried with the
stems.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from samverkan.core.search_terms import Alternative, expand, stems, words

__all__ = ["build_search_text", "query_terms", "reindex_organisation", "search"]
__all__ += ["stems", "words"]

FTS_TABLE = "actors_organisation_fts"
# Built from constants only; the user's words travel as bound parameters.
_FTS_MATCHING_IDS = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"  # noqa: S608  # nosec B608
_FTS_RANK = (
    f"SELECT -bm25({FTS_TABLE}) FROM {FTS_TABLE} "  # noqa: S608  # nosec B608
    f"WHERE {FTS_TABLE} MATCH %s AND rowid = actors_organisation.id"
)
MAX_TERMS = 8
# Added to the rank of an organisation that matches the words as typed: more than any
# relevance score (bm25 or ts_rank) reaches, so these come before those found through a family.
EXACT_MATCH_BONUS = 1000.0


def query_terms(q: str) -> list[str]:
    return words(q)[:MAX_TERMS]


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


def _tsquery(groups: list[list[Alternative]]) -> SearchQuery:
    # Words are \w+ only, so they are safe inside a raw tsquery; PostgreSQL stems them.
    def term(a: Alternative) -> str:
        return f"{a.word}:*" if a.prefix else a.word

    return SearchQuery(
        " & ".join("(" + " | ".join(term(a) for a in group) + ")" for group in groups),
        search_type="raw",
        config="swedish",
    )


def _fts_match(groups: list[list[Alternative]]) -> str:
    # Stems are \w+ only; quoted, they are plain words to FTS5 whatever they spell (AND, NEAR).
    def term(a: Alternative) -> str:
        return f'"{a.stem}"*' if a.prefix else f'"{a.stem}"'

    return " AND ".join("(" + " OR ".join(term(a) for a in group) + ")" for group in groups)


def search(queryset: QuerySet, q: str) -> QuerySet:
    """Organisations matching every word of `q` or a word of its family, best match first.

    The result is annotated with `rank`; callers decide the final order.
    """
    terms = query_terms(q)
    if not terms:
        return queryset.annotate(rank=Value(0.0, output_field=FloatField()))
    groups = [expand(t) for t in terms]
    as_typed = [group[:1] for group in groups]
    expanded = any(len(group) > 1 for group in groups)
    if connection.vendor == "postgresql":
        tsquery = _tsquery(groups)
        rank = SearchRank(F("search_vector"), tsquery)
        if expanded:
            exact = When(Q(search_vector=_tsquery(as_typed)), then=Value(EXACT_MATCH_BONUS))
            rank = rank + Case(exact, default=Value(0.0), output_field=FloatField())
        return (
            queryset.annotate(search_vector=SearchVector("search_text", config="swedish"))
            .filter(search_vector=tsquery)
            .annotate(rank=rank)
        )
    if connection.vendor == "sqlite":
        match = _fts_match(groups)
        rank = RawSQL(_FTS_RANK, [match], output_field=FloatField())  # noqa: S611  # nosec B611
        if expanded:
            exact = Q(id__in=RawSQL(_FTS_MATCHING_IDS, [_fts_match(as_typed)]))  # noqa: S611  # nosec B611
            rank = rank + Case(
                When(exact, then=Value(EXACT_MATCH_BONUS)),
                default=Value(0.0),
                output_field=FloatField(),
            )
        return queryset.filter(id__in=RawSQL(_FTS_MATCHING_IDS, [match])).annotate(  # noqa: S611  # nosec B611
            rank=rank
        )
    # Any other database: one alternative of every term must start (or be) a word of the stems.
    for group in groups:
        matches_one = Q()
        for a in group:
            end = "" if a.prefix else r"(\s|$)"
            matches_one |= Q(search_stems__regex=rf"(^|\s){re.escape(a.stem)}{end}")
        queryset = queryset.filter(matches_one)
    return queryset.annotate(rank=Value(0.0, output_field=FloatField()))
