"""The calendar's list and the parts of an event's page that are the same for everyone are kept
(core.cache.cached_value) and shown to logged-in people too: a request renders only the
person's own parts, a person never sees another's, and a write shows on the next request."""

import pytest
from django.urls import reverse

from samverkan.events.models import PlaceKind
from tests import factories
from tests.caching import committed, tables_read
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db

MEETING = "https://meet.example.org/hemligt-mote"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


def calendar(event) -> str:
    return reverse("events:calendar", kwargs={"agreement": event.agreement.slug})


@pytest.fixture
def event():
    with committed():
        return EventFactory(title="Lärandelunch", capacity=10)


def test_a_logged_in_person_gets_the_calendar_list_without_its_queries(client, event):
    client.force_login(factories.UserFactory())
    _first, read_first = tables_read(client, calendar(event))
    second, read_second = tables_read(client, calendar(event))
    assert "events_event" in read_first
    assert "events_event" not in read_second
    assert "Lärandelunch" in second


def test_a_new_registration_changes_the_calendars_seats_at_once(client, event):
    client.force_login(factories.UserFactory())
    assert "0 av 10 tagna" in client.get(calendar(event)).content.decode()
    with committed():
        RegistrationFactory(event=event)
    assert "1 av 10 tagna" in client.get(calendar(event)).content.decode()


def test_the_button_to_create_an_event_is_the_persons_own(client, event):
    client.force_login(factories.coordinator())
    new_event = reverse("events:new", kwargs={"agreement": event.agreement.slug})
    assert new_event in client.get(calendar(event)).content.decode()
    client.force_login(factories.UserFactory())
    assert new_event not in client.get(calendar(event)).content.decode()


def test_a_new_registration_changes_the_events_seats_at_once(client, event):
    client.force_login(factories.UserFactory())
    page = event.get_absolute_url()
    assert "10 av 10 platser kvar" in client.get(page).content.decode()
    with committed():
        RegistrationFactory(event=event)
    assert "9 av 10 platser kvar" in client.get(page).content.decode()


def test_a_logged_in_person_reads_only_their_own_parts_of_an_event(client, event):
    client.force_login(factories.UserFactory())
    _first, read_first = tables_read(client, event.get_absolute_url())
    _second, read_second = tables_read(client, event.get_absolute_url())
    assert "events_seatquota" in read_first
    assert "events_seatquota" not in read_second
    assert "events_registration" in read_second  # their own registration


def test_ones_registration_and_meeting_link_are_never_shown_to_another(client, event):
    with committed():
        SessionFactory(event=event, place_kind=PlaceKind.ONLINE, online_url=MEETING)
        registered = factories.UserFactory()
        RegistrationFactory(event=event, user=registered)
    client.force_login(registered)
    own = client.get(event.get_absolute_url()).content.decode()
    assert 'id="own-status"' in own and MEETING in own

    client.force_login(factories.UserFactory())
    other = client.get(event.get_absolute_url()).content.decode()
    assert 'id="own-status"' not in other
    assert MEETING not in other
    assert 'id="register-link"' in other


def test_what_organisers_see_is_not_shown_to_a_member(client, event):
    with committed():
        SessionFactory(event=event)
    client.force_login(factories.coordinator())
    managed = client.get(event.get_absolute_url()).content.decode()
    assert 'id="manage"' in managed and "/ta-bort/" in managed

    client.force_login(factories.UserFactory())
    seen = client.get(event.get_absolute_url()).content.decode()
    assert 'id="manage"' not in seen
    assert "/ta-bort/" not in seen


def test_a_new_registration_changes_the_seats_those_who_run_the_event_see_at_once(client, event):
    client.force_login(factories.coordinator())
    page = event.get_absolute_url()
    client.get(page)  # keeps the page's parts as those who run it see them
    assert "10 av 10 platser kvar" in client.get(page).content.decode()
    with committed():
        RegistrationFactory(event=event)
    assert "9 av 10 platser kvar" in client.get(page).content.decode()
