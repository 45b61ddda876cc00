import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests import factories
from tests.browser.support import CHROMIUM, CHROMIUM_ARGS

# A developer's demo settings (var/local.env, written by `make run`) must not reach the processes
# that tests start without SAMVERKAN_TESTING (production settings); tests that want such a file
# name their own.
os.environ["SAMVERKAN_LOCAL_ENV"] = ""


def _on_postgres() -> bool:
    return (os.environ.get("DATABASE_URL") or "").startswith(("postgres", "postgresql"))


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` run only when DATABASE_URL points at PostgreSQL (as .ci/run does);
    on SQLite they are deselected, not skipped. The tests that read the shared demo run last
    (see `shared_demo`)."""
    if not _on_postgres():
        deselected = [item for item in items if item.get_closest_marker("postgres")]
        if deselected:
            config.hook.pytest_deselected(items=deselected)
            items[:] = [item for item in items if not item.get_closest_marker("postgres")]
    # A stable sort: the order within each group stays. pytest-xdist hands each worker its tests
    # in this order, so on every worker the demo's tests come after all the others.
    items.sort(key=_reads_the_shared_demo)


def _reads_the_shared_demo(item) -> bool:
    return "shared_demo" in getattr(item, "fixturenames", ())


@dataclass(frozen=True)
class DemoLoad:
    """The Malmöandan demo as `shared_demo` loaded it."""

    counts: dict  # what the load reported, per kind of row: {"created": n, "existing": 0}
    sent: list  # the e-mails sent by the load and by what it left for after commit


_shared_demo_loaded = False


@pytest.fixture(scope="session")
def shared_demo(django_db_setup, django_db_blocker):
    """The whole Malmöandan demo, loaded once per test process (each xdist worker) for the tests
    that read it: a load takes seconds, and several dozen tests read the demo.

    It is loaded in a transaction that stays open until the session ends and is then rolled
    back. A test using it still needs the database (`django_db`): it runs in a savepoint of that
    transaction, so what it changes (a login, a second load, a form) is undone after it. The demo
    would be in the way of tests that expect an empty database, so the tests that use it run
    after all the others (pytest_collection_modifyitems). A test that loads the demo differently
    (on another day, in a live server's committed transaction) loads its own."""
    global _shared_demo_loaded
    from django.core import mail
    from django.db import connection, transaction
    from django.test import TestCase

    from samverkan.demo.loader import load_demo

    with django_db_blocker.unblock(), transaction.atomic():
        outbox, pending = len(mail.outbox), len(connection.run_on_commit)
        # What would run after the load's commit (e-mail) runs now, as if it had committed, and
        # is then forgotten: this transaction never commits.
        with TestCase.captureOnCommitCallbacks(execute=True):
            counts = load_demo()
        del connection.run_on_commit[pending:]
        _shared_demo_loaded = True
        yield DemoLoad(counts=counts, sent=list(mail.outbox[outbox:]))
        transaction.set_rollback(True)
    _shared_demo_loaded = False


def pytest_runtest_setup(item):
    """Once the shared demo is loaded, a test that does not ask for it but uses the database
    would find it there: say so rather than let it fail on rows it did not expect (this happens
    only if the order of pytest_collection_modifyitems is changed, e.g. by --dist loadfile)."""
    if _shared_demo_loaded and not _reads_the_shared_demo(item) and _uses_the_database(item):
        pytest.fail(
            f"{item.nodeid} runs after tests that share the demo (tests/conftest.py, "
            "shared_demo): run them in the order pytest_collection_modifyitems gives"
        )


def _uses_the_database(item) -> bool:
    database_fixtures = {"db", "transactional_db", "live_server", "django_db_reset_sequences"}
    return bool(item.get_closest_marker("django_db")) or bool(
        database_fixtures & set(getattr(item, "fixturenames", ()))
    )


_migrated_sqlite: Path | None = None


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory):
    """pytest-django's test database; on SQLite also a copy of it as it is right after the
    migrations, for the tests that start processes on a SQLite file of their own
    (`migrated_sqlite`): migrating takes about 13 s of CPU, copying a few milliseconds."""
    global _migrated_sqlite
    from django.db import connection

    if connection.vendor == "sqlite":
        target = tmp_path_factory.mktemp("migrated") / "db.sqlite3"
        with django_db_blocker.unblock():
            connection.ensure_connection()
            with closing(sqlite3.connect(target)) as copy:
                connection.connection.backup(copy)
        _migrated_sqlite = target
    yield
    _migrated_sqlite = None


@pytest.fixture(scope="session")
def migrated_sqlite(django_db_setup):
    """`migrated_sqlite(path)` writes a SQLite database with every migration applied and no
    rows but the migrations' own to `path`: a copy of this process's test database as it was
    made, or, when the tests run on PostgreSQL, a database migrated there and then."""

    def write(path: Path) -> Path:
        if _migrated_sqlite is not None:
            shutil.copyfile(_migrated_sqlite, path)
            return path
        subprocess.run(
            [sys.executable, "-m", "samverkan", "migrate", "--noinput", "--verbosity", "0"],
            env={**os.environ, "DATABASE_URL": f"sqlite:///{path}", "SAMVERKAN_TESTING": "1"},
            check=True,
            timeout=600,
        )
        return path

    return write


@pytest.fixture(scope="session", autouse=True)
def _live_server_requests_end_before_the_database_is_dropped(django_db_setup, django_db_blocker):
    """Set up after the test database and before the browser and the live server, this is torn
    down after both and before the database is dropped. The live server answers each browser
    connection in a thread of its own, which closes its database connection only when the
    browser has closed the socket: it waits for those threads. Then, on PostgreSQL, no other
    session may be left on the test database (`browser` says where one came from)."""
    import threading

    yield
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and "process_request" in thread.name:
            thread.join(timeout=30)
    if _on_postgres():
        with django_db_blocker.unblock():
            _no_other_session_on_the_test_database()


def _no_other_session_on_the_test_database():
    """A session another thread or process left open keeps PostgreSQL from dropping the test
    database. Name the test that opened it (each test's connections carry its name as their
    application_name, `_name_connections_after_the_test`) and fail the run. Asked from the
    maintenance database, so that the answer comes even when this process's own connection to
    the test database is gone."""
    from django.db import connection

    from tests.postgres import maintenance_connection

    settings = connection.settings_dict
    with maintenance_connection() as maintenance:
        own = connection.connection.info.backend_pid if connection.connection else None
        left_open = maintenance.execute(
            "SELECT pid, application_name, backend_type, backend_start, state, left(query, 200)"
            " FROM pg_stat_activity WHERE datname = %s AND pid IS DISTINCT FROM %s",
            [settings["NAME"], own],
        ).fetchall()
    if left_open:
        pytest.fail(
            f"sessions left open on {settings['NAME']} (this process's: {own};"
            " application_name = the test that opened them):\n"
            + "\n".join(repr(row) for row in left_open),
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def _name_connections_after_the_test(request):
    """On PostgreSQL, every connection a test opens (its threads' and its processes' too: libpq
    reads PGAPPNAME) is named after the test in pg_stat_activity; one opened between two tests
    (by a fixture of a wider scope, or a thread still answering) is named after the one before."""
    if not _on_postgres():
        yield
        return
    os.environ["PGAPPNAME"] = request.node.nodeid[-63:]
    yield
    os.environ["PGAPPNAME"] = ("after " + request.node.nodeid)[-63:]


# Rows that migrate derives from the code and no test changes: content types and permissions.
_KEPT_BY_FLUSH = {"django_content_type", "auth_permission"}


@pytest.fixture(scope="session", autouse=True)
def _flush_keeps_what_migrate_derived_from_the_code():
    """After each transactional test (live server, threads, processes) Django empties every
    table and then recreates the content types and permissions through post_migrate: some 200
    queries per test, for rows that come out the same. The flush keeps those two tables instead;
    everything a test can write is still emptied."""
    from django.core.management.commands import flush

    def sql_flush(style, connection, reset_sequences=True, allow_cascade=False):
        tables = connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        return connection.ops.sql_flush(
            style,
            [table for table in tables if table not in _KEPT_BY_FLUSH],
            reset_sequences=reset_sequences,
            allow_cascade=allow_cascade,
        )

    patch = pytest.MonkeyPatch()
    patch.setattr(flush, "sql_flush", sql_flush)
    patch.setattr(flush, "emit_post_migrate_signal", lambda *args, **kwargs: None)
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits live in the cache: every test starts with none used."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _swedish(settings):
    """Tests read the Swedish texts a user sees."""
    settings.LANGUAGE_CODE = "sv"


@pytest.fixture
def requests_commit(monkeypatch):
    """E-mail leaves after the transaction commits (core/notify.py), and a test's transaction
    never commits. As in production, where each request commits, a test client's request here
    runs what it left for after commit (what a rolled-back savepoint left is already gone)."""
    from django.db import connection
    from django.test import Client

    send = Client.request

    def request(self, **request):
        start = len(connection.run_on_commit)
        response = send(self, **request)
        pending = connection.run_on_commit[start:]
        del connection.run_on_commit[start:]
        for _savepoints, callback, _robust in pending:
            callback()
        return response

    monkeypatch.setattr(Client, "request", request)


@pytest.fixture
def mailoutbox(mailoutbox, requests_commit):
    """The e-mails sent, each request's as soon as it has answered."""
    return mailoutbox


@pytest.fixture
def organisation(db):
    return factories.OrganisationFactory()


@pytest.fixture
def member(db):
    return factories.UserFactory()


@pytest.fixture
def coordinator(db):
    return factories.coordinator()


@pytest.fixture(scope="session")
def browser():
    """One Chromium per test process.

    While Playwright's sync API runs, an asyncio event loop is running in this thread, and
    Django (asgiref's Local) then keeps this thread's database connections apart from the ones
    it had before: the tests after the browser started use a second connection. It is closed
    here, while the loop still runs; otherwise nothing sees it again and, on PostgreSQL, the
    test database cannot be dropped at the end ("being accessed by other users")."""
    from django.db import connections

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        connections.close_all()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
