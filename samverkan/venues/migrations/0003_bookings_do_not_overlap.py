"""PostgreSQL guarantees that two bookings of one room never overlap.

An exclusion constraint over (room, [starts_at, ends_at)) for bookings that are not cancelled;
btree_gist gives the equality on room_id a GiST operator class. The range is half-open, so a
booking ending at 14:00 and the next starting at 14:00 are both allowed. areas/0003 already
creates btree_gist; creating it here too is harmless (IF NOT EXISTS) and keeps this app's
migrations self-contained. On SQLite the booking service serialises the check and the insert
under the database's write lock instead (see venues/services/common.py).
"""

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations


class EnsureBtreeGist(BtreeGistExtension):
    """Created when missing, never dropped: other apps' constraints (areas) rely on it too."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass


FORWARD = [
    "ALTER TABLE venues_booking ADD CONSTRAINT bookings_of_a_room_do_not_overlap "
    "EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) "
    "WHERE (status <> 'cancelled')",
]
BACKWARD = [
    "ALTER TABLE venues_booking DROP CONSTRAINT IF EXISTS bookings_of_a_room_do_not_overlap"
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("venues", "0002_centre")]

    operations = [
        EnsureBtreeGist(),
        migrations.RunPython(run(FORWARD), run(BACKWARD)),
    ]
