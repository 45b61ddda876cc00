"""Mina sidor as an ombud and as a coordinator, at desktop width and on a 390 px phone: every
block is reachable, its links lead to the full lists, and axe-core finds nothing on the way."""

import pytest

from samverkan.matching.models import Match
from tests import factories
from tests.browser.support import assert_accessible, follow, log_in, visit
from tests.events.factories import EventFactory, RegistrationFactory
from tests.matching.factories import NEED, OFFER, posting
from tests.venues.factories import BookingFactory, RoomFactory, VenueFactory, at, open_every_day

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=list(VIEWPORTS))
def screen(request, browser):
    context = browser.new_context(viewport=VIEWPORTS[request.param], locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def world():
    agreement = factories.AgreementFactory(slug="malmoandan", is_primary=True)
    club = factories.OrganisationFactory(name="Föreningen Zig Zag", slug="zig-zag")
    other = factories.OrganisationFactory(name="Kvarterets förening", slug="kvarteret")
    ombud = factories.representative(club, first_name="Amir", last_name="Hosseini")
    venue = VenueFactory(agreement=agreement, name="Nobel 21")
    open_every_day(venue)
    BookingFactory(
        room=RoomFactory(venue=venue, name="Stora salen"), organisation=club, starts_at=at(2, 17)
    )
    RegistrationFactory(event=EventFactory(agreement=agreement, title="Dialogforum"), user=ombud)
    need = posting(agreement, club, NEED, "Lokal för dans på kvällar")
    offer = posting(agreement, other, OFFER, "Danssal på kvällar")
    Match.objects.create(need=need, offer=offer, status=Match.Status.OFFER_ACCEPTED)
    posting(agreement, other, NEED, "Volontärer till loppis")
    asking = factories.UserFactory(first_name="Erik", last_name="Svensson")
    factories.RepresentationFactory(user=asking, organisation=club, status="pending")
    return {"ombud": ombud, "coordinator": factories.coordinator(first_name="Tomas")}


def assert_no_sideways_scrolling(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("document.documentElement.clientWidth")
    assert width <= viewport, f"{page.url} is {width} px wide in a {viewport} px window"


def test_an_ombud_walks_from_mina_sidor_to_their_bookings_registrations_and_posting(
    screen, live_server, world
):
    page = screen
    log_in(page, live_server, world["ombud"])
    visit(page, live_server, "/mina-sidor/")
    assert_no_sideways_scrolling(page)
    bookings = page.locator("#bookings")
    assert "Stora salen" in bookings.inner_text()
    requests = page.locator("#requests")
    assert requests.get_by_role("button", name="Bekräfta Erik Svensson").is_visible()

    follow(bookings.get_by_role("link", name="Visa alla bokningar"))
    assert "/bokningar/" in page.url
    assert_accessible(page)

    page.go_back()
    follow(page.locator("#registrations").get_by_role("link", name="Visa alla dina anmälningar"))
    assert "/mina-anmalningar/" in page.url
    assert_accessible(page)

    page.go_back()
    postings = page.locator("#postings")
    assert "1 matchning väntar på ert svar" in postings.inner_text()
    follow(postings.get_by_role("link", name="Lokal för dans på kvällar"))
    assert_accessible(page)


def test_a_coordinator_finds_the_unmatched_postings_from_mina_sidor(screen, live_server, world):
    page = screen
    log_in(page, live_server, world["coordinator"])
    visit(page, live_server, "/mina-sidor/")
    assert_no_sideways_scrolling(page)
    unmatched = page.locator("#unmatched")
    link = unmatched.get_by_role("link", name="3 öppna behov och erbjudanden saknar matchning")

    follow(link)
    assert page.url.endswith("/matchning/oparade/")
    assert_accessible(page)
    assert "Volontärer till loppis" in page.content()
