"""Helpers for writes that must not interleave, on both databases."""

import functools
import random
import time

from django.db import OperationalError, connection

# As long as settings.py lets a SQLite file database wait for its lock.
SQLITE_LOCK_WAIT_SECONDS = 20


def wait_while_sqlite_locked(func):
    """Retry `func` when SQLite says the database is locked, as a file database's busy timeout
    would wait.

    Every write transaction begins IMMEDIATE (settings.py), so only one runs at a time and a
    check followed by a write cannot interleave with another writer. A file database waits for
    the lock by itself; the shared-cache in-memory database that tests run on answers "database
    table is locked" at once instead, so the call is repeated (a failed attempt has rolled back)
    until it gets the lock. A call inside a surrounding transaction is not retried: that
    transaction is the caller's to repeat. On PostgreSQL this does nothing: the services lock
    the row they serialise on.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        retry = connection.vendor == "sqlite" and not connection.in_atomic_block
        deadline = time.monotonic() + SQLITE_LOCK_WAIT_SECONDS
        while True:
            try:
                return func(*args, **kwargs)
            except OperationalError as exc:
                if not retry or "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(random.uniform(0.002, 0.03))  # nosec B311  # jitter: back off, then retry the lock

    return wrapper
