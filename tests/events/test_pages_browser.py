"""Browser journeys through the calendar with axe-core on each page: a member joins the waiting
list of a full event, the person holding the seat cancels, and the member is promoted and sees
it. Elements are found by id, name or address, never by (translated) text."""

import pytest
from django.utils import timezone

from samverkan.events import services
from samverkan.events.models import Registration
from tests import factories
from tests.browser.support import assert_accessible, follow, log_in, visit
from tests.events.factories import EventFactory, SessionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BASE = "/overenskommelser/malmoandan"


@pytest.fixture
def full_event(db):
    agreement = factories.AgreementFactory(slug="malmoandan", name="Överenskommelse Malmöandan")
    event = EventFactory(
        agreement=agreement,
        title="Malmötimme: lokaler för föreningslivet",
        slug="malmotimme-lokaler",
        kind="malmo_hour",
        capacity=1,
    )
    training = EventFactory(agreement=agreement, title="Medskapa förändring", kind="training")
    SessionFactory(event=training)
    holder = factories.UserFactory()
    services.register(event=event, user=holder, sector="city")
    return event, holder


def test_public_calendar_pages_have_no_axe_violations(page, live_server, full_event):
    event, _holder = full_event
    today = timezone.localdate()

    visit(page, live_server, f"{BASE}/kalender/")
    assert page.locator(f"#events a[href='{event.get_absolute_url()}']").count() == 1
    visit(page, live_server, f"{BASE}/kalender/?typ=training")
    assert page.locator(f"#events a[href='{event.get_absolute_url()}']").count() == 0
    visit(page, live_server, f"{BASE}/kalender/manad/{today.year}/{today.month}/")
    visit(page, live_server, f"{BASE}/kalender/manad/")
    visit(page, live_server, event.get_absolute_url())
    assert page.locator("#full").count() == 1
    visit(page, live_server, f"{BASE}/deltagande/")
    visit(page, live_server, f"{BASE}/deltagande/{today.year}/")
    assert page.locator("#total-registered").inner_text() == "1"


def test_member_on_the_waiting_list_is_promoted_when_the_seat_is_freed(
    browser, page, live_server, full_event
):
    event, holder = full_event
    member = factories.UserFactory()
    log_in(page, live_server, member)

    visit(page, live_server, event.get_absolute_url())
    follow(page.locator("#register-link"))
    page.wait_for_url(f"**{event.get_absolute_url()}anmalan/")
    assert_accessible(page)
    page.locator("#id_sector").select_option("civil")
    follow(page.locator("#register-submit"))
    page.wait_for_url(f"**{event.get_absolute_url()}")
    assert page.locator("#own-status").get_attribute("data-status") == "waitlisted"
    assert_accessible(page)

    other = browser.new_context(locale="sv-SE").new_page()
    try:
        log_in(other, live_server, holder)
        visit(other, live_server, f"{event.get_absolute_url()}avanmalan/")
        follow(other.locator("#confirm-cancel"))
        other.wait_for_url(f"**{event.get_absolute_url()}")
    finally:
        other.context.close()

    visit(page, live_server, f"{BASE}/mina-anmalningar/")
    row = page.locator(f"#my-registrations tr[data-event='{event.slug}']")
    assert row.get_attribute("data-status") == "registered"
    assert Registration.objects.get(event=event, user=member).status == "registered"
    visit(page, live_server, event.get_absolute_url())
    assert page.locator("#own-status").get_attribute("data-status") == "registered"


def test_organiser_pages_have_no_axe_violations(page, live_server, full_event):
    event, _holder = full_event
    log_in(page, live_server, factories.coordinator())

    visit(page, live_server, f"{event.get_absolute_url()}deltagare/")
    assert page.locator("#participants tbody tr").count() == 1
    visit(page, live_server, f"{event.get_absolute_url()}redigera/")
    visit(page, live_server, f"{event.get_absolute_url()}tillfallen/nytt/")
    visit(page, live_server, f"{event.get_absolute_url()}kvoter/ny/")
    visit(page, live_server, f"{event.get_absolute_url()}dokument/")
    visit(page, live_server, f"{event.get_absolute_url()}stall-in/")
    visit(page, live_server, f"{BASE}/evenemang/nytt/")
