import functools
import random
import time

from django.db import OperationalError, connection

from samverkan.core.exceptions import PermissionDeniedError
from samverkan.events.models import Event

# As long as settings.py lets SQLite wait for a lock.
LOCK_WAIT_SECONDS = 20


def require(check) -> None:
    allowed, reason = check
    if not allowed:
        raise PermissionDeniedError(reason)


def locked_event(event: Event) -> Event:
    """The event's row, locked until the transaction ends: registrations, cancellations and
    promotions of one event happen one after the other (PostgreSQL's row lock; SQLite runs
    write transactions one at a time, begun IMMEDIATE)."""
    return (
        Event.objects.select_for_update(of=("self",)).select_related("agreement").get(pk=event.pk)
    )


def wait_while_locked(func):
    """Retry a service when SQLite says the database is locked, as a database file's busy
    timeout would wait.

    A file database (the SQLite configuration of settings.py) waits by itself; the shared-cache
    in-memory database that tests run on answers "database table is locked" at once instead.
    Either way only one write transaction runs at a time (they begin IMMEDIATE), so seats are
    never counted by two at once; this only does the waiting. A call inside a surrounding
    transaction is not retried: that transaction is the caller's to repeat.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        retry = connection.vendor == "sqlite" and not connection.in_atomic_block
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                return func(*args, **kwargs)
            except OperationalError as exc:
                if not retry or "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(random.uniform(0.005, 0.03))

    return wrapper
