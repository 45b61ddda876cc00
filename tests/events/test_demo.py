"""This app's part of the Malmöandan demo: the events of the 2022 annual report with their
registrations, coming events with a full one, and a second load that creates nothing."""

import pytest
from django.apps import apps
from django.utils import timezone

from samverkan.events import demo, selectors
from samverkan.events.models import Event, EventKind, Registration

pytestmark = pytest.mark.django_db


def event_rows() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_app_config("events").get_models()
    }


@pytest.fixture
def demo_data(shared_demo):
    return shared_demo.counts


def test_demo_holds_the_2022_events_of_the_annual_report(demo_data):
    agreement = Event.objects.get(slug="dialogforum-2022").agreement
    figures = selectors.participation_figures(agreement, 2022)

    kinds = [f.event.kind for f in figures.events]
    assert kinds.count(EventKind.DIALOGUE_FORUM) == 1
    assert kinds.count(EventKind.MALMO_HOUR) == 2
    assert kinds.count(EventKind.LEARNING_LUNCH) == 9
    assert kinds.count(EventKind.TRAINING) == 1
    forum = next(f for f in figures.events if f.event.kind == EventKind.DIALOGUE_FORUM)
    assert forum.attended == 120
    assert all(forum.attended_by_sector[s] > 0 for s in ("city", "civil", "business", "academia"))
    themes = {f.event.theme for f in figures.events if f.event.kind == EventKind.LEARNING_LUNCH}
    assert {"Communities That Care (CTC)", "Klimatkontrakt 2030", "Rätten till idrott"} <= themes

    training = Event.objects.get(slug="medskapa-forandring-2022")
    sessions = list(training.sessions.all())
    assert len(sessions) == 5
    assert sum(s.is_online for s in sessions) == 3
    quota = training.quotas.get()
    assert quota.seats == 4
    assert training.registrations.filter(quota=quota, attended=True).count() == 4
    assert demo_data["events"]["created"] >= 13


def test_demo_has_coming_events_and_a_full_one_with_a_waiting_list(demo_data):
    now = timezone.now()
    coming = Event.objects.published().filter(starts_at__gt=now)
    assert coming.count() >= 3
    full = Event.objects.get(slug="malmotimme-kommande-fullbokad")
    assert full.starts_at > now
    assert full.registrations.registered().count() == full.capacity
    assert full.registrations.waitlisted().count() == 3
    assert demo_data["participant_users"]["created"] == demo.PARTICIPANTS
    assert not Registration.objects.filter(is_demo=False).exists()


def test_second_load_creates_nothing(demo_data):
    before = event_rows()

    counts = demo.load()

    assert event_rows() == before
    assert all(tally["created"] == 0 for tally in counts.values()), counts
    assert counts["registrations"]["existing"] == before["events.Registration"]
