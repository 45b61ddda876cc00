"""The matcher's terms now come from core's analysis (word families, core's stop words), so the
terms stored for open postings are rebuilt. A new database has no postings and skips it; the
check uses the historical model, the rebuild the current code (the index is derived data)."""

from django.db import migrations


def rebuild(apps, schema_editor):
    if not apps.get_model("matching", "Posting").objects.exists():
        return
    from samverkan.matching.index import rebuild_index  # noqa: PLC0415  # the current code, by design

    rebuild_index()


class Migration(migrations.Migration):
    dependencies = [("matching", "0002_index_and_matches")]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
