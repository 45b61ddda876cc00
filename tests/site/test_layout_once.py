"""The header and footer are rendered once per kind of page and kept in the process
(site/layout.py): each page still marks its own section, speaks its visitor's language, shows the
logged-in or anonymous links, and carries its own visitor's CSRF token and address."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from samverkan.site import layout
from tests import factories

pytestmark = pytest.mark.django_db

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


@pytest.fixture(autouse=True)
def agreements():
    factories.AgreementFactory(slug="malmoandan", is_primary=True)
    factories.AgreementFactory(slug="lund", is_primary=False)


def header(response) -> str:
    return re.search(r"<header.*?</header>", response.content.decode(), re.S).group(0)


def footer(response) -> str:
    return re.search(r"<footer.*?</footer>", response.content.decode(), re.S).group(0)


def test_each_page_marks_its_own_section_after_another_was_rendered(client):
    client.get("/overenskommelser/lund/omraden/")
    calendar = client.get("/overenskommelser/lund/kalender/")
    areas_again = client.get("/overenskommelser/lund/omraden/")
    assert 'href="/overenskommelser/lund/omraden/" aria-current="page"' in header(areas_again)
    assert 'href="/overenskommelser/lund/kalender/" aria-current="page"' in header(calendar)
    assert header(calendar).count('aria-current="page"') == 1
    assert 'aria-current="page"' not in footer(areas_again)


def test_the_menu_follows_the_agreement_of_each_page(client):
    client.get("/overenskommelser/lund/omraden/")
    page = client.get("/overenskommelser/malmoandan/omraden/")
    assert 'href="/overenskommelser/malmoandan/kalender/"' in header(page)
    assert "/overenskommelser/lund/" not in header(page) + footer(page)
    start = client.get("/")
    assert 'href="/kalender/"' in header(start)
    assert 'href="/fokusomraden/"' in footer(start)


def test_the_english_header_is_english_after_the_swedish_one_was_rendered(client):
    swedish = client.get("/")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/")
    assert "Logga in" in header(swedish) and "In English" in header(swedish)
    assert "Log in" in header(english) and "På svenska" in header(english)
    assert "Logga in" not in header(english)
    assert "Accessibility statement" in footer(english)


def test_a_logged_in_person_gets_the_logout_form_and_the_anonymous_the_login_link(client):
    anonymous = client.get("/")
    client.force_login(factories.UserFactory())
    logged_in = client.get("/")
    logout, login = reverse("account_logout"), reverse("account_login")
    assert f'action="{logout}"' not in header(anonymous)
    assert f'href="{login}"' in header(anonymous)
    assert f'action="{logout}"' in header(logged_in)
    assert f'href="{login}"' not in header(logged_in)


def test_each_visitor_gets_their_own_csrf_token_and_nothing_personal_is_kept(client, kept_layout):
    kept = kept_layout
    client.force_login(factories.UserFactory(first_name="Zelmira", email="zelmira@example.se"))
    other = Client()
    other.force_login(factories.UserFactory())
    tokens = CSRF_FIELD.findall(header(client.get("/")))
    other_tokens = CSRF_FIELD.findall(header(other.get("/")))
    assert len(tokens) == len(other_tokens) == 2  # the logout and the language forms
    assert set(tokens).isdisjoint(other_tokens)
    assert kept, "the header was not rendered through site/layout.py"
    for html in kept:
        assert not set(tokens + other_tokens) & set(CSRF_FIELD.findall(html))
        assert "Zelmira" not in html and "zelmira@" not in html


def test_the_language_switch_returns_to_this_requests_address_escaped(client):
    page = client.get("/foreningsregistret/", {"q": 'idrott"><script>'})
    assert layout.NEXT_PLACEHOLDER not in page.content.decode()
    assert 'value="/foreningsregistret/?q=idrott%22%3E%3Cscript%3E"' in header(page)


def test_my_pages_is_marked_on_my_pages(client):
    client.force_login(factories.UserFactory())
    dashboard = client.get("/mina-sidor/")
    start = client.get("/")
    assert 'aria-current="page">Mina sidor' in header(dashboard)
    assert 'aria-current="page">Mina sidor' not in header(start)
