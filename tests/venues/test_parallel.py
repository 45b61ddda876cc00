"""Conflicting booking requests that arrive at the same moment: exactly one books the room, the
others are refused with the conflict, on SQLite and on PostgreSQL.

Each thread uses its own database connection, as each request of a threaded server does.

SQLite: pytest-django's test database is Django's in-memory database opened as a shared-cache
URI ("file:memorydb_default?mode=memory&cache=shared"), so every thread's own connection sees
the same database. A shared-cache database reports a taken write lock at once ("database table
is locked") instead of waiting, which the booking service answers by retrying its whole
transaction (services/common.py `serialised`); with BEGIN IMMEDIATE the check and the insert
run under the write lock, so the second request sees the first booking.

PostgreSQL: the row lock on the room serialises the requests; the exclusion constraint would
catch any that slipped past. The process variant runs the same race across separate
processes, each with its own Django and connection to the test database.
"""

import datetime
import multiprocessing
import threading
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import connection

from samverkan.core.exceptions import ConflictError
from samverkan.venues import services
from samverkan.venues.models import Booking
from tests import factories
from tests.venues._booking_worker import attempt_booking
from tests.venues.factories import at

pytestmark = pytest.mark.django_db(transaction=True)

REQUESTS = 8


def intervals(count):
    """Pairwise overlapping intervals: every one contains 15:00–16:00 tomorrow-plus-two."""
    return [(at(2, 14, minute), at(2, 16, minute)) for minute in range(0, 5 * count, 5)]


def test_parallel_conflicting_bookings_leave_exactly_one(room, civil_org, ombud):
    organisations = [civil_org] + [factories.OrganisationFactory() for _ in range(REQUESTS - 1)]
    people = [ombud] + [factories.representative(org) for org in organisations[1:]]
    barrier = threading.Barrier(REQUESTS)
    outcomes: list[tuple[str, object]] = []
    lock = threading.Lock()

    def attempt(organisation, person, starts_at, ends_at):
        try:
            barrier.wait(timeout=30)
            booking = services.book_room(
                room=room,
                organisation=organisation,
                starts_at=starts_at,
                ends_at=ends_at,
                purpose="Samtidigt",
                expected_participants=5,
                by=person,
                notify=False,
            )
            outcome = ("booked", booking.pk)
        except ConflictError as error:
            outcome = ("conflict", str(error.message))
        except Exception as error:  # reported by the assertion below
            outcome = ("error", repr(error))
        finally:
            connection.close()
        with lock:
            outcomes.append(outcome)

    threads = [
        threading.Thread(target=attempt, args=(org, person, *interval))
        for org, person, interval in zip(organisations, people, intervals(REQUESTS), strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    kinds = sorted(kind for kind, _detail in outcomes)
    assert kinds == ["booked"] + ["conflict"] * (REQUESTS - 1), outcomes
    assert Booking.objects.count() == 1
    booked = Booking.objects.get()
    expected_time = f"{booked.starts_at.astimezone():%H:%M}–{booked.ends_at.astimezone():%H:%M}"
    assert all(expected_time in detail for kind, detail in outcomes if kind == "conflict")


def _test_database_url() -> str:
    """The DATABASE_URL of the test database this test runs against."""
    import os

    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))


@pytest.mark.postgres
def test_parallel_bookings_from_separate_processes_leave_exactly_one(room, civil_org, ombud):
    processes = 4
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(processes)
    out = context.Queue()
    workers = [
        context.Process(
            target=attempt_booking,
            args=(
                _test_database_url(),
                room.pk,
                civil_org.pk,
                ombud.pk,
                starts.isoformat(),
                ends.isoformat(),
                barrier,
                out,
            ),
        )
        for starts, ends in intervals(processes)
    ]
    connection.close()
    for worker in workers:
        worker.start()
    outcomes = [out.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)

    kinds = sorted(kind for kind, _detail in outcomes)
    assert kinds == ["booked"] + ["conflict"] * (processes - 1), outcomes
    assert Booking.objects.count() == 1
    assert datetime.timedelta(hours=2) == (
        Booking.objects.get().ends_at - Booking.objects.get().starts_at
    )
