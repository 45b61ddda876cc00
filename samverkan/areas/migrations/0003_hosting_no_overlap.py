"""PostgreSQL guarantees that hosting periods of one side of an area never overlap.

An exclusion constraint over (area, side, period) needs btree_gist for the equality parts. On
SQLite the partial unique constraint of 0001 (one open-ended hosting per side) and the service's
overlap check stand in.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    "ALTER TABLE areas_hosting ADD CONSTRAINT hosting_periods_do_not_overlap "
    "EXCLUDE USING gist (area_id WITH =, side WITH =, "
    "daterange(starts_on, COALESCE(ends_on, 'infinity'::date), '[]') WITH &&)",
]
BACKWARD = ["ALTER TABLE areas_hosting DROP CONSTRAINT IF EXISTS hosting_periods_do_not_overlap"]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("areas", "0002_initial")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
