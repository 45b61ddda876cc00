"""A server process killed in the middle of a write (the OOM killer, a deploy, a crash) leaves
the database as if the write had never begun: the service's rows and its audit entry are written
in one transaction, which the database rolls back when the connection dies, and the locks it
held are released, so the next request for the same slot or case goes through.

The worker stops inside the service's transaction just before its audit entry (after its first
rows are written) and is killed there with SIGKILL: no cleanup of any kind runs.
"""

import datetime
import os
import signal

from django.utils import timezone

from samverkan.core.models import AuditEntry
from samverkan.partnerships.models import Collaboration
from samverkan.venues.models import Booking
from tests import factories
from tests.partnerships.factories import CollaborationFactory
from tests.reliability import _workers
from tests.venues.factories import at, room_open_every_day


def kill_in_the_middle(spawn, target, *args, meanwhile=lambda: None) -> None:
    """Run `target` in a process, wait until it is inside its transaction, call `meanwhile`,
    and SIGKILL the process."""
    reached = spawn.Event()
    process = spawn.Process(target=target, args=(*args, reached))
    process.start()
    try:
        assert reached.wait(timeout=120), "the worker never reached the middle of its write"
        meanwhile()
        os.kill(process.pid, signal.SIGKILL)
        process.join(timeout=30)
        assert process.exitcode == -signal.SIGKILL
    finally:
        if process.is_alive():
            process.kill()


def run(spawn, target, *args):
    """The outcome of `target` run to its end in a fresh process."""
    out = spawn.Queue()
    process = spawn.Process(target=target, args=(*args, out))
    process.start()
    try:
        return out.get(timeout=120)
    finally:
        process.join(timeout=30)


def table_counts() -> dict:
    return {
        "bookings": Booking.objects.count(),
        "audit": AuditEntry.objects.count(),
        "collaborations": Collaboration.objects.count(),
    }


def test_a_booking_killed_halfway_leaves_no_booking_and_no_lock(shared_database, spawn):
    room = room_open_every_day(name="Lilla salen", venue__name="Nobel 21")
    organisation = factories.OrganisationFactory()
    ombud = factories.representative(organisation)
    slot = (at(4, 13).isoformat(), at(4, 15).isoformat())
    before = table_counts()

    url = shared_database.url()
    seen_halfway = []
    kill_in_the_middle(
        spawn,
        _workers.book_and_hang,
        url,
        room.pk,
        organisation.pk,
        ombud.pk,
        *slot,
        # Halfway, the inserted booking is not visible to anyone else.
        meanwhile=lambda: seen_halfway.append(shared_database.count(Booking)),
    )
    assert seen_halfway == [0]
    # The same slot again, from another process: nothing of the killed booking is in its way.
    outcome = run(
        spawn, _workers.book_at_once, url, room.pk, organisation.pk, ombud.pk, *slot, None
    )
    shared_database.collect()

    assert outcome[0] == "ok", outcome
    booking = Booking.objects.get()
    assert booking.pk == outcome[1]
    assert table_counts() == {**before, "bookings": 1, "audit": before["audit"] + 1}
    assert AuditEntry.objects.get(action="booking.created").object_id == str(booking.pk)


def test_a_case_update_killed_halfway_leaves_the_case_as_it_was(shared_database, spawn):
    coordinator = factories.coordinator()
    collaboration = CollaborationFactory(results="")
    ends_on = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    columns = ("status", "ends_on", "results", "search_text", "updated_at")
    as_it_was = Collaboration.objects.values(*columns).get(pk=collaboration.pk)
    before = table_counts()

    url = shared_database.url()
    kill_in_the_middle(
        spawn, _workers.end_collaboration_and_hang, url, collaboration.pk, coordinator.pk, ends_on
    )
    shared_database.collect()
    assert Collaboration.objects.values(*columns).get(pk=collaboration.pk) == as_it_was
    assert table_counts() == before

    # The row lock of the killed transaction is gone: the case can be ended now.
    url = shared_database.url()
    outcome = run(spawn, _workers.end_collaboration, url, collaboration.pk, coordinator.pk, ends_on)
    shared_database.collect()
    assert outcome == ("ok", Collaboration.Status.ENDED)
    collaboration.refresh_from_db()
    assert collaboration.results == "Färdigt resultat"
    assert AuditEntry.objects.filter(action="collaboration.ended").count() == 1
