"""The Content Security Policy (no inline scripts or styles) breaks nothing: Chromium reports no
violation on the main forms as a coordinator, in the admin and in the API's documentation, and
htmx still updates the register's results in place. Every kind of page in the sitemap and the
main logged-in pages are watched where tests/browser/test_accessibility.py opens them."""

import re

import pytest
from django.urls import reverse

from samverkan.demo.data import DEMO_PASSWORD
from samverkan.demo.loader import load_demo
from samverkan.events.models import Event
from samverkan.plans.models import PlanPeriod
from samverkan.venues.models import Room
from tests import factories
from tests.browser.support import csp_violations, follow, watch_csp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def watched(page):
    """The page, and the CSP violations Chromium reports on it (console and DOM events)."""
    return page, watch_csp(page)


def visit(page, seen, url):
    response = page.goto(url)
    assert response.status < 500, url
    page.wait_for_load_state("load")
    seen += csp_violations(page)
    return response


def main_forms() -> list[str]:
    event = Event.objects.filter(is_published=True).order_by("-starts_at").first()
    room = Room.objects.select_related("venue__agreement").first()
    plan = PlanPeriod.objects.select_related("agreement").first()
    agreement = room.venue.agreement.slug
    return [
        reverse("actors:register") + "?q=idrott&sector=civil",
        reverse("actors:organisation_new"),
        reverse("events:register", kwargs={"agreement": agreement, "slug": event.slug}),
        reverse("events:new", kwargs={"agreement": agreement}),
        reverse(
            "venues:book",
            kwargs={"agreement": agreement, "venue": room.venue.slug, "room": room.slug},
        ),
        reverse("matching:new", kwargs={"agreement": agreement}),
        reverse("plans:follow_up", kwargs={"agreement": plan.agreement.slug, "slug": plan.slug}),
        "/admin/",
        "/admin/actors/organisation/",
        "/admin/actors/organisation/add/",
        "/admin/events/event/add/",
        "/api/v1/docs",
    ]


def log_in(page, base_url, email):
    page.goto(base_url + reverse("account_login"))
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Lösenord").fill(DEMO_PASSWORD)
    follow(page.get_by_role("button", name="Logga in"))
    page.wait_for_url(re.compile(r".*/mina-sidor/.*"))


def test_the_admin_and_the_main_forms_keep_the_content_security_policy(watched, live_server):
    """Every kind of public page and the main logged-in pages are watched for violations where
    tests/browser/test_accessibility.py opens them, at both screens."""
    page, seen = watched
    load_demo()
    log_in(page, live_server.url, "admin@demo.samverkan.se")
    for path in main_forms():
        visit(page, seen, live_server.url + path)

    assert seen == []


def test_the_listener_hears_a_violation(watched, live_server):
    """The test above could not fail if violations went unheard: a style attribute set by a
    script is one."""
    page, seen = watched
    visit(page, seen, live_server.url + "/")
    page.evaluate("document.body.setAttribute('style', 'color: red')")
    page.wait_for_function("window.__csp.length > 0")
    assert any("style-src" in v for v in page.evaluate("window.__csp"))


def test_htmx_updates_the_register_in_place_under_the_policy(watched, live_server):
    page, seen = watched
    factories.OrganisationFactory(name="Rosengårds idrottsförening")
    factories.OrganisationFactory(name="Kulturföreningen Glöden")
    visit(page, seen, live_server.url + reverse("actors:register"))
    page.evaluate("window.__same_document = true")

    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        page.locator("#id_q").fill("idrott")
    page.wait_for_url(re.compile(r".*q=idrott.*"))

    assert page.evaluate("window.__same_document") is True  # no full page load
    results = page.locator("#results").inner_text()
    assert "Rosengårds idrottsförening" in results
    assert "Glöden" not in results
    # htmx's own <style> is not injected (the policy would refuse it): site.css has it.
    assert page.evaluate("document.querySelectorAll('head style').length") == 0
    seen += page.evaluate("window.__csp")
    assert seen == []
