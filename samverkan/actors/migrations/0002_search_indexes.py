"""Search and sort indexes that differ by database.

PostgreSQL: a GIN index over the 'swedish' tsvector of search_text, and the ICU collation "sv"
(Swedish alphabetical order). SQLite: an FTS5 table over search_stems, kept in step by triggers.
"""

from django.db import migrations

FTS = "actors_organisation_fts"

SQLITE_FORWARD = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5("
    "search_stems, content='actors_organisation', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0')",
    f"CREATE TRIGGER IF NOT EXISTS {FTS}_ai AFTER INSERT ON actors_organisation BEGIN "
    f"INSERT INTO {FTS}(rowid, search_stems) VALUES (new.id, new.search_stems); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS}_ad AFTER DELETE ON actors_organisation BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, search_stems) VALUES ('delete', old.id, old.search_stems); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS}_au AFTER UPDATE OF search_stems ON actors_organisation BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, search_stems) VALUES ('delete', old.id, old.search_stems); "
    f"INSERT INTO {FTS}(rowid, search_stems) VALUES (new.id, new.search_stems); END",
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    f"DROP TRIGGER IF EXISTS {FTS}_ai",
    f"DROP TRIGGER IF EXISTS {FTS}_ad",
    f"DROP TRIGGER IF EXISTS {FTS}_au",
    f"DROP TABLE IF EXISTS {FTS}",
]
POSTGRES_FORWARD = [
    "CREATE COLLATION IF NOT EXISTS sv (provider = icu, locale = 'sv-SE')",
    "CREATE INDEX IF NOT EXISTS actors_organisation_search_gin ON actors_organisation "
    "USING gin (to_tsvector('swedish'::regconfig, COALESCE(search_text, '')))",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS actors_organisation_search_gin",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("actors", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
