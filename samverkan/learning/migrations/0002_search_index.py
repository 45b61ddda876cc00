"""The method library's full-text index (samverkan/core/search.py): a generated, weighted
tsvector with a GIN index on PostgreSQL; an FTS5 table over search_stems, kept by triggers, on
SQLite."""

from django.db import migrations

from samverkan.core.search import SearchIndex

INDEX = SearchIndex(
    table="learning_material",
    stems_column="search_stems",
    weighted_columns=(("title", "A"), ("summary", "B"), ("body", "C")),
)


class Migration(migrations.Migration):
    dependencies = [("learning", "0001_initial")]

    operations = [INDEX.migration()]
