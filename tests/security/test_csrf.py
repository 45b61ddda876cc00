"""CSRF protection: every view that changes data refuses a POST without the form's security
token, with a page that says what happened; the API takes no unsafe request on a session."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from tests.security.client import client_for
from tests.security.matrix import MATRIX
from tests.security.routes import UNSAFE_METHODS, api_operations, html_routes
from tests.security.world import url_kwargs

ROUTES = {route.name: route for route in html_routes()}


class HeadingParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.h1 = ""
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        self._in_h1 = self._in_h1 or tag == "h1"

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data


def heading(response) -> str:
    parser = HeadingParser()
    parser.feed(response.content.decode())
    return parser.h1.strip()


def url_of(name, world) -> str:
    kwargs = url_kwargs(name, world)
    return reverse(name, kwargs={key: kwargs[key] for key in ROUTES[name].params})


@pytest.mark.django_db
def test_every_view_that_changes_data_refuses_a_post_without_the_token(world):
    client = client_for(world.users["coordinator"], enforce_csrf_checks=True)
    accepted = []
    for name in sorted(MATRIX):
        response = client.post(url_of(name, world), {})
        if response.status_code != 403 or heading(response) != gettext(
            "The form could not be sent"
        ):
            accepted.append(f"{name}: {response.status_code} {heading(response)!r}")
    assert not accepted, "Accepted without a CSRF token:\n  " + "\n  ".join(accepted)


@pytest.mark.django_db
def test_the_same_post_with_the_token_gets_through(world):
    """The refusal above is the token's doing, not the route's: with the token it passes."""
    client = client_for(world.users["coordinator"], enforce_csrf_checks=True)
    url = reverse("areas:propose", kwargs={"agreement": world.agreement.slug})
    client.get(url)  # the form page sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post(url, {"csrfmiddlewaretoken": token})
    assert response.status_code in (200, 400)


@pytest.mark.django_db
def test_the_csrf_page_explains_in_the_site_layout(world):
    client = client_for(None, enforce_csrf_checks=True)
    response = client.post(reverse("core:accessibility"), {"message": "Hej"})
    assert response.status_code == 403
    text = response.content.decode()
    assert gettext("Go back, reload the page and fill in the form again.") in text
    assert reverse("site:home") in text
    assert '<html lang="sv"' in text


@pytest.mark.django_db
def test_a_logged_in_session_cannot_send_unsafe_requests_to_the_api(world):
    """The API is read-only; a session (whose cookie a browser sends along from any site) gets
    no unsafe method through, with or without a token."""
    client = client_for(world.users["administrator"], enforce_csrf_checks=True)
    paths = sorted({path for _method, path in api_operations()})
    through = []
    for path in paths:
        url = "/api/v1" + path.replace("{", "").replace("}", "")
        for method in UNSAFE_METHODS:
            response = getattr(client, method)(url, "{}", content_type="application/json")
            if response.status_code < 400:
                through.append(f"{method.upper()} {url}: {response.status_code}")
    assert not through, "\n".join(through)
