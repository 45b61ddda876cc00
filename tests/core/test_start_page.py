"""The start page shows what is on: the next events, the newest needs and offers, the calls
closing soon, the focus area and the way in for an association; the agreement's own text is on
its page, one click away. Each block comes from its app through core/registry.py (START_PAGE)."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.events.models import Event
from tests import factories
from tests.areas.factories import FocusAreaFactory
from tests.events.factories import EventFactory, soon
from tests.funding.factories import CallFactory, in_days
from tests.matching.factories import NEED, OFFER, posting

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(db):
    return factories.AgreementFactory(
        slug="malmoandan", is_primary=True, vision="Ett Malmö där alla kan delta."
    )


def start_page(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def block(page: str, heading_id: str) -> str:
    """The HTML of the start page's section labelled by `heading_id`."""
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', page, re.S)
    assert match, f"no section labelled {heading_id}"
    return match.group(0)


def test_the_next_events_are_listed_with_date_and_place(client, agreement):
    EventFactory(
        agreement=agreement,
        title="Lärandelunch om lokaler",
        starts_at=soon(days=3, hour=12),
        address="Nobelvägen 21, Malmö",
    )

    events = block(start_page(client), "start-events-heading")

    assert "Lärandelunch om lokaler" in events
    assert "Nobelvägen 21, Malmö" in events
    assert soon(days=3, hour=12).strftime("%Y-%m-%dT12:00") in events  # <time datetime=…>


def test_past_cancelled_unpublished_and_other_agreements_events_are_left_out(client, agreement):
    EventFactory(agreement=agreement, title="Pågår snart")
    EventFactory(agreement=agreement, title="Redan hållen", starts_at=soon(days=-3))
    EventFactory(agreement=agreement, title="Inställd", status=Event.Status.CANCELLED)
    EventFactory(agreement=agreement, title="Utkast", is_published=False)
    EventFactory(title="I Lund")

    events = block(start_page(client), "start-events-heading")

    assert "Pågår snart" in events
    for title in ("Redan hållen", "Inställd", "Utkast", "I Lund"):
        assert title not in events


def test_at_most_four_events_are_shown_soonest_first(client, agreement):
    for days in (9, 2, 7, 5, 4):
        EventFactory(agreement=agreement, title=f"Om {days} dagar", starts_at=soon(days=days))

    events = block(start_page(client), "start-events-heading")

    shown = re.findall(r"Om (\d) dagar", events)
    assert shown == ["2", "4", "5", "7"]


def test_the_newest_needs_and_offers_are_listed_a_few_of_each(client, agreement):
    club = factories.OrganisationFactory(name="Föreningen Zig Zag")
    for n in range(4):
        posting(agreement, club, NEED, f"Behov nummer {n}")
    posting(agreement, club, OFFER, "Vi lånar ut vår lokal")

    postings = block(start_page(client), "start-postings-heading")

    assert "Behov nummer 3" in postings  # the newest
    assert "Behov nummer 0" not in postings  # three of each
    assert "Vi lånar ut vår lokal" in postings
    assert "Föreningen Zig Zag" in postings


def test_calls_closing_soon_show_their_last_day_soonest_first(client, agreement):
    CallFactory(title="Stänger om tio dagar", deadline=in_days(10))
    CallFactory(title="Stänger om tre dagar", deadline=in_days(3))
    CallFactory(title="Löpande utlysning", deadline=None)
    CallFactory(title="Redan stängd", opens_on=in_days(-60), deadline=in_days(-1))

    calls = block(start_page(client), "start-calls-heading")

    assert calls.index("Stänger om tre dagar") < calls.index("Stänger om tio dagar")
    assert "3 dagar kvar" in calls
    assert "Löpande utlysning" not in calls
    assert "Redan stängd" not in calls


def test_this_years_focus_area_is_shown(client, agreement):
    year = timezone.localdate().year
    FocusAreaFactory(agreement=agreement, year=year, title="Jämlik hälsa")

    focus = block(start_page(client), "focus-heading")

    assert "Jämlik hälsa" in focus
    assert f"Årets fokusområde ({year})" in focus


def test_a_visitor_is_offered_an_account_the_login_and_the_way_to_become_ombud(client, agreement):
    join = block(start_page(client), "join-heading")

    assert f'href="{reverse("account_signup")}"' in join
    assert f'href="{reverse("account_login")}"' in join
    assert f'href="{reverse("actors:organisation_new")}"' in join
    assert "Bli ombud för din förening" in join


def test_a_logged_in_person_is_led_to_my_pages(client, agreement):
    client.force_login(factories.UserFactory())

    join = block(start_page(client), "join-heading")

    assert f'href="{reverse("site:dashboard")}"' in join
    assert reverse("account_signup") not in join


def test_the_start_page_has_shortcuts_to_the_register_calendar_and_rooms(client, agreement):
    page = start_page(client)
    shortcuts = re.search(r'<nav class="start-shortcuts".*?</nav>', page, re.S).group(0)

    assert f'href="{reverse("actors:register")}"' in shortcuts
    assert 'href="/kalender/"' in shortcuts
    assert 'href="/lokaler/"' in shortcuts


def test_the_agreements_text_is_one_click_away_on_its_own_page(client, agreement):
    page = start_page(client)

    assert "Ett Malmö där alla kan delta." not in page
    assert f'href="{agreement.get_absolute_url()}"' in page
    assert (
        "Ett Malmö där alla kan delta." in client.get(agreement.get_absolute_url()).content.decode()
    )


def test_the_agreement_page_is_in_the_sitemap(client, agreement):
    assert agreement.get_absolute_url() in client.get("/sitemap.xml").content.decode()


def test_the_start_page_reads_in_english(client, agreement):
    EventFactory(agreement=agreement, title="Lärandelunch")
    CallFactory(title="Utlysning", deadline=in_days(3))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    page = start_page(client)

    for text in (
        "Coming events",
        "Newest needs and offers",
        "Funding calls closing soon",
        "(3 days left)",
        "For associations",
        "Create an account",
        "Become the representative (ombud) of your association",
        "Find an organisation",
    ):
        assert text in page, text


def test_the_start_page_reads_in_swedish(client, agreement):
    page = start_page(client)

    for text in (
        "Kommande evenemang",
        "Nya behov och erbjudanden",
        "Utlysningar som snart stänger",
        "För föreningar",
        "Skapa ett konto",
        "Hitta en organisation",
    ):
        assert text in page, text


def test_empty_blocks_say_so(client, agreement):
    page = start_page(client)

    assert "Just nu är inga evenemang planerade." in page
    assert "Just nu finns inga öppna behov." in page
    assert "Just nu har ingen öppen utlysning ett sista datum." in page


def test_without_an_agreement_the_start_page_still_answers(client):
    page = start_page(client)

    assert "Samverkansytan" in page
    assert 'id="start-events-heading"' not in page


def test_core_leaves_the_blocks_to_the_apps():
    """core is the bottom layer: the start page learns of the apps' blocks by registration."""
    from pathlib import Path

    import samverkan.core.registry as registry
    import samverkan.core.views as views

    for module in (registry, views):
        source = Path(module.__file__).read_text()
        for app in ("events", "matching", "funding", "areas"):
            assert f"samverkan.{app}" not in source, (module.__name__, app)
    assert {s.template for s in registry.START_PAGE._sections} >= {
        "events/_start_events.html",
        "matching/_start_postings.html",
        "funding/_start_calls.html",
        "areas/_start_focus_area.html",
        "actors/_start_register.html",
    }


def test_a_call_closing_today_says_so(client, agreement):
    CallFactory(title="Sista chansen", opens_on=in_days(-5), deadline=in_days(0))

    assert "sista dagen är i dag" in block(start_page(client), "start-calls-heading")
