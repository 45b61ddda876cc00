"""The page shell: start page, language switch, health check, sitemap."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_start_page_presents_the_primary_agreement(client):
    factories.AgreementFactory(
        name="Överenskommelse Malmöandan", slug="malmoandan", vision="Ett Malmö för alla."
    )
    page = client.get("/").content.decode()
    assert "<h1" in page and "Överenskommelse Malmöandan</h1>" in page
    # Its vision is on its own page, linked from the start page (tests/core/test_start_page.py).
    assert 'href="/overenskommelser/malmoandan/"' in page


def test_pages_are_swedish_by_default_and_english_on_request(client):
    page = client.get("/foreningsregistret/").content.decode()
    assert '<html lang="sv">' in page
    assert "Föreningsregistret" in page
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/foreningsregistret/"})
    assert response.status_code == 302
    page = client.get("/foreningsregistret/").content.decode()
    assert '<html lang="en">' in page
    assert "Association register" in page


def test_health_check_answers_200_with_the_database_checked(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_check_answers_503_when_the_database_fails(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(self, sql, params=None):
        raise RuntimeError("database down")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_every_page_in_the_sitemap_answers_200(client):
    factories.AgreementFactory(slug="malmoandan")
    factories.OrganisationFactory(name="Rosengårds idrottsförening", slug="rosengards-if")
    factories.OrganisationFactory(name="Dold förening", slug="dold", is_public=False)
    sitemap = client.get("/sitemap.xml").content.decode()
    import re
    from urllib.parse import urlsplit

    paths = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    assert "/organisationer/rosengards-if/" in paths
    assert "/organisationer/dold/" not in paths
    assert "/overenskommelser/malmoandan/" in paths
    for path in paths:
        assert client.get(path).status_code == 200, path


def test_the_admin_is_for_administrators_only(client):
    client.force_login(factories.UserFactory())
    assert client.get("/admin/").status_code == 302
    client.force_login(factories.administrator())
    assert client.get("/admin/actors/organisation/").status_code == 200


def test_an_english_browser_still_gets_swedish_until_the_person_switches(client):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="sv">' in page


def test_the_stylesheet_and_htmx_are_served(client):
    for path in ["/static/css/site.css", "/static/js/htmx.min.js"]:
        response = client.get(path)
        assert response.status_code == 200, path
        response.close()
