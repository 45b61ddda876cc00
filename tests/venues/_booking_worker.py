"""Runs in a separate process of the parallel-booking test (PostgreSQL): sets Django up against
the test database, waits for the others at the barrier and tries to book.

Kept apart from the test module so a spawned process imports nothing of Django before it is
set up."""

import os


def attempt_booking(database_url, room_pk, organisation_pk, user_pk, starts, ends, barrier, out):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
    import django

    django.setup()
    import datetime

    from django.contrib.auth import get_user_model
    from django.db import connection

    from samverkan.actors.models import Organisation
    from samverkan.core.exceptions import ConflictError
    from samverkan.venues import services
    from samverkan.venues.models import Room

    room = Room.objects.get(pk=room_pk)
    organisation = Organisation.objects.get(pk=organisation_pk)
    user = get_user_model().objects.get(pk=user_pk)
    connection.close()  # everyone opens their connection after the barrier, as requests do
    barrier.wait(timeout=60)
    try:
        booking = services.book_room(
            room=room,
            organisation=organisation,
            starts_at=datetime.datetime.fromisoformat(starts),
            ends_at=datetime.datetime.fromisoformat(ends),
            purpose="Samtidigt",
            expected_participants=5,
            by=user,
            notify=False,
        )
        out.put(("booked", booking.pk))
    except ConflictError as error:
        out.put(("conflict", str(error.message)))
    except Exception as error:  # reported by the test
        out.put(("error", repr(error)))
    finally:
        connection.close()
