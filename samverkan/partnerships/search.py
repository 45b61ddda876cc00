"""Swedish search of collaborations, as the register's (samverkan/core/search.py).

PostgreSQL indexes the title (weight A), description (B) and results (C) itself, in a generated
column. For SQLite, `Collaboration.search_text` holds the Snowball stems of the same texts,
written by the services with `index_text`; an FTS5 table indexes it.
"""

from django.db.models import QuerySet

from samverkan.core.search import SearchIndex, stems_text

__all__ = ["COLLABORATION_INDEX", "index_text", "search"]

COLLABORATION_INDEX = SearchIndex(
    table="partnerships_collaboration",
    stems_column="search_text",
    weighted_columns=(("title", "A"), ("description", "B"), ("results", "C")),
)


def index_text(*, title: str, description: str = "", results: str = "") -> str:
    """The stems `search_text` holds, each word preceded by a space."""
    return stems_text(title, description, results)


def search(queryset: QuerySet, q: str) -> QuerySet:
    """Collaborations matching every word of `q` (or a word of its family), annotated with
    `rank`."""
    return COLLABORATION_INDEX.search(queryset, q)
