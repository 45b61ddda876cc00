"""axe-core finds no WCAG 2.1 AA violation on any page of the sitemap, on desktop and phone."""

import re
from collections import defaultdict
from urllib.parse import urlparse

import pytest
from django.urls import resolve

from samverkan.demo.loader import load_demo
from tests import factories
from tests.browser.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def public_data(db):
    factories.AgreementFactory(slug="malmoandan", summary="Malmö stad och den idéburna sektorn.")
    rosengard = factories.DistrictFactory(name="Rosengård", slug="rosengard")
    sport = factories.InterestAreaFactory(name="Idrott", slug="idrott")
    umbrella = factories.OrganisationFactory(
        name="Malmö ideella", slug="malmo-ideella", legal_form="umbrella"
    )
    club = factories.OrganisationFactory(
        name="Rosengårds idrottsförening",
        slug="rosengards-idrottsforening",
        districts=[rosengard],
        interest_areas=[sport],
        website="https://example.se",
        email="info@example.se",
    )
    club.umbrellas.add(umbrella)
    factories.administration(name="Fritidsförvaltningen", slug="fritidsforvaltningen")


def sitemap_paths(page, base_url: str) -> list[str]:
    response = page.request.get(base_url + "/sitemap.xml")
    assert response.ok
    return [urlparse(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", response.text())]


def test_every_page_in_the_sitemap_has_no_axe_violations(page, live_server, public_data):
    paths = sitemap_paths(page, live_server.url)
    assert "/foreningsregistret/" in paths
    assert "/organisationer/rosengards-idrottsforening/" in paths
    for path in paths:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert_accessible(page)


# With the demo data the sitemap has hundreds of organisation pages made by one template; every
# kind of page is checked, up to this many of each (the first ones and the last one).
PAGES_PER_KIND = 4


def sample_per_kind(paths: list[str]) -> list[str]:
    kinds: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        kinds[resolve(path).route].append(path)
    sample = []
    for same_kind in kinds.values():
        sample += same_kind[: PAGES_PER_KIND - 1] + same_kind[PAGES_PER_KIND - 1 :][-1:]
    return sample


@pytest.mark.django_db(transaction=True)
def test_every_kind_of_page_in_the_sitemap_has_no_axe_violations_with_the_demo(page, live_server):
    load_demo()
    paths = sitemap_paths(page, live_server.url)
    sample = sample_per_kind(paths)
    kinds = {resolve(path).route for path in paths}
    assert len(kinds) >= 15  # register, agreement, areas, focus areas, bodies, minutes, plans …
    for path in sample:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert_accessible(page)


def test_pages_work_on_a_phone_screen(browser, live_server, public_data):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="sv-SE")
    page = context.new_page()
    paths = ["/", "/foreningsregistret/?q=idrott", "/organisationer/rosengards-idrottsforening/"]
    for path in paths:
        page.goto(live_server.url + path)
        assert_accessible(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways on a phone ({width}px)"
    context.close()


def test_the_skip_link_moves_focus_to_the_main_content(page, live_server, public_data):
    page.goto(live_server.url + "/foreningsregistret/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Hoppa till innehållet")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
