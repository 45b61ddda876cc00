"""Helpers for the tests of the parts of pages kept for everyone (core.cache: cached_fragment,
cached_value), shared by the apps' test_shared_parts files."""

import contextlib
import re

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.test.utils import CaptureQueriesContext

# The tables a query reads FROM, quoted as Django writes them or bare in hand-written SQL.
_FROM = re.compile(r'FROM "?(\w+)')


def tables_read(client, path: str, **params) -> tuple[str, set[str]]:
    """The page at `path` (a 200) and the tables its queries read FROM."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert response.status_code == 200
    read = {table for query in queries for table in _FROM.findall(query["sql"])}
    return response.content.decode(), read


@contextlib.contextmanager
def committed():
    """Run the block as if its writes committed: the callbacks they left for the commit (the page
    cache's generation bumps, core/cache.py) run at its end and are taken off the list, so that
    a later write of the same test queues its own (TestCase.captureOnCommitCallbacks leaves them
    on it, and a table is bumped once per commit)."""
    on_commit = connections[DEFAULT_DB_ALIAS].run_on_commit
    start = len(on_commit)
    yield
    while len(on_commit) > start:
        _sids, callback, _robust = on_commit.pop(start)
        callback()
