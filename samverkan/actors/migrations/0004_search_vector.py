"""PostgreSQL: the register's tsvector becomes a stored generated column with its own GIN index
(samverkan/core/search.py), in place of the expression index of 0002. SQLite keeps the FTS5
table and triggers of 0002, which already have the shape the search helper uses."""

from django.db import migrations

from samverkan.core.search import SearchIndex

INDEX = SearchIndex(
    table="actors_organisation",
    stems_column="search_stems",
    weighted_columns=(("search_text", "A"),),
)
EXPRESSION_INDEX = "actors_organisation_search_gin"


def drop_expression_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {EXPRESSION_INDEX}")


def restore_expression_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {EXPRESSION_INDEX} ON actors_organisation "
            "USING gin (to_tsvector('swedish'::regconfig, COALESCE(search_text, '')))"
        )


class Migration(migrations.Migration):
    dependencies = [("actors", "0003_city_sector_label")]

    operations = [
        migrations.RunPython(drop_expression_index, restore_expression_index),
        INDEX.migration(vendors=("postgresql",)),
    ]
