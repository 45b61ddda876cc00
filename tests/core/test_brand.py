"""The favicon at the address browsers ask for on their own, and the design-system page."""

import pytest

pytestmark = pytest.mark.django_db


def test_favicon_ico_answers_with_an_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # the ICO file header


def test_every_page_links_its_icons(client):
    page = client.get("/designsystem/").content.decode()
    assert '<link rel="icon" href="/favicon.ico"' in page
    assert 'type="image/svg+xml"' in page


def test_the_design_system_page_is_in_the_sitemap(client):
    assert "/designsystem/</loc>" in client.get("/sitemap.xml").content.decode()


def test_the_design_system_page_shows_every_shared_component(client):
    page = client.get("/designsystem/").content.decode()
    for component in [
        'class="swatches"',
        'class="danger"',
        'class="link-button"',
        'type="date"',
        'type="time"',
        'type="radio"',
        'type="checkbox"',
        'class="error-summary"',
        'class="tabs"',
        'class="cards cards-grid"',
        'class="tags"',
        'class="notice notice-error"',
        'class="table-scroll" tabindex="0" role="region"',
        'class="pagination"',
        'class="breadcrumbs"',
    ]:
        assert component in page, component
