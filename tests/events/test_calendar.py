"""The calendar's coming events: those running now first, then those starting later, in order
of their start, across pages, read without walking the events that have ended."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.events import selectors
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def event(agreement, *, started_days_ago: float, lasts_days: float):
    starts = timezone.now() - datetime.timedelta(days=started_days_ago)
    return EventFactory(
        agreement=agreement,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(days=lasts_days),
    )


def listed(agreement, now) -> list[int]:
    """Every page of the coming events, one after the other."""
    pks, number = [], 1
    while True:
        data = selectors.calendar_page_data(agreement, {}, page_number=number, now=now)
        pks += [e.pk for e in data["events"]]
        if not data["page"].has_next():
            return pks
        number += 1


def test_coming_events_are_those_running_now_then_those_starting_later_across_pages(monkeypatch):
    monkeypatch.setattr(selectors, "PAGE_SIZE", 3)
    first = EventFactory()
    agreement = first.agreement
    first.delete()
    ended = [event(agreement, started_days_ago=d, lasts_days=1) for d in (30, 10, 3)]
    running = [
        event(agreement, started_days_ago=40, lasts_days=60),  # a long training
        event(agreement, started_days_ago=2, lasts_days=5),
        event(agreement, started_days_ago=0.01, lasts_days=0.1),
        event(agreement, started_days_ago=20, lasts_days=30),
    ]
    starting = [event(agreement, started_days_ago=-d, lasts_days=0.1) for d in (5, 1, 9)]
    now = timezone.now()

    pks = listed(agreement, now)

    not_ended = sorted(running + starting, key=lambda e: (e.starts_at, e.pk))
    assert pks == [e.pk for e in not_ended]
    assert not set(pks) & {e.pk for e in ended}
    data = selectors.calendar_page_data(agreement, {}, page_number=1, now=now)
    assert data["page"].paginator.count == 7


def test_the_calendar_counts_and_pages_coming_events_of_a_filter():
    lunch = EventFactory(kind="learning_lunch")
    agreement = lunch.agreement
    training = event(agreement, started_days_ago=1, lasts_days=3)
    training.kind = "training"
    training.save()

    data = selectors.calendar_page_data(agreement, {"typ": "training"})

    assert [e.pk for e in data["events"]] == [training.pk]
    assert data["page"].paginator.count == 1


def test_the_filters_answer_htmx_with_the_list_alone(client):
    lunch = EventFactory(kind="learning_lunch", title="Lärandelunch om stöd")
    base = reverse("events:calendar", kwargs={"agreement": lunch.agreement.slug})

    found = client.get(base, {"typ": "learning_lunch"}, headers={"HX-Request": "true"})
    refused = client.get(base, {"typ": "nonsense"}, headers={"HX-Request": "true"})

    body = found.content.decode()
    assert found.status_code == 200
    assert body.strip().startswith('<div id="calendar-results">') and "Lärandelunch om stöd" in body
    assert "<html" not in body and 'id="event-filters"' not in body
    assert refused.status_code == 400
