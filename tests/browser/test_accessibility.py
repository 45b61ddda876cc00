"""axe-core finds no WCAG 2.1 AA violation on any page of the sitemap and on the main logged-in
pages, and none of them scrolls sideways, on a laptop's screen and on a phone's (390 px)."""

import re
from collections import defaultdict
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.urls import resolve, reverse
from django.utils import timezone

from samverkan.actors.models import Organisation
from samverkan.agreements.models import Agreement
from samverkan.demo.loader import load_demo
from samverkan.events.models import Event
from samverkan.matching.models import Posting
from samverkan.reports.models import AnnualReport
from samverkan.venues.models import Room
from tests import factories
from tests.browser.support import (
    SCREENS,
    assert_accessible,
    axe_violations,
    csp_violations,
    log_in,
    sideways_scroll,
    watch_csp,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

User = get_user_model()


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


def test_the_check_reports_what_it_is_there_to_find(page):
    """The axe-core run of every browser test reports violations, with the elements they are on:
    a picture without a text, grey text on grey and a page locked in landscape (the one rule that
    reads the stylesheets)."""
    page.set_content(
        """<!doctype html><html lang="sv"><head><title>Prov</title><style>
        @media (orientation: portrait) { body { transform: rotate(90deg); } }
        </style></head><body><main><h1>Prov</h1><img src="data:,">
        <p style="color: #777; background: #888">Grå text</p></main></body></html>"""
    )
    found = "\n".join(axe_violations(page))
    assert "image-alt (critical): Images must have alternative text – img" in found
    assert "color-contrast (serious): Elements must meet minimum color contrast" in found
    assert "css-orientation-lock" in found


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
# kind of page is checked, the first and the last of each.
PAGES_PER_KIND = 2


def sample_per_kind(paths: list[str]) -> list[str]:
    kinds: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        kinds[resolve(path).route].append(path)
    sample = []
    for same_kind in kinds.values():
        sample += same_kind[: PAGES_PER_KIND - 1] + same_kind[PAGES_PER_KIND - 1 :][-1:]
    return sample


@pytest.fixture(params=list(SCREENS))
def screen(request, browser):
    """A page on a laptop's screen and on a phone's: the tests that take it run at both."""
    context = browser.new_context(viewport=SCREENS[request.param], locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    reported = watch_csp(page)
    yield page
    context.close()
    assert reported == [], "\n".join(reported)


def problems_on(page, base_url: str, paths: list[str]) -> list[str]:
    """Open each page; what axe-core finds, whether it scrolls sideways and whether it breaks
    the Content Security Policy (`screen` watches it), for all of them."""
    problems = []
    for path in paths:
        response = page.goto(base_url + path)
        assert response.status == 200, path
        violations = axe_violations(page)
        if violations:
            problems.append(f"axe-core on {path}:\n  " + "\n  ".join(violations))
        if overflow := sideways_scroll(page):
            problems.append(overflow)
        problems += csp_violations(page)
    return problems


def logged_in_pages() -> dict[str, list[str]]:
    """The pages a representative and a coordinator use most, in the demo: their own lists, the
    forms, the queues and the figures, by the e-mail of the demo person who sees them."""
    agreement = Agreement.objects.get(slug="malmoandan")
    zigzag = Organisation.objects.get(slug="foreningen-zig-zag")
    room = Room.objects.filter(venue__agreement=agreement, is_bookable=True).order_by("pk").first()
    posting = Posting.objects.filter(organisation=zigzag).order_by("pk").first()
    coming = Event.objects.filter(agreement=agreement, starts_at__gt=timezone.now())
    crowded = (
        Event.objects.filter(agreement=agreement)
        .annotate(people=Count("registrations"))
        .order_by("-people", "pk")
        .first()
    )
    draft = AnnualReport.objects.filter(agreement=agreement, status="draft").first()

    def at(name, **kwargs):
        return reverse(name, kwargs={"agreement": agreement.slug, **kwargs})

    in_room = {"venue": room.venue.slug, "room": room.slug}
    return {
        "ombud@demo.samverkan.se": [
            reverse("site:dashboard"),
            reverse("site:notifications"),
            at("events:mine"),
            at("venues:my_bookings"),
            at("venues:room", **in_room),
            at("venues:book", **in_room),
            at("venues:book_series", **in_room),
            at("matching:new"),
            posting.get_absolute_url(),
            at("events:register", slug=coming.order_by("starts_at").first().slug),
        ],
        "samordnare.stad@demo.samverkan.se": [
            reverse("site:dashboard"),
            at("matching:unmatched"),
            at("events:participants", slug=crowded.slug),
            at("events:new"),
            at("reports:detail", year=draft.year),
            at("reports:edit", year=draft.year),
            at("reports:memo", year=draft.year),
            at("events:figures_current"),
            at("venues:figures", venue=room.venue.slug),
            at("venues:visitors", venue=room.venue.slug),
            at("partnerships:figures"),
            at("funding:budget_year", year=timezone.localdate().year),
            at("learning:courses"),
        ],
    }


def test_every_kind_of_page_and_the_main_logged_in_pages_are_accessible_and_fit_the_screen(
    screen, live_server
):
    """With the demo loaded once: every kind of page in the sitemap as a visitor sees it, then
    the pages a representative and a coordinator use most, each logged in; none breaks the
    Content Security Policy either."""
    load_demo()
    paths = sitemap_paths(screen, live_server.url)
    kinds = {resolve(path).route for path in paths}
    assert len(kinds) >= 15  # register, agreement, areas, focus areas, bodies, minutes, plans …

    problems = problems_on(screen, live_server.url, sample_per_kind(paths))
    for email, own_pages in logged_in_pages().items():
        log_in(screen, live_server, User.objects.get(email=email))
        problems += problems_on(screen, live_server.url, own_pages)

    assert not problems, "\n".join(problems)


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
