# The coordinator's "my bookings" list, counted and ordered from one index (selectors.bookings_for).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("venues", "0003_bookings_do_not_overlap"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="booking",
            index=models.Index(
                fields=["ends_at", "starts_at", "id", "room"], name="booking_end_start"
            ),
        ),
    ]
