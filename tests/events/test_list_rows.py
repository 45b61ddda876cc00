"""The long lists build each row's address, day, labels and counts once, not per cell: what they
show is what the model's own methods and the formatting helpers give."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from samverkan.core.formatting import number, short_day_month
from samverkan.events.models import EventKind
from tests import factories
from tests.events.factories import EventFactory, RegistrationFactory, soon

pytestmark = pytest.mark.django_db


def past_event(**kwargs):
    event = EventFactory(starts_at=soon(-3), **kwargs)
    event.ends_at = event.starts_at + datetime.timedelta(hours=2)
    event.save()
    return event


def test_a_figures_row_links_the_event_and_writes_its_day_and_counts(client):
    event = past_event(title="Dialogforum")
    for sector, attended in [("city", True), ("civil", True), ("civil", False)]:
        RegistrationFactory(event=event, sector=sector, attended=attended)
    path = reverse(
        "events:figures", kwargs={"agreement": event.agreement.slug, "year": event.starts_at.year}
    )

    with translation.override("sv"):
        body = client.get(path).content.decode()
        day = short_day_month(event.starts_at)

    row = (
        f'<tr data-event="{event.slug}"><th scope="row"><a href="{event.get_absolute_url()}">'
        f"Dialogforum</a></th><td>{day}</td><td>3</td><td>2</td>"
        "<td>1</td><td>1</td><td>0</td><td>0</td><td>0</td></tr>"
    )
    assert row in body


def test_a_figures_row_escapes_the_title(client):
    event = past_event(title="<b>Möte</b> & fika")
    path = reverse(
        "events:figures", kwargs={"agreement": event.agreement.slug, "year": event.starts_at.year}
    )

    body = client.get(path).content.decode()

    assert "&lt;b&gt;Möte&lt;/b&gt; &amp; fika</a>" in body
    assert "<b>Möte</b>" not in body


def test_counts_in_the_thousands_are_grouped_as_elsewhere():
    with translation.override("sv"):
        assert number(1234) == "1\u00a0234"


def test_a_calendar_card_links_the_event_and_names_its_kind(client):
    event = EventFactory(kind=EventKind.LEARNING_LUNCH)

    body = client.get(
        reverse("events:calendar", kwargs={"agreement": event.agreement.slug})
    ).content.decode()

    assert f'<a href="{event.get_absolute_url()}">{event.title}</a>' in body
    assert f" · {event.get_kind_display()}" in body


def test_the_participant_list_names_each_person_and_their_sector(client):
    event = past_event()
    named = factories.UserFactory(first_name="Alva", last_name="Ek")
    unnamed = factories.UserFactory(first_name="", last_name="")
    first = RegistrationFactory(event=event, user=named, sector="academia")
    RegistrationFactory(event=event, user=unnamed, sector="business")
    client.force_login(factories.coordinator())

    with translation.override("sv"):
        body = client.get(
            reverse(
                "events:participants",
                kwargs={"agreement": event.agreement.slug, "slug": event.slug},
            )
        ).content.decode()

    assert f'<tr data-registration="{first.pk}">' in body
    assert '<th scope="row">Alva Ek</th>' in body
    assert f'<th scope="row">{unnamed.email}</th>' in body
    assert f"<td>{first.get_sector_display()}</td>" in body
    assert f'value="{first.pk}" id="deltog-{first.pk}"' in body


def test_my_registrations_link_each_event_and_its_cancellation(client):
    coming = EventFactory(title="Dialogforum")
    person = factories.UserFactory()
    RegistrationFactory(event=coming, user=person, status="waitlisted")
    earlier = past_event(agreement=coming.agreement, title="Malmötimme")
    RegistrationFactory(event=earlier, user=person, attended=True)
    client.force_login(person)

    body = client.get(
        reverse("events:mine", kwargs={"agreement": coming.agreement.slug})
    ).content.decode()

    cancel = reverse(
        "events:cancel", kwargs={"agreement": coming.agreement.slug, "slug": coming.slug}
    )
    assert f'<a href="{coming.get_absolute_url()}">Dialogforum</a>' in body
    assert f'<a href="{cancel}">' in body
    assert "På väntelistan (nummer 1)" in body
    assert f'<a href="{earlier.get_absolute_url()}">Malmötimme</a>' in body
    assert "Anmäld" in body
