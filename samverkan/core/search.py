"""One full-text search for the register, the collaborations and the method library.

A model that is searched declares a `SearchIndex`: its table, the column holding the Snowball
stems of its text, and the columns PostgreSQL indexes with their weights. Its migration creates
the index with `SearchIndex.migration()`; its selector calls `SearchIndex.search(queryset, q)`.

PostgreSQL: a stored generated column `search_vector` (the weighted tsvector of the columns
under the built-in 'swedish' configuration) with a GIN index. The database keeps it in step with
every write, whoever writes. Ranking is ts_rank, so a title (weight A) counts more than a text.
SQLite: an FTS5 table over the stems column, kept in step by triggers and joined to the query.
The application writes the stems (`stems_text`), as SQLite cannot stem Swedish; ranking is bm25,
which has no field weights.

The query is analysed once for both (samverkan/core/search_terms.py): every word of it must
match, as itself or as a word of its family ("ungdom" also finds "unga"), a stem of four letters
or more as a word prefix ("idrott" finds "Idrottsföreningen"), and the last word also as the
start of what was typed, because it may still be being typed ("sim" finds "Simskola"). Rows that
match the words as typed rank above those found only through a family.

Keeping the index safe through later migrations:
- PostgreSQL refuses to change the type of a column a generated column reads (a longer
  `max_length`): such a migration runs `migration(reverse=True)` before and `migration()` after.
- SQLite rebuilds a table for most schema changes and drops its triggers with it: the same
  remedy, and tests/core/test_search.py fails while a searched table lacks its triggers.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection, migrations
from django.db.models import (
    BooleanField,
    Case,
    Expression,
    FloatField,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)

from samverkan.core.search_terms import Alternative, expand, query_terms, stems

__all__ = ["EXACT_MATCH_BONUS", "SearchIndex", "stems_text"]

VECTOR_COLUMN = "search_vector"
CONFIG = "swedish"
WEIGHTS = ("A", "B", "C", "D")
# Added to the rank of a row that matches the words as typed: more than any relevance score
# (bm25 or ts_rank) reaches, so these come before those found only through a family.
EXACT_MATCH_BONUS = 1000.0
# The last word counts as the start of a word from this many letters ("sim" finds "simskola").
TYPED_PREFIX_MIN_LENGTH = 3
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


def stems_text(*texts: str) -> str:
    """The Snowball stems of the texts, space-separated with a space before and after, as the
    stems columns have always held them (FTS5 reads the words and ignores the spaces)."""
    found = stems("\n".join(t for t in texts if t))
    return f" {' '.join(found)} " if found else ""


class _OwnRow(Expression):
    """SQL about the queryset's own row, with `{row}` standing for its table's alias: the
    columns that only the search index knows (the generated vector) and the FTS5 subqueries."""

    def __init__(self, template: str, params=(), *, output_field):
        super().__init__(output_field=output_field)
        self.template, self.params = template, list(params)

    def as_sql(self, compiler, connection):
        row = compiler.quote_name_unless_alias(compiler.query.base_table)
        return self.template.replace("{row}", row), self.params


@dataclass(frozen=True)
class SearchIndex:
    """Where a model's search looks. Names are constants of the code, never user input."""

    table: str
    stems_column: str
    weighted_columns: tuple[tuple[str, str], ...]

    def __post_init__(self):
        names = [self.table, self.stems_column, *(c for c, _ in self.weighted_columns)]
        if not all(_IDENTIFIER.match(n) for n in names):
            raise ValueError(f"Not a plain column or table name: {names}")
        if not self.weighted_columns or any(w not in WEIGHTS for _, w in self.weighted_columns):
            raise ValueError(f"Weights are A, B, C or D: {self.weighted_columns}")

    @property
    def fts_table(self) -> str:
        return f"{self.table}_fts"

    # -----------------------------------------------------------------------------------------
    # Creating the index (in migrations)
    # -----------------------------------------------------------------------------------------

    def postgresql_create(self) -> list[str]:
        vector = " || ".join(
            f"setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE({column}, '')), '{weight}')"
            for column, weight in self.weighted_columns
        )
        return [
            f"ALTER TABLE {self.table} ADD COLUMN IF NOT EXISTS {VECTOR_COLUMN} tsvector "
            f"GENERATED ALWAYS AS ({vector}) STORED",
            f"CREATE INDEX IF NOT EXISTS {self.table}_{VECTOR_COLUMN}_gin ON {self.table} "
            f"USING gin ({VECTOR_COLUMN})",
        ]

    def postgresql_drop(self) -> list[str]:
        return [
            f"DROP INDEX IF EXISTS {self.table}_{VECTOR_COLUMN}_gin",
            f"ALTER TABLE {self.table} DROP COLUMN IF EXISTS {VECTOR_COLUMN}",
        ]

    def sqlite_create(self) -> list[str]:
        fts, table, stems = self.fts_table, self.table, self.stems_column
        # Built from the names of the code only (checked in __post_init__), never user input.
        delete_old = (
            f"INSERT INTO {fts}({fts}, rowid, {stems}) "  # noqa: S608  # nosec B608
            f"VALUES ('delete', old.id, old.{stems});"
        )
        insert_new = (
            f"INSERT INTO {fts}(rowid, {stems}) "  # noqa: S608  # nosec B608
            f"VALUES (new.id, new.{stems});"
        )
        return [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({stems}, content='{table}', "
            "content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {table} BEGIN {insert_new} END",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {table} BEGIN {delete_old} END",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF {stems} ON {table} BEGIN "
            f"{delete_old} {insert_new} END",
            f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",  # noqa: S608  # nosec B608
        ]

    def sqlite_drop(self) -> list[str]:
        return [f"DROP TRIGGER IF EXISTS {self.fts_table}_{t}" for t in ("ai", "ad", "au")] + [
            f"DROP TABLE IF EXISTS {self.fts_table}"
        ]

    def sqlite_triggers(self) -> set[str]:
        return {f"{self.fts_table}_{t}" for t in ("ai", "ad", "au")}

    def migration(self, *, reverse: bool = False, vendors=("postgresql", "sqlite")):
        """A migration operation creating the index (removing it with `reverse`) on the
        databases named; other databases search the stems column without an index."""
        create = {"postgresql": self.postgresql_create, "sqlite": self.sqlite_create}
        drop = {"postgresql": self.postgresql_drop, "sqlite": self.sqlite_drop}
        forward, backward = (drop, create) if reverse else (create, drop)

        def run(statements):
            def apply(apps, schema_editor):
                vendor = schema_editor.connection.vendor
                if vendor in vendors:
                    for statement in statements[vendor]():
                        schema_editor.execute(statement)

            return apply

        return migrations.RunPython(run(forward), run(backward), elidable=False)

    # -----------------------------------------------------------------------------------------
    # Searching
    # -----------------------------------------------------------------------------------------

    def search(self, queryset: QuerySet, q: str) -> QuerySet:
        """The rows of `queryset` matching every word of `q` (or a word of its family),
        annotated with `rank` (higher is better); callers decide the order. Without words, the
        queryset as it is, with rank 0."""
        terms = query_terms(q)
        if not terms:
            return queryset.annotate(rank=Value(0.0, output_field=FloatField()))
        groups = [expand(t) for t in terms]
        as_typed = [group[:1] for group in groups]
        last = groups[-1][0]
        typed_prefix = (
            last.word
            if not last.prefix
            and len(last.word) >= TYPED_PREFIX_MIN_LENGTH
            and not last.word.isdigit()
            else ""
        )
        expanded = any(len(group) > 1 for group in groups) or bool(typed_prefix)
        if connection.vendor == "postgresql":
            return self._search_postgresql(queryset, groups, as_typed, typed_prefix, expanded)
        if connection.vendor == "sqlite":
            return self._search_sqlite(queryset, groups, as_typed, typed_prefix, expanded)
        return self._search_stems(queryset, groups, typed_prefix)

    def _search_postgresql(self, queryset, groups, as_typed, typed_prefix, expanded):
        vector = _OwnRow(f"{{row}}.{VECTOR_COLUMN}", output_field=SearchVectorField())
        query = _tsquery(groups, typed_prefix)
        rank = SearchRank(vector, query)
        queryset = queryset.alias(search_document=vector).filter(search_document=query)
        if expanded:
            exact = When(Q(search_document=_tsquery(as_typed, "")), then=EXACT_MATCH_BONUS)
            rank = rank + Case(exact, default=0.0, output_field=FloatField())
        return queryset.annotate(rank=rank)

    def _search_sqlite(self, queryset, groups, as_typed, typed_prefix, expanded):
        # The FTS5 table joins the query, so that MATCH runs once and bm25 is read from that one
        # run (a subquery per row reran the whole MATCH for every row: seconds, not
        # milliseconds, for a common word among 3 000 organisations). Built from the index's
        # names only; the user's words travel as bound parameters.
        fts, pk = self.fts_table, queryset.model._meta.pk.column
        found = _OwnRow(
            f"{fts} MATCH %s AND {fts}.rowid = {{row}}.{pk}",
            [_fts_match(groups, typed_prefix)],
            output_field=BooleanField(),
        )
        rank = _OwnRow(f"-bm25({fts})", output_field=FloatField())
        if expanded:
            exact = _OwnRow(
                f"{{row}}.{pk} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s)",  # noqa: S608  # nosec B608
                [_fts_match(as_typed, "")],
                output_field=BooleanField(),
            )
            rank = rank + Case(When(exact, then=EXACT_MATCH_BONUS), default=0.0)
        return queryset.extra(tables=[fts]).filter(found).annotate(rank=rank)  # noqa: S610  # nosec B610

    def _search_stems(self, queryset, groups, typed_prefix):
        # Any other database: one alternative of every term starts (or is) a word of the stems.
        for n, group in enumerate(groups):
            matches_one = Q()
            for a in group:
                end = "" if a.prefix else r"(\s|$)"
                matches_one |= Q(
                    **{f"{self.stems_column}__regex": rf"(^|\s){re.escape(a.stem)}{end}"}
                )
            if typed_prefix and n == len(groups) - 1:
                matches_one |= Q(
                    **{f"{self.stems_column}__regex": rf"(^|\s){re.escape(typed_prefix)}"}
                )
            queryset = queryset.filter(matches_one)
        return queryset.annotate(rank=Value(0.0, output_field=FloatField()))


def _tsquery(groups: list[list[Alternative]], typed_prefix: str) -> SearchQuery:
    """Every group's alternatives ORed, the groups ANDed. Words are word characters only, so
    they are safe in a raw tsquery; PostgreSQL stems them. The typed prefix is not stemmed
    (configuration 'simple'): "unga" stemmed is "ung:*", which would find "ungefär"."""

    def forms(a: Alternative) -> list[str]:
        # PostgreSQL's Snowball is older than PyStemmer's and keeps some endings ("-et" of
        # "partnerskapet"): the stem the text was indexed under on SQLite is asked for too.
        found = [a.word] if a.stem == a.word else [a.word, a.stem]
        return [f"{form}:*" if a.prefix else form for form in found]

    query = None
    for n, group in enumerate(groups):
        part = SearchQuery(
            _DistinctForms([forms(a) for a in group]), search_type="raw", config=CONFIG
        )
        if typed_prefix and n == len(groups) - 1:
            part = part | SearchQuery(f"{typed_prefix}:*", search_type="raw", config="simple")
        query = part if query is None else query & part
    return query


class _DistinctForms(Expression):
    """The raw tsquery text of a group's alternatives, ORed, each asking for its stem only where
    PostgreSQL stems it to another lexeme than its word. Mostly it stems both alike ("idrott:*"
    and "idrot:*" are both 'idrot':*), and a lexeme asked for twice is looked up twice in the
    GIN index and matched twice against every row (the register's count took twice as long);
    ts_rank counts each lexeme once, so leaving the copy out changes no rank. PostgreSQL decides,
    as only its own stemmer knows: to_tsquery with its configuration named is immutable, so the
    planner folds the CASE to one constant and the index is used as before."""

    output_field = TextField()

    def __init__(self, alternatives: list[list[str]]):
        super().__init__()
        self.alternatives = alternatives

    def as_sql(self, compiler, connection):
        parts, params = [], []
        for forms in self.alternatives:
            if len(forms) == 1:
                parts.append("%s")
                params.append(forms[0])
                continue
            word, stem = forms
            parts.append(
                f"CASE WHEN to_tsquery('{CONFIG}'::regconfig, %s) = "
                f"to_tsquery('{CONFIG}'::regconfig, %s) THEN %s ELSE %s END"
            )
            params += [word, stem, word, f"{word} | {stem}"]
        return "(" + " || ' | ' || ".join(parts) + ")", params


def _fts_match(groups: list[list[Alternative]], typed_prefix: str) -> str:
    """The FTS5 query. Stems are word characters only; quoted, they are plain words to FTS5
    whatever they spell (AND, NEAR)."""

    def term(a: Alternative) -> str:
        return f'"{a.stem}"*' if a.prefix else f'"{a.stem}"'

    alternatives = [[term(a) for a in group] for group in groups]
    if typed_prefix:
        alternatives[-1].append(f'"{typed_prefix}"*')
    return " AND ".join("(" + " OR ".join(group) + ")" for group in alternatives)
