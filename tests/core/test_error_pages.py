"""With DEBUG off (production and `make run`), errors show the site's own pages, in Swedish."""

import pytest
from django.test import RequestFactory

from samverkan import urls
from samverkan.core.errors import server_error


@pytest.mark.django_db
def test_an_unknown_address_shows_the_swedish_not_found_page_in_the_site_layout(client):
    response = client.get("/finns-inte-alls/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "<h1>Sidan finns inte</h1>" in page
    assert 'class="site-header"' in page and "Till startsidan" in page


@pytest.mark.django_db
def test_the_not_found_page_is_english_in_english_mode(client):
    client.cookies["django_language"] = "en"

    page = client.get("/finns-inte-alls/").content.decode()

    assert "<h1>Page not found</h1>" in page


def test_the_server_error_page_is_shown_without_the_database():
    # No database access is allowed in this test: pytest-django fails any query.
    response = server_error(RequestFactory().get("/trasig/"))

    assert response.status_code == 500
    page = response.content.decode()
    assert "<h1>Något gick fel</h1>" in page
    assert 'class="site-header"' in page


def test_the_server_error_page_is_the_site_handler():
    assert urls.handler500 == "samverkan.core.errors.server_error"
