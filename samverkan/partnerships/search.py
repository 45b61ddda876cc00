"""Swedish search of collaborations, the same on SQLite and PostgreSQL.

The title, description and results are reduced to their Snowball Swedish stems (PyStemmer, the
algorithm PostgreSQL's 'swedish' configuration uses) in `Collaboration.search_text`, every word
preceded by a space. A query matches when each of its stems starts a word there: a plain
`LIKE '% stem%'`, so "förening" finds "föreningar" and "idrott" finds "idrottsföreningen".
The mapping holds hundreds of rows, not millions: no full-text index is needed.
"""

from django.db.models import QuerySet

from samverkan.actors.search import query_terms
from samverkan.core.search_terms import stems

__all__ = ["index_text", "search"]


def index_text(*, title: str, description: str = "", results: str = "") -> str:
    words = stems("\n".join([title or "", description or "", results or ""]))
    return " " + " ".join(words) + " " if words else ""


def search(queryset: QuerySet, q: str) -> QuerySet:
    """Collaborations whose text has every word of `q` (as a word prefix)."""
    for stem in stems(" ".join(query_terms(q))):
        queryset = queryset.filter(search_text__contains=f" {stem}")
    return queryset
