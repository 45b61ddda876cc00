import os

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
    on SQLite they are deselected, not skipped."""
    if _on_postgres():
        return
    deselected = [item for item in items if item.get_closest_marker("postgres")]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker("postgres")]


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
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
