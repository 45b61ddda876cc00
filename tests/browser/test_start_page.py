"""The start page and the agreement's page in Chromium, at 390 px (a phone) and at 1366 px:
no sideways scroll, no axe-core violation, and the blocks read as one short stack on a phone."""

import pytest

from tests import factories
from tests.areas.factories import FocusAreaFactory
from tests.browser.support import assert_accessible, log_in
from tests.events.factories import EventFactory
from tests.funding.factories import CallFactory
from tests.matching.factories import NEED, OFFER, posting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
SCROLL_WIDTH = "document.documentElement.scrollWidth"


@pytest.fixture
def agreement(db):
    agreement = factories.AgreementFactory(
        slug="malmoandan",
        summary="Malmö stad och den idéburna sektorn samverkar.",
        vision="Ett Malmö där alla kan delta.",
    )
    club = factories.OrganisationFactory(name="Föreningen Kraftsamling Herrgården med långt namn")
    EventFactory(
        agreement=agreement,
        title="Workshop: från idé till idéburet offentligt partnerskap i Malmö",
        address="Köket och caféet, Nobel 21, Nobelvägen 21, 214 33 Malmö",
    )
    posting(agreement, club, NEED, "Ledarutbildning för unga ledare i Herrgården och Rosengård")
    posting(agreement, club, OFFER, "Odlingslotter att låna ut")
    CallFactory(title="Aktivitetsbidrag för barn- och ungdomsverksamhet i hela Malmö")
    FocusAreaFactory(agreement=agreement, title="Jämlik hälsa – rörelse och kost")
    return agreement


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1366px"])
def test_the_start_page_fits_the_screen_and_has_no_axe_violations(
    page, live_server, agreement, viewport
):
    page.set_viewport_size(viewport)
    response = page.goto(live_server.url + "/")

    assert response.status == 200
    assert page.evaluate(SCROLL_WIDTH) <= viewport["width"]
    assert_accessible(page)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1366px"])
def test_the_agreement_page_fits_the_screen_and_has_no_axe_violations(
    page, live_server, agreement, viewport
):
    page.set_viewport_size(viewport)
    page.goto(live_server.url + "/")
    page.click("#about-agreement")
    page.wait_for_url("**/overenskommelser/malmoandan/")

    assert "Ett Malmö där alla kan delta." in page.inner_text("main")
    assert page.evaluate(SCROLL_WIDTH) <= viewport["width"]
    assert_accessible(page)


def test_on_a_phone_the_blocks_are_one_column_of_cards(page, live_server, agreement):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")

    lefts = page.eval_on_selector_all(
        ".start-block", "blocks => blocks.map(b => Math.round(b.getBoundingClientRect().left))"
    )
    assert len(lefts) == 5
    assert len(set(lefts)) == 1


def test_on_a_desktop_events_and_calls_stand_side_by_side(page, live_server, agreement):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/")

    events = page.locator("section[aria-labelledby=start-events-heading]").bounding_box()
    calls = page.locator("section[aria-labelledby=start-calls-heading]").bounding_box()
    assert calls["x"] > events["x"]
    assert calls["y"] == events["y"]


def test_a_logged_in_person_at_390px_reaches_my_pages_from_the_start_page(
    page, live_server, agreement
):
    page.set_viewport_size(PHONE)
    log_in(page, live_server, factories.UserFactory())
    page.goto(live_server.url + "/")
    assert_accessible(page)

    page.get_by_role("link", name="Till Mina sidor").click()
    page.wait_for_url("**/mina-sidor/")
