"""The iCalendar feeds, parsed back with the icalendar library, and the Atom feed."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from samverkan.events import services
from samverkan.events.models import PlaceKind
from tests import factories
from tests.areas.factories import PriorityAreaFactory
from tests.events.factories import EventFactory, SessionFactory, soon

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def parse(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def test_agreement_feed_has_one_vevent_per_event_and_per_session(client):
    lunch = EventFactory(title="Lärandelunch om CTC", starts_at=soon(3, 12))
    training = EventFactory(agreement=lunch.agreement, title="Medskapa förändring")
    online = SessionFactory(event=training, starts_at=soon(10, 9))
    on_site = SessionFactory(
        event=training,
        starts_at=soon(17, 9),
        place_kind=PlaceKind.ADDRESS,
        address="Nobelvägen 21",
        online_url="",
    )
    EventFactory(agreement=lunch.agreement, is_published=False, title="Utkast")
    EventFactory(title="Annan överenskommelse")

    events = parse(client.get(reverse("events:ics", kwargs={"agreement": lunch.agreement.slug})))

    by_uid = {str(e["UID"]): e for e in events}
    assert len(events) == 3
    lunch_event = by_uid[f"event-{lunch.pk}@127.0.0.1"]
    assert str(lunch_event["SUMMARY"]) == "Lärandelunch om CTC"
    assert lunch_event.decoded("DTSTART") == lunch.starts_at.astimezone(UTC)
    assert lunch_event.decoded("DTEND") == lunch.ends_at.astimezone(UTC)
    assert str(lunch_event["LOCATION"]) == "Nobelvägen 21, Malmö"
    assert str(lunch_event["URL"]).endswith(lunch.get_absolute_url())
    assert lunch.summary in str(lunch_event["DESCRIPTION"])
    first = by_uid[f"event-{training.pk}-session-{online.pk}@127.0.0.1"]
    second = by_uid[f"event-{training.pk}-session-{on_site.pk}@127.0.0.1"]
    assert first.decoded("DTSTART") == online.starts_at.astimezone(UTC)
    assert "https://meet.example.org/medskapa" in str(first["DESCRIPTION"])
    assert str(second["LOCATION"]) == "Nobelvägen 21"
    assert "Medskapa förändring" in str(second["SUMMARY"])


def test_area_feed_has_only_the_areas_events(client):
    lunch = EventFactory()
    area = PriorityAreaFactory(agreement=lunch.agreement, slug="ungas-halsa")
    lunch.areas.add(area)
    EventFactory(agreement=lunch.agreement)

    events = parse(
        client.get(
            reverse(
                "events:area_ics", kwargs={"agreement": lunch.agreement.slug, "area": area.slug}
            )
        )
    )

    assert [str(e["UID"]) for e in events] == [f"event-{lunch.pk}@127.0.0.1"]


def test_personal_feed_lists_own_registrations_and_refuses_a_wrong_token(client):
    person = factories.UserFactory()
    mine = EventFactory(capacity=1)
    full = EventFactory(agreement=mine.agreement, capacity=1)
    EventFactory(agreement=mine.agreement)
    services.register(event=mine, user=person, sector="civil")
    services.register(event=full, user=factories.UserFactory(), sector="civil")
    services.register(event=full, user=person, sector="civil")
    token = services.calendar_token_for(person)
    url = reverse(
        "events:personal_ics", kwargs={"agreement": mine.agreement.slug, "token": token.token}
    )

    events = parse(client.get(url))

    statuses = {str(e["UID"]): str(e["STATUS"]) for e in events}
    assert statuses == {
        f"event-{mine.pk}@127.0.0.1": "CONFIRMED",
        f"event-{full.pk}@127.0.0.1": "TENTATIVE",
    }
    wrong = url.replace(token.token, "x" * len(token.token))
    assert client.get(wrong).status_code == 404

    services.renew_calendar_token(user=person)
    assert client.get(url).status_code == 404


def test_atom_feed_lists_coming_published_events(client):
    coming = EventFactory(title="Dialogforum")
    EventFactory(agreement=coming.agreement, starts_at=soon(-10), title="Förra året")

    response = client.get(reverse("events:atom", kwargs={"agreement": coming.agreement.slug}))

    assert response.status_code == 200
    assert b"Dialogforum" in response.content
    assert "Förra året".encode() not in response.content
