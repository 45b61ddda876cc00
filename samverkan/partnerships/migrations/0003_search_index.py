"""The collaborations' full-text index (samverkan/core/search.py): a generated, weighted tsvector
with a GIN index on PostgreSQL; an FTS5 table over search_text, kept by triggers, on SQLite."""

from django.db import migrations

from samverkan.core.search import SearchIndex

INDEX = SearchIndex(
    table="partnerships_collaboration",
    stems_column="search_text",
    weighted_columns=(("title", "A"), ("description", "B"), ("results", "C")),
)


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0002_iop_agreements_and_search")]

    operations = [INDEX.migration()]
