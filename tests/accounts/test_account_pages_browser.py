"""Every allauth page a person meets renders in the site layout and passes axe-core (WCAG 2.1 AA),
including with errors shown and on the "too many attempts" page."""

import os
import re
from urllib.parse import urlparse

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.cache import cache

from tests import factories
from tests.browser.support import assert_accessible, follow

# Playwright's sync API keeps an event loop running in this thread; the ORM must still work here.
# `make test` sets the same variable; this lets `pytest tests/accounts` run on its own.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def check(page, heading_level_one=True):
    """The page is in our layout (skip link, main landmark, one h1) and axe finds nothing."""
    assert page.locator("a.skip-link").count() == 1
    assert page.locator("main#main").count() == 1
    if heading_level_one:
        assert page.locator("h1").count() == 1, page.content()
    assert_accessible(page)


def submit(page, name=None):
    """Press the main form's button and wait for the answer to load."""
    with page.expect_navigation():
        follow(page.get_by_role("main").get_by_role("button", name=name))


def path_in(message) -> str:
    return urlparse(re.search(r"https?://\S+", message.body).group(0)).path


def test_entrance_pages(page, live_server):
    base = live_server.url
    user = factories.UserFactory(email="kim@example.se")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    page.goto(base + "/konto/login/")
    check(page)
    assert page.get_by_role("link", name="Glömt lösenordet?").count() == 1
    submit(page, "Logga in")
    check(page)  # with the error summary and field errors
    assert page.locator("#id_login").get_attribute("aria-invalid") == "true"

    page.goto(base + "/konto/signup/")
    check(page)
    submit(page, "Skapa konto")
    check(page)
    page.get_by_label("E-post").fill("ny@example.se")
    page.locator("#id_first_name").fill("Astrid")
    page.locator("#id_last_name").fill("Öberg")
    page.locator("#id_password1").fill(factories.PASSWORD)
    page.locator("#id_password2").fill(factories.PASSWORD)
    submit(page, "Skapa konto")
    page.wait_for_url("**/konto/confirm-email/")
    check(page)  # verification sent

    page.goto(base + path_in(mail.outbox[-1]))
    check(page)  # confirm e-mail
    page.goto(base + "/konto/confirm-email/ogiltig-nyckel/")
    check(page)  # expired or invalid link

    page.goto(base + "/konto/inactive/")
    check(page)

    page.goto(base + "/konto/password/reset/")
    check(page)
    page.get_by_label("E-post").fill(user.email)
    submit(page)
    page.wait_for_url("**/konto/password/reset/done/")
    check(page)

    page.goto(base + path_in(mail.outbox[-1]))
    check(page)  # reset from key
    page.locator("#id_password1").fill("Solrosor-i-Lindangen-2026")
    page.locator("#id_password2").fill("Solrosor-i-Lindangen-2026")
    submit(page, "Ändra lösenord")
    page.wait_for_url("**/konto/password/reset/key/done/")
    check(page)

    page.goto(base + "/konto/password/reset/key/1-fel/")
    check(page)  # bad token


def test_too_many_attempts_page(page, live_server):
    base = live_server.url
    for _attempt in range(6):
        page.goto(base + "/konto/password/reset/")
        page.get_by_label("E-post").fill("vem@example.se")
        submit(page)
    assert page.locator("h1").count() == 1
    check(page)


def test_manage_pages(page, live_server):
    base = live_server.url
    user = factories.UserFactory(email="kim@example.se")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    page.goto(base + "/konto/login/")
    page.get_by_label("E-post").fill(user.email)
    page.get_by_label("Lösenord").fill(factories.PASSWORD)
    submit(page, "Logga in")
    page.wait_for_url("**/mina-sidor/")

    page.goto(base + "/konto/email/")
    check(page)
    submit(page, "Lägg till e-postadress")
    check(page)  # add-e-mail form with an error

    page.goto(base + "/konto/password/change/")
    check(page)
    submit(page, "Ändra lösenord")
    check(page)

    page.goto(base + "/konto/logout/")
    check(page)
    submit(page, "Logga ut")
    page.wait_for_url(base + "/")


def test_accessibility_statement_and_privacy_pages(page, live_server):
    base = live_server.url
    page.goto(base + "/om/tillganglighet/")
    check(page)
    submit(page, "Skicka anmälan")
    check(page)  # with the description's error
    page.goto(base + "/om/personuppgifter/")
    check(page)
