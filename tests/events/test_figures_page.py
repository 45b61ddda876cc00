"""The participation figures page: the year's totals over every event, the events one page at a
time (searched by title and kind), the totals kept for everyone until a registration changes."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.events import selectors
from tests import factories
from tests.caching import committed
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def last_year_event(agreement=None, *, day: int, **kwargs):
    year = timezone.localdate().year - 1
    starts = timezone.make_aware(datetime.datetime(year, 3, day, 18))
    if agreement is not None:
        kwargs["agreement"] = agreement
    return EventFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), **kwargs)


def figures_url(event) -> str:
    return reverse(
        "events:figures", kwargs={"agreement": event.agreement.slug, "year": event.starts_at.year}
    )


def listed(response) -> list[str]:
    return re.findall(r'<tr data-event="([^"]+)">', response.content.decode())


@pytest.fixture
def three_events(monkeypatch):
    monkeypatch.setattr(selectors, "FIGURES_PAGE_SIZE", 2)
    with committed():
        return _three_events()


def _three_events():
    first = last_year_event(day=1, title="Dialogforum om unga", kind="dialogue_forum")
    agreement = first.agreement
    second = last_year_event(agreement, day=2, title="Lärandelunch", kind="learning_lunch")
    third = last_year_event(agreement, day=3, title="Dialogforum om äldre", kind="dialogue_forum")
    for event, sector in [(first, "city"), (second, "civil"), (third, "civil")]:
        RegistrationFactory(event=event, sector=sector, attended=True)
    return first, second, third


def test_the_events_are_listed_a_page_at_a_time_and_the_totals_count_them_all(client, three_events):
    first, second, third = three_events

    page_one = client.get(figures_url(first))
    page_two = client.get(figures_url(first), {"sida": 2})

    assert listed(page_one) == [first.slug, second.slug]
    assert listed(page_two) == [third.slug]
    assert page_one.context["figures"].total.registered == 3
    assert page_one.context["figures"].event_count == 3
    assert 'id="total-registered">3<' in page_one.content.decode()
    assert "sida=2" in page_one.content.decode()


def test_the_search_narrows_the_events_listed_not_the_totals(client, three_events):
    first, _second, third = three_events

    response = client.get(figures_url(first), {"sok": "dialogforum", "typ": "dialogue_forum"})

    assert listed(response) == [first.slug, third.slug]
    assert response.context["figures"].total.registered == 3


def test_a_search_that_matches_nothing_says_so(client, three_events):
    first = three_events[0]

    response = client.get(figures_url(first), {"sok": "finns inte"})

    assert listed(response) == []
    assert 'id="no-matching-events"' in response.content.decode()


def test_the_totals_are_those_of_the_figures_of_every_event(three_events):
    first = three_events[0]
    RegistrationFactory(event=first, sector="business", status="waitlisted")

    totals = selectors.year_totals(first.agreement, first.starts_at.year)
    every = selectors.participation_figures(first.agreement, first.starts_at.year)

    assert totals.total == every.total
    assert totals.by_kind == every.by_kind
    assert totals.years == every.years


def test_a_new_registration_changes_the_kept_totals_at_once(client, settings, three_events):
    settings.PAGE_CACHE_SECONDS = 60
    first = three_events[0]
    client.force_login(factories.UserFactory())
    assert client.get(figures_url(first)).context["figures"].total.registered == 3

    with committed():
        RegistrationFactory(event=first, sector="city")

    assert client.get(figures_url(first)).context["figures"].total.registered == 4
