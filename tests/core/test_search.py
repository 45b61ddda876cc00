"""The one search helper (samverkan/core/search.py): its index exists on the database in use, and
the three searched lists (register, collaborations, method library) answer a query alike.
These run on SQLite and again on PostgreSQL."""

import pytest
from django.db import connection

from samverkan.actors.models import Organisation
from samverkan.actors.search import REGISTER_INDEX
from samverkan.core.search import SearchIndex, stems_text
from samverkan.learning.text import MATERIAL_INDEX
from samverkan.partnerships.search import COLLABORATION_INDEX

pytestmark = pytest.mark.django_db

INDEXES = [REGISTER_INDEX, COLLABORATION_INDEX, MATERIAL_INDEX]


@pytest.mark.parametrize("index", INDEXES, ids=lambda i: i.table)
def test_every_searched_table_has_its_index_on_the_database(index):
    """SQLite drops a table's triggers when a migration rebuilds the table: this fails then."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            assert index.sqlite_triggers() <= {name for (name,) in cursor.fetchall()}
            cursor.execute("SELECT name FROM sqlite_master WHERE name = %s", [index.fts_table])
            assert cursor.fetchone()
        else:
            cursor.execute(
                "SELECT is_generated FROM information_schema.columns "
                "WHERE table_name = %s AND column_name = 'search_vector'",
                [index.table],
            )
            assert cursor.fetchone() == ("ALWAYS",)
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE tablename = %s AND indexdef LIKE %s",
                [index.table, "%USING gin (search_vector)%"],
            )
            assert cursor.fetchone()


@pytest.mark.parametrize(
    "names",
    [
        {"table": "actors_organisation; DROP TABLE x", "stems_column": "s"},
        {"table": "t", "stems_column": "s'"},
        {"table": "t", "stems_column": "s", "weighted_columns": (("title", "E"),)},
        {"table": "t", "stems_column": "s", "weighted_columns": ()},
    ],
)
def test_an_index_refuses_names_that_are_not_plain_identifiers_or_weights(names):
    names.setdefault("weighted_columns", (("title", "A"),))
    with pytest.raises(ValueError):
        SearchIndex(**names)


def test_stems_text_holds_the_stems_with_a_space_before_each():
    assert stems_text("Föreningarna", "", "kulturen") == " förening kultur "
    assert stems_text("", "") == ""


def test_the_full_text_match_reads_the_index_not_each_row(db):
    """SQLite: a correlated MATCH per row took 1.4 s for "ungdom" among 3 000 organisations.
    PostgreSQL: computing the tsvector of every row took 84 ms of a 123 ms page."""
    queryset = REGISTER_INDEX.search(Organisation.objects.all(), "ungdom").order_by("-rank")
    sql, params = queryset.query.sql_with_params()
    if connection.vendor == "postgresql":
        assert "search_vector" in sql
        assert "to_tsvector" not in sql
        return
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())

    assert "CORRELATED" not in plan
    assert plan.count("VIRTUAL TABLE") == 2  # the match, and the words-as-typed bonus
