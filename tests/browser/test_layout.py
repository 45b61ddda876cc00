"""The shared layout in Chromium: a header that is one tidy band on a wide screen and a short bar
with a "Menu" button on a phone (which opens without JavaScript too), a footer at the bottom of
short pages, the design-system page, and the shared components on the pages that use them.
Elements are found by id, class or address; only the menu button is found by its (Swedish) text,
the way a person finds it."""

import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.browser.support import assert_accessible, log_in, visit
from tests.events.factories import EventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
BASE = "/overenskommelser/malmoandan"


@pytest.fixture
def agreement(db):
    return factories.AgreementFactory(slug="malmoandan", name="Överenskommelse Malmöandan")


@pytest.fixture
def sized_page(browser):
    """A new page at a given viewport, optionally with JavaScript off; closed at the end."""
    contexts = []

    def open_page(viewport, javascript=True):
        context = browser.new_context(
            locale="sv-SE", viewport=viewport, java_script_enabled=javascript
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


def header_height(page) -> float:
    return page.locator(".site-header").bounding_box()["height"]


def menu_link(page, section: str):
    return page.locator(f".menu a[href$='/{section}/']")


def scroll_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_the_header_is_one_band_with_the_whole_menu_at_desktop_width(
    sized_page, live_server, agreement
):
    page = sized_page(DESKTOP)
    visit(page, live_server, "/")
    assert header_height(page) <= 120
    assert menu_link(page, "kalender").is_visible()
    assert page.locator(".menu-toggle > summary").is_hidden()
    # All eight menu links on one line.
    tops = {round(link.bounding_box()["y"]) for link in page.locator(".menu a").all()}
    assert len(tops) == 1

    log_in(page, live_server, factories.UserFactory())
    visit(page, live_server, "/mina-sidor/")
    assert header_height(page) <= 120
    assert page.locator(".utility a[href='/mina-sidor/']").get_attribute("aria-current") == "page"


def test_the_phone_menu_stays_closed_until_the_menu_button_opens_it(
    sized_page, live_server, agreement
):
    page = sized_page(PHONE)
    visit(page, live_server, f"{BASE}/kalender/")
    assert header_height(page) <= 160
    assert menu_link(page, "kalender").is_hidden()

    page.get_by_text("Meny", exact=True).click()
    calendar = menu_link(page, "kalender")
    assert calendar.is_visible()
    assert calendar.get_attribute("aria-current") == "page"
    # Every link is a large target, one per line.
    for link in page.locator(".menu a").all():
        assert link.bounding_box()["height"] >= 44
    assert_accessible(page)
    assert scroll_width(page) <= PHONE["width"]


def test_escape_closes_the_open_phone_menu_and_returns_to_its_button(
    sized_page, live_server, agreement
):
    page = sized_page(PHONE)
    visit(page, live_server, "/")
    button = page.get_by_text("Meny", exact=True)
    button.click()
    menu_link(page, "kalender").focus()
    page.keyboard.press("Escape")
    assert menu_link(page, "kalender").is_hidden()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"


def test_the_phone_menu_opens_without_javascript(sized_page, live_server, agreement):
    page = sized_page(PHONE, javascript=False)
    page.goto(live_server.url + "/")
    assert menu_link(page, "omraden").is_hidden()
    page.get_by_text("Meny", exact=True).click()
    assert menu_link(page, "omraden").is_visible()
    page.get_by_text("Meny", exact=True).click()
    assert menu_link(page, "omraden").is_hidden()


def test_log_in_and_the_language_switch_stay_in_sight_on_a_phone(
    sized_page, live_server, agreement
):
    page = sized_page(PHONE)
    visit(page, live_server, "/")
    assert page.locator(".utility a[href='/konto/login/']").is_visible()
    language = page.locator(".language-form button")
    assert language.is_visible()
    language.click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_design_system_page_has_no_axe_violations(sized_page, live_server, viewport):
    page = sized_page(viewport)
    visit(page, live_server, "/designsystem/")
    assert scroll_width(page) <= viewport["width"]


def test_the_footer_reaches_the_bottom_of_the_window_on_a_short_page(sized_page, live_server):
    page = sized_page(DESKTOP)
    visit(page, live_server, "/konto/password/reset/")
    footer = page.locator(".site-footer").bounding_box()
    assert footer["y"] + footer["height"] >= DESKTOP["height"] - 1


def test_the_month_calendar_has_equal_columns_and_lists_the_days_on_a_phone(
    sized_page, live_server, agreement
):
    today = timezone.localdate()
    EventFactory(
        agreement=agreement,
        title="Lärandelunch med ett mycket långt namn som inte får bredda sidan",
        starts_at=timezone.make_aware(datetime.datetime(today.year, today.month, 15, 12)),
    )
    path = f"{BASE}/kalender/manad/{today.year}/{today.month}/"

    page = sized_page(DESKTOP)
    visit(page, live_server, path)
    widths = [th.bounding_box()["width"] for th in page.locator("#month thead th").all()]
    assert max(widths) - min(widths) < 1

    phone = sized_page(PHONE)
    visit(phone, live_server, path)
    assert scroll_width(phone) <= PHONE["width"]
    assert phone.locator("#month td.has-events .day-long").is_visible()


def test_needs_and_offers_tabs_sit_side_by_side(sized_page, live_server, agreement):
    page = sized_page(PHONE)
    visit(page, live_server, f"{BASE}/behov-och-erbjudanden/")
    tabs = page.locator("nav.tabs a").all()
    assert len(tabs) == 3
    assert len({round(tab.bounding_box()["y"]) for tab in tabs}) == 1
    assert tabs[0].get_attribute("aria-current") == "page"
