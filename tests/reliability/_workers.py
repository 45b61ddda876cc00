"""What the separate processes of the reliability tests run: each sets Django up against the
database the test shares with it (given as a DATABASE_URL), then calls the same service a view
would call and reports the outcome on a queue.

Kept apart from the test modules, and importing nothing of Django at the top, so that a process
started with multiprocessing's "spawn" configures Django before it imports a model.
"""

import os
import time

# How long a worker that is to be killed waits for it; far longer than any test runs.
HANG_SECONDS = 300


def _setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["SAMVERKAN_TESTING"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
    import django

    django.setup()


def _outcome(call) -> tuple[str, object]:
    """("ok", value) or (the error's code, its message); an unexpected error is reported as
    ("error", repr) for the test to show."""
    from django.db import connection

    from samverkan.core.exceptions import ApplicationError

    try:
        return ("ok", call())
    except ApplicationError as error:
        return (error.code, str(error.message))
    except Exception as error:  # the test prints it
        return ("error", repr(error))
    finally:
        connection.close()


def register_at_once(database_url, event_pk, user_pk, barrier, out) -> None:
    """Register one person for the event as soon as every process is ready."""
    _setup(database_url)
    from django.contrib.auth import get_user_model
    from django.db import connection

    from samverkan.events import services
    from samverkan.events.models import Event

    event = Event.objects.get(pk=event_pk)
    user = get_user_model().objects.get(pk=user_pk)
    connection.close()  # each opens its connection after the barrier, as a request would
    barrier.wait(timeout=60)
    out.put(_outcome(lambda: services.register(event=event, user=user, sector="civil").status))


def _booking_args(room_pk, organisation_pk, user_pk, starts, ends) -> dict:
    import datetime

    from django.contrib.auth import get_user_model

    from samverkan.actors.models import Organisation
    from samverkan.venues.models import Room

    return {
        "room": Room.objects.get(pk=room_pk),
        "organisation": Organisation.objects.get(pk=organisation_pk),
        "by": get_user_model().objects.get(pk=user_pk),
        "starts_at": datetime.datetime.fromisoformat(starts),
        "ends_at": datetime.datetime.fromisoformat(ends),
        "purpose": "Styrelsemöte",
        "expected_participants": 5,
        "notify": False,
    }


def book_at_once(database_url, room_pk, organisation_pk, user_pk, starts, ends, barrier, out):
    """Book the room for [starts, ends) as soon as every process is ready."""
    _setup(database_url)
    from django.db import connection

    from samverkan.venues import services

    args = _booking_args(room_pk, organisation_pk, user_pk, starts, ends)
    connection.close()
    if barrier is not None:
        barrier.wait(timeout=60)
    out.put(_outcome(lambda: services.book_room(**args).pk))


def _hang_before_the_audit_entry(module, reached) -> None:
    """Make `module`'s service stop where it writes its audit entry: its first rows are written,
    its transaction is open and holds its locks. The test kills the process there."""

    def log_action_then_hang(*args, **kwargs):
        reached.set()
        time.sleep(HANG_SECONDS)
        raise SystemExit("not killed")

    module.log_action = log_action_then_hang


def book_and_hang(database_url, room_pk, organisation_pk, user_pk, starts, ends, reached):
    """Start booking the room and stop inside the booking's transaction, after the insert."""
    _setup(database_url)
    from samverkan.venues.services import booking

    _hang_before_the_audit_entry(booking, reached)
    booking.book_room(**_booking_args(room_pk, organisation_pk, user_pk, starts, ends))


def end_collaboration_and_hang(database_url, collaboration_pk, user_pk, ends_on, reached):
    """Start ending a collaboration (a case changing status, with its results) and stop inside
    the transaction, after the collaboration's row and its search text are written."""
    _setup(database_url)
    import datetime

    from django.contrib.auth import get_user_model

    from samverkan.partnerships import services
    from samverkan.partnerships.models import Collaboration

    _hang_before_the_audit_entry(services, reached)
    services.end_collaboration(
        collaboration=Collaboration.objects.get(pk=collaboration_pk),
        ends_on=datetime.date.fromisoformat(ends_on),
        results="Halvskrivet resultat",
        by=get_user_model().objects.get(pk=user_pk),
    )


def end_collaboration(database_url, collaboration_pk, user_pk, ends_on, out):
    """End the collaboration, as the next request after a killed worker would."""
    _setup(database_url)
    import datetime

    from django.contrib.auth import get_user_model

    from samverkan.partnerships import services
    from samverkan.partnerships.models import Collaboration

    collaboration = Collaboration.objects.get(pk=collaboration_pk)
    user = get_user_model().objects.get(pk=user_pk)
    out.put(
        _outcome(
            lambda: (
                services.end_collaboration(
                    collaboration=collaboration,
                    ends_on=datetime.date.fromisoformat(ends_on),
                    results="Färdigt resultat",
                    by=user,
                ).status
            )
        )
    )
