"""Swedish full-text search of the organisation register, on PostgreSQL and on SQLite.

The register is searched as the collaborations and the method library are
(samverkan/core/search.py): words, stems and word families, ranked, with those matching the
words as typed first. What it searches is `search_text`: an organisation's name, description,
city, districts and areas of interest, written by `reindex_organisation` whenever one of those
changes, and its Snowball stems in `search_stems` (for SQLite's FTS5 table).
"""

from django.db.models import QuerySet

from samverkan.core.search import SearchIndex
from samverkan.core.search_terms import stems

__all__ = ["REGISTER_INDEX", "build_search_text", "reindex_organisation", "search"]

# The one weighted column is the whole text: the related names (districts, areas) cannot be in a
# generated column, and a stale text would otherwise be half found (tests/actors/test_search.py).
REGISTER_INDEX = SearchIndex(
    table="actors_organisation",
    stems_column="search_stems",
    weighted_columns=(("search_text", "A"),),
)


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
    """Organisations matching every word of `q` or a word of its family, annotated with `rank`
    (best match highest); callers decide the final order."""
    return REGISTER_INDEX.search(queryset, q)
