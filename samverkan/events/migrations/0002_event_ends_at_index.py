from django.db import migrations, models


class Migration(migrations.Migration):
    """The calendar finds the events running now by their end, not by walking every past event."""

    dependencies = [
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="event",
            index=models.Index(fields=["ends_at"], name="event_ends_at_idx"),
        ),
    ]
