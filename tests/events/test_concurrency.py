"""Many people register for the same event at the same moment: exactly `capacity` get a seat
and the rest are on the waiting list, in order. The event's row lock serialises them on
PostgreSQL; on SQLite every write transaction begins IMMEDIATE and so runs alone (the in-memory
test database is shared between the threads' connections)."""

import threading

import pytest
from django.db import connection

from samverkan.events import services
from samverkan.events.models import Registration
from tests import factories
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db(transaction=True)

PEOPLE = 12
CAPACITY = 5


def test_parallel_registrations_never_exceed_the_capacity():
    event = EventFactory(capacity=CAPACITY)
    people = [factories.UserFactory() for _ in range(PEOPLE)]
    barrier = threading.Barrier(PEOPLE)
    errors = []

    def register(person):
        try:
            barrier.wait()
            services.register(event=event, user=person, sector="civil")
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    rows = Registration.objects.filter(event=event)
    assert rows.filter(status=Registration.Status.REGISTERED).count() == CAPACITY
    waiting = list(rows.waitlisted())
    assert len(waiting) == PEOPLE - CAPACITY
    assert [services.waitlist_position(r) for r in waiting] == list(range(1, len(waiting) + 1))
    assert {r.user_id for r in rows} == {p.pk for p in people}


def test_the_test_database_is_shared_between_threads():
    """The parallel test proves something only if the threads see one database."""
    event = EventFactory()
    seen = []

    def look():
        try:
            from samverkan.events.models import Event

            seen.append(Event.objects.filter(pk=event.pk).exists())
        finally:
            connection.close()

    thread = threading.Thread(target=look)
    thread.start()
    thread.join()
    assert seen == [True]
