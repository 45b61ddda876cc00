"""The database of a test, opened by other processes (multiprocessing "spawn", or a server).

PostgreSQL: the test database itself; with `transactional_db` what a test writes is committed,
so every process sees it.
SQLite: pytest-django's test database lives in this process's memory, where no other process
can reach it. `SharedDatabase.url()` copies it into a file with SQLite's online backup API and
`collect()` copies the file back once the other processes are done, so the test's assertions
read what they wrote. The processes open the file with the settings of a real installation
(BEGIN IMMEDIATE, a busy timeout, WAL), so they serialise as the servers' processes would.
"""

import multiprocessing
import sqlite3
from urllib.parse import quote

import pytest
from django.db import connection


def database_url(settings_dict: dict) -> str:
    """A DATABASE_URL for the PostgreSQL database of `settings_dict`."""
    credentials = quote(settings_dict["USER"] or "", safe="")
    if settings_dict.get("PASSWORD"):
        credentials += ":" + quote(settings_dict["PASSWORD"], safe="")
    host = settings_dict.get("HOST") or "localhost"
    port = settings_dict.get("PORT") or "5432"
    return f"postgres://{credentials}@{host}:{port}/{settings_dict['NAME']}"


class SharedDatabase:
    def __init__(self, directory):
        self.file = directory / "shared.sqlite3"

    @property
    def is_sqlite(self) -> bool:
        return connection.vendor == "sqlite"

    def url(self) -> str:
        """A DATABASE_URL other processes open, holding everything the test has written."""
        if not self.is_sqlite:
            return database_url(connection.settings_dict)
        connection.ensure_connection()
        target = sqlite3.connect(self.file)
        try:
            connection.connection.backup(target)
            # As settings.py opens it; set now, so the processes need not race to switch it.
            target.execute("PRAGMA journal_mode=WAL")
        finally:
            target.close()
        return f"sqlite:///{self.file}"

    def count(self, model) -> int:
        """The rows of `model` that another connection sees now (committed ones only)."""
        if not self.is_sqlite:
            return model._base_manager.count()  # this test's connection, autocommitting
        other = sqlite3.connect(self.file)
        try:
            return other.execute(f'SELECT count(*) FROM "{model._meta.db_table}"').fetchone()[0]
        finally:
            other.close()

    def collect(self) -> None:
        """Make what the other processes wrote visible to this test's connection."""
        if self.is_sqlite:
            source = sqlite3.connect(self.file)
            try:
                source.backup(connection.connection)
            finally:
                source.close()


@pytest.fixture
def shared_database(transactional_db, tmp_path):
    return SharedDatabase(tmp_path)


@pytest.fixture(scope="session")
def spawn():
    """Processes that start afresh (no state inherited from pytest), as a server's workers."""
    return multiprocessing.get_context("spawn")
