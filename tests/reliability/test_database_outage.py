"""The database goes away: people get a page saying the service is temporarily unavailable
(503 with Retry-After), the API its error with a stable code, /healthz a 503 for the load
balancer, and the service recovers by itself once the database is back.

The first tests make every query fail inside this process; the PostgreSQL test runs a real
gunicorn worker against the test database, cuts its connection, refuses new ones, and lets
them in again.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError, connection
from django.db.backends.utils import CursorWrapper
from django.utils.translation import gettext

from tests import factories
from tests.postgres import maintenance_connection
from tests.reliability.conftest import database_url

PROJECT_DIR = Path(__file__).resolve().parents[2]


def failing_queries(error: Exception):
    """Every query raises `error` while the patch is active."""
    return mock.patch.object(CursorWrapper, "execute", side_effect=error)


@pytest.fixture
def database_down(db):
    """Every query fails as it does when PostgreSQL has been restarted under the server. The
    test may bring it back (`database_down.stop()`); it is back anyway before the test
    database's own clean-up."""
    patch = failing_queries(OperationalError("server closed the connection unexpectedly"))
    patch.start()
    yield patch
    patch.stop()  # does nothing when the test has stopped it


def test_a_page_says_the_service_is_temporarily_unavailable(client, db, database_down):
    response = client.get("/foreningsregistret/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-cache" in response["Cache-Control"]
    assert response.templates[0].name == "503.html"
    page = response.content.decode()
    assert f"<h1>{gettext('Service temporarily unavailable')}</h1>" in page
    assert 'href="/foreningsregistret/"' in page  # "try again" leads back to the same page


@pytest.mark.parametrize("debug", [False, True], ids=["production", "debug"])
def test_the_api_answers_with_a_stable_error_code(client, db, database_down, settings, debug):
    settings.DEBUG = debug  # in DEBUG mode ninja would otherwise answer with a traceback
    response = client.get("/api/v1/organisations")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {
        "error": {
            "code": "database_unavailable",
            "message": gettext(
                "The service is temporarily unavailable. Please try again in a minute."
            ),
        }
    }


def test_a_closed_connection_on_a_logged_in_page_also_answers_503(client, db):
    """InterfaceError: the connection object itself is closed (psycopg's "connection already
    closed"), here when the session of a logged-in person is read."""
    client.force_login(factories.UserFactory())
    with failing_queries(InterfaceError("connection already closed")):
        response = client.get("/mina-sidor/")
    assert response.status_code == 503


def test_health_check_answers_503_with_retry_after_and_recovers(client, db, database_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {"status": "error", "database": "unavailable"}

    database_down.stop()
    assert client.get("/healthz").status_code == 200
    assert client.get("/foreningsregistret/").status_code == 200


def test_other_errors_are_still_server_errors(client, db):
    """Only an unreachable database is "temporarily unavailable"; a bug stays a 500."""
    client.raise_request_exception = False
    with failing_queries(ZeroDivisionError()):
        assert client.get("/foreningsregistret/").status_code == 500


# ---------------------------------------------------------------------------------------------
# A real server and a real outage (PostgreSQL)
# ---------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """One gunicorn sync worker (its database connection is kept between requests, as in
    production: DB_CONN_MAX_AGE) serving the test database."""

    def __init__(self, url: str):
        self.port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "SAMVERKAN_TESTING": "1",
            "DB_CONN_MAX_AGE": "600",
            "LOG_LEVEL": "CRITICAL",
        }
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "samverkan.wsgi",
                "--workers=1",
                f"--bind=127.0.0.1:{self.port}",
                "--log-level=critical",
            ],
            cwd=PROJECT_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.requests = 0

    def get(self, path: str) -> tuple[int, dict, str]:
        """(status, headers, body); a query string that changes makes every request reach the
        database (no page cache)."""
        self.requests += 1
        separator = "&" if "?" in path else "?"
        url = f"http://127.0.0.1:{self.port}{path}{separator}n={self.requests}"
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                self.get("/healthz")
                return
            except OSError:
                time.sleep(0.2)
        raise AssertionError("gunicorn did not start")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def cut_other_connections() -> int:
    """Terminate every connection to the test database but this test's, as a restart of
    PostgreSQL or a failover does to the server's."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def allow_connections(allowed: bool) -> None:
    """Let connections to the test database in, or not (as a database that is down)."""
    name = connection.ops.quote_name(connection.settings_dict["NAME"])
    # A database refuses to change this for itself: ask from the maintenance database.
    with maintenance_connection() as maintenance:
        maintenance.execute(
            f"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS {'true' if allowed else 'false'}"
        )


@pytest.mark.postgres
def test_a_real_server_says_unavailable_while_the_database_is_away_and_recovers(
    transactional_db,
):
    factories.OrganisationFactory(name="Rosengårds idrottsförening")
    server = Server(database_url(connection.settings_dict))
    try:
        server.wait_until_up()
        status, _headers, page = server.get("/foreningsregistret/?q=idrott")
        assert status == 200 and "Rosengårds idrottsförening" in page

        # PostgreSQL restarted: the worker's kept connection is dead. The health check at
        # the start of the next request notices and opens a new one; nobody sees an error.
        assert cut_other_connections() >= 1  # the worker's
        status, _headers, page = server.get("/foreningsregistret/?q=idrott")
        assert status == 200 and "Rosengårds idrottsförening" in page

        # The database is away: no new connection can be made.
        allow_connections(False)
        cut_other_connections()
        status, headers, page = server.get("/foreningsregistret/?q=idrott")
        assert status == 503
        assert headers["Retry-After"] == "30"
        assert gettext("Service temporarily unavailable") in page
        status, _headers, body = server.get("/api/v1/organisations")
        assert status == 503 and '"code": "database_unavailable"' in body
        assert server.get("/healthz")[0] == 503

        # Back again: the same worker serves the next request, without a restart.
        allow_connections(True)
        status, _headers, page = server.get("/foreningsregistret/?q=idrott")
        assert status == 200 and "Rosengårds idrottsförening" in page
        assert server.get("/healthz")[0] == 200
        assert server.process.poll() is None
    finally:
        allow_connections(True)
        server.stop()
