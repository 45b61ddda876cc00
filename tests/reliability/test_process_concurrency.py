"""Requests that race in separate server processes, each with its own Django and database
connection: the last seats of an event and one slot of a room of Nobel 21.

The thread tests of the events and venues apps race connections inside one process; here the
services are called from processes started afresh, as gunicorn's workers run them, against the
same database (see conftest.py: on SQLite a file copy of the test database).
"""

from samverkan.events.models import Registration
from samverkan.venues.models import Booking
from tests import factories
from tests.events.factories import EventFactory
from tests.reliability import _workers
from tests.venues.factories import at, room_open_every_day

PROCESSES = 4


def run_at_once(spawn, target, argument_lists) -> list[tuple[str, object]]:
    """Start one process per argument list, let them call the service at the same moment, and
    return their outcomes."""
    barrier = spawn.Barrier(len(argument_lists))
    out = spawn.Queue()
    processes = [
        spawn.Process(target=target, args=(*args, barrier, out)) for args in argument_lists
    ]
    for process in processes:
        process.start()
    try:
        outcomes = [out.get(timeout=120) for _ in processes]
    finally:
        for process in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
    return outcomes


def test_processes_registering_for_the_last_seats_fill_exactly_the_capacity(shared_database, spawn):
    event = EventFactory(capacity=3)
    Registration.objects.create(  # two seats are left
        event=event,
        user=factories.UserFactory(),
        sector="civil",
        status=Registration.Status.REGISTERED,
    )
    people = [factories.UserFactory() for _ in range(PROCESSES)]

    url = shared_database.url()
    outcomes = run_at_once(
        spawn, _workers.register_at_once, [(url, event.pk, person.pk) for person in people]
    )
    shared_database.collect()

    assert sorted(outcomes) == [("ok", "registered")] * 2 + [("ok", "waitlisted")] * 2, outcomes
    registrations = Registration.objects.filter(event=event)
    assert registrations.filter(status=Registration.Status.REGISTERED).count() == 3
    assert registrations.filter(status=Registration.Status.WAITLISTED).count() == 2
    assert registrations.count() == PROCESSES + 1


def test_processes_booking_the_same_slot_leave_exactly_one_booking(shared_database, spawn):
    room = room_open_every_day(name="Stora salen", venue__name="Nobel 21")
    organisations = [factories.OrganisationFactory() for _ in range(PROCESSES)]
    people = [factories.representative(organisation) for organisation in organisations]
    # Every interval overlaps every other: 10:00–12:00, 10:15–12:15 …
    intervals = [(at(3, 10, 15 * n), at(3, 12, 15 * n)) for n in range(PROCESSES)]

    url = shared_database.url()
    outcomes = run_at_once(
        spawn,
        _workers.book_at_once,
        [
            (url, room.pk, organisation.pk, person.pk, starts.isoformat(), ends.isoformat())
            for organisation, person, (starts, ends) in zip(
                organisations, people, intervals, strict=True
            )
        ],
    )
    shared_database.collect()

    kinds = sorted(kind for kind, _detail in outcomes)
    assert kinds == ["ok"] + ["room_taken"] * (PROCESSES - 1), outcomes
    booking = Booking.objects.get()
    assert booking.room == room
    taken = f"{booking.starts_at.astimezone():%H:%M}–{booking.ends_at.astimezone():%H:%M}"
    assert all(taken in message for kind, message in outcomes if kind == "room_taken")
