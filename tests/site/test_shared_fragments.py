"""What is the same for everyone on the start page and, for the coordinators, on My pages is
rendered once and kept under the generations of the tables it read (core.cache.cached_value):
a logged-in person renders only their own parts, and a write shows on the next request."""

import re

import pytest

from samverkan.core.cache import HIT_HEADER, TOKEN_RE
from tests import factories
from tests.areas.factories import ProposalFactory
from tests.caching import committed, tables_read
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


@pytest.fixture
def agreement():
    return factories.AgreementFactory(slug="malmoandan", is_primary=True)


def start_blocks(response) -> str:
    match = re.search(r'<div class="start-blocks">.*?\n</div>', response.content.decode(), re.S)
    assert match, "no start blocks"
    return match.group(0)


def test_a_logged_in_person_gets_the_start_blocks_without_their_queries(client, agreement):
    EventFactory(agreement=agreement, title="Lärandelunch")
    client.force_login(factories.UserFactory())
    _first, read_first = tables_read(client, "/")
    second, read_second = tables_read(client, "/")
    assert "events_event" in read_first
    assert "events_event" not in read_second
    assert "Lärandelunch" in second


def test_the_start_blocks_hold_nothing_of_the_person(client, agreement):
    EventFactory(agreement=agreement, title="Lärandelunch")
    person = factories.UserFactory(first_name="Zelmira", email="zelmira@example.se")
    client.force_login(person)
    logged_in = start_blocks(client.get("/"))
    client.logout()
    anonymous = start_blocks(client.get("/"))
    assert logged_in == anonymous
    assert "Zelmira" not in logged_in and "zelmira@" not in logged_in
    assert "csrfmiddlewaretoken" not in logged_in


def test_a_new_event_shows_on_the_next_logged_in_request(client, agreement):
    client.force_login(factories.UserFactory())
    assert "Lärandelunch" not in client.get("/").content.decode()
    with committed():
        EventFactory(agreement=agreement, title="Lärandelunch")
    assert "Lärandelunch" in client.get("/").content.decode()


def test_an_anonymous_page_built_on_a_kept_fragment_is_dropped_by_a_write(client, agreement):
    member = factories.UserFactory()
    client.force_login(member)
    client.get("/")  # keeps the fragment
    client.logout()
    client.cookies.clear()
    page = client.get("/")
    assert page[HIT_HEADER] == "miss"  # the page is stored, built on the kept fragment
    assert client.get("/")[HIT_HEADER] == "hit"
    with committed():
        EventFactory(agreement=agreement, title="Lärandelunch")
    again = client.get("/")
    assert again[HIT_HEADER] == "miss"
    assert "Lärandelunch" in again.content.decode()


def test_the_fragment_is_not_kept_when_the_page_cache_is_off(client, agreement, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.force_login(factories.UserFactory())
    client.get("/")
    _page, read = tables_read(client, "/")
    assert "events_event" in read


def test_coordinators_share_their_work_queues_on_my_pages(client, agreement):
    ProposalFactory(agreement=agreement, title="Unga och idrott")
    client.force_login(factories.coordinator())
    _first, read_first = tables_read(client, "/mina-sidor/")
    client.force_login(factories.coordinator())
    second, read_second = tables_read(client, "/mina-sidor/")
    assert "areas_focusareaproposal" in read_first
    assert "areas_focusareaproposal" not in read_second
    assert "Unga och idrott" in second


def test_the_kept_work_queues_are_as_rendered_for_the_person(client, agreement, settings):
    ProposalFactory(agreement=agreement, title="Unga och idrott")
    client.force_login(factories.coordinator())
    client.get("/mina-sidor/")
    kept = client.get("/mina-sidor/").content
    settings.PAGE_CACHE_SECONDS = 0
    rendered = client.get("/mina-sidor/").content
    assert TOKEN_RE.sub(b"", kept) == TOKEN_RE.sub(b"", rendered)


def test_a_new_proposal_shows_on_the_next_coordinators_my_pages(client, agreement):
    client.force_login(factories.coordinator())
    assert "Unga och idrott" not in client.get("/mina-sidor/").content.decode()
    with committed():
        ProposalFactory(agreement=agreement, title="Unga och idrott")
    assert "Unga och idrott" in client.get("/mina-sidor/").content.decode()


def test_a_member_never_gets_the_coordinators_queues(client, agreement):
    ProposalFactory(agreement=agreement, title="Unga och idrott")
    client.force_login(factories.coordinator())
    client.get("/mina-sidor/")
    client.force_login(factories.UserFactory())
    assert "Unga och idrott" not in client.get("/mina-sidor/").content.decode()
