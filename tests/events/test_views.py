"""The pages and the API: registering and cancelling through the forms, documentation upload
and serving, the figures by sector, the API without personal data, bad input answered 4xx."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samverkan.core.permissions import SYSTEM
from samverkan.events import selectors, services
from samverkan.events.models import EventKind, Registration
from tests import factories
from tests.events.factories import EventFactory, RegistrationFactory, soon
from tests.form_defaults import form_defaults

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def url(name, event, **kwargs):
    return reverse(name, kwargs={"agreement": event.agreement.slug, "slug": event.slug, **kwargs})


def test_a_member_registers_and_cancels_through_the_pages(client):
    event = EventFactory(capacity=1)
    member = factories.UserFactory()
    client.force_login(member)

    response = client.post(url("events:register", event), {"sector": "academia"})
    assert response.status_code == 302
    registration = Registration.objects.get(event=event, user=member)
    assert (registration.status, registration.sector) == ("registered", "academia")
    page = client.get(event.get_absolute_url())
    assert page.context["own"] == registration

    assert client.get(url("events:cancel", event)).status_code == 200  # asks first
    client.post(url("events:cancel", event))
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_the_registration_form_needs_a_sector_and_says_so(client):
    event = EventFactory()
    client.force_login(factories.UserFactory())

    response = client.post(url("events:register", event), {})

    assert response.status_code == 400
    assert response.context["form"].errors["sector"]
    assert not event.registrations.exists()


def test_registering_twice_through_the_page_shows_the_refusal(client):
    event = EventFactory()
    member = factories.UserFactory()
    client.force_login(member)
    client.post(url("events:register", event), {"sector": "civil"})

    response = client.post(url("events:register", event), {"sector": "civil"}, follow=True)

    shown = [m.message for m in response.context["messages"]]
    assert shown[-1] == "Du är redan anmäld till det här evenemanget."
    assert event.registrations.filter(user=member).count() == 1


def test_a_full_event_offers_the_waiting_list_and_shows_the_position(client):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    member = factories.UserFactory()
    client.force_login(member)

    assert client.get(event.get_absolute_url()).context["is_full"]
    client.post(url("events:register", event), {"sector": "civil"})

    page = client.get(event.get_absolute_url())
    assert page.context["own"].status == "waitlisted"
    assert page.context["position"] == 1
    mine = client.get(reverse("events:mine", kwargs={"agreement": event.agreement.slug}))
    assert [r.position for r in mine.context["upcoming"]] == [1]


def test_organisers_attach_documents_that_the_public_can_open(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    event = EventFactory(starts_at=soon(-2), ends_at=soon(-2) + datetime.timedelta(hours=2))
    client.force_login(factories.representative(event.organisers.first()))

    response = client.post(
        url("events:documents", event),
        {"kind": "report", "title": "Rapport", "is_public": "on",
         "file": SimpleUploadedFile("rapport.pdf", PDF, content_type="application/pdf")},
    )  # fmt: skip
    assert response.status_code == 302
    document = event.documents.get()
    assert (document.content_type, document.size) == ("application/pdf", len(PDF))

    client.logout()
    served = client.get(document.get_absolute_url())
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == PDF
    assert served["Content-Type"] == "application/pdf"


def test_a_file_whose_content_does_not_match_its_name_is_refused(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    event = EventFactory()
    client.force_login(factories.coordinator())

    response = client.post(
        url("events:documents", event),
        {"kind": "photo", "file": SimpleUploadedFile("bild.png", b"<script>", "image/png")},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["file"]
    assert not event.documents.exists()
    assert not list(tmp_path.rglob("*.png"))


def test_a_private_document_is_not_served_to_the_public(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    event = EventFactory()
    document = services.attach_document(
        event=event,
        by=SYSTEM,
        file=SimpleUploadedFile("protokoll.pdf", PDF),
        kind="minutes",
        is_public=False,
    )

    assert client.get(document.get_absolute_url()).status_code == 404
    client.force_login(factories.UserFactory())
    assert client.get(document.get_absolute_url()).status_code == 403


def test_figures_count_registered_and_attended_by_sector():
    event = EventFactory(starts_at=soon(-3), kind=EventKind.DIALOGUE_FORUM)
    event.ends_at = event.starts_at + datetime.timedelta(hours=3)
    event.save()
    for sector, attended in [("city", True), ("city", False), ("civil", True), ("business", True)]:
        RegistrationFactory(event=event, sector=sector, attended=attended)
    RegistrationFactory(event=event, sector="academia", status="cancelled")
    RegistrationFactory(event=event, sector="other", status="waitlisted")

    figures = selectors.participation_figures(event.agreement, event.starts_at.year)

    assert (figures.total.registered, figures.total.attended) == (4, 3)
    assert figures.total.registered_by_sector == {
        "city": 2, "civil": 1, "business": 1, "academia": 0, "other": 0
    }  # fmt: skip
    assert figures.total.attended_by_sector["city"] == 1
    assert figures.events[0].waitlisted == 1
    assert [(k.kind, k.events) for k in figures.by_kind] == [("dialogue_forum", 1)]


def test_the_figures_page_shows_totals_only(client):
    event = EventFactory(starts_at=soon(-3))
    event.ends_at = event.starts_at + datetime.timedelta(hours=1)
    event.save()
    person = factories.UserFactory(last_name="Anonymsson")
    RegistrationFactory(event=event, user=person, attended=True)

    response = client.get(
        reverse("events:figures", kwargs={"agreement": event.agreement.slug,
                                          "year": event.starts_at.year})
    )  # fmt: skip

    assert response.status_code == 200
    assert response.context["figures"].total.attended == 1
    assert "Anonymsson" not in response.content.decode()


def test_the_api_lists_events_and_figures_without_personal_data(client):
    event = EventFactory(title="Malmötimme")
    person = factories.UserFactory(first_name="Privata", last_name="Personen")
    services.register(event=event, user=person, sector="civil")
    EventFactory(agreement=event.agreement, is_published=False)

    listing = client.get("/api/v1/events", {"agreement": event.agreement.slug}).json()
    detail = client.get(f"/api/v1/events/{event.slug}").json()
    by_id = client.get(f"/api/v1/events/{event.pk}").json()
    figures = client.get(
        "/api/v1/events/figures",
        {"agreement": event.agreement.slug, "year": event.starts_at.year},
    ).json()

    assert [e["slug"] for e in listing["items"]] == [event.slug]
    assert detail["registered"] == 1 and by_id["slug"] == event.slug
    assert figures["registered"] == 1
    for body in (listing, detail, figures):
        text = str(body)
        assert "Personen" not in text and person.email not in text


def test_the_api_answers_404_for_a_draft_and_422_for_bad_parameters(client):
    draft = EventFactory(is_published=False)

    assert client.get(f"/api/v1/events/{draft.slug}").status_code == 404
    assert client.get("/api/v1/events/figures", {"year": "x"}).status_code == 422
    schema = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/events", "/api/v1/events/{ref}", "/api/v1/events/figures"} <= set(
        schema["paths"]
    )


def test_bad_calendar_input_is_answered_4xx(client):
    event = EventFactory()
    base = reverse("events:calendar", kwargs={"agreement": event.agreement.slug})

    assert client.get(base, {"typ": "nonsense"}).status_code == 400
    month = reverse(
        "events:month", kwargs={"agreement": event.agreement.slug, "year": 2026, "month": 13}
    )
    assert client.get(month).status_code == 404


def test_the_calendar_filters_by_kind_and_the_month_view_shows_sessions(client):
    lunch = EventFactory(kind=EventKind.LEARNING_LUNCH, starts_at=soon(3))
    training = EventFactory(agreement=lunch.agreement, kind=EventKind.TRAINING)
    base = reverse("events:calendar", kwargs={"agreement": lunch.agreement.slug})

    response = client.get(base, {"typ": "training"})

    assert re.findall(r'data-event="([^"]+)"', response.content.decode()) == [training.slug]
    day = lunch.starts_at
    month = client.get(
        reverse("events:month", kwargs={"agreement": lunch.agreement.slug,
                                        "year": day.year, "month": day.month})
    )  # fmt: skip
    items = [i.event.pk for week in month.context["weeks"] for d in week for i in d["items"]]
    assert lunch.pk in items


def test_the_sitemap_lists_the_calendar_month_figures_and_published_events(client):
    event = EventFactory()
    draft = EventFactory(agreement=event.agreement, is_published=False)

    body = client.get("/sitemap.xml").content.decode()

    slug = event.agreement.slug
    assert f"/overenskommelser/{slug}/kalender/</loc>" in body
    assert f"/overenskommelser/{slug}/kalender/manad/" in body
    assert f"/overenskommelser/{slug}/deltagande/</loc>" in body
    assert event.get_absolute_url() in body
    assert draft.get_absolute_url() not in body


def test_a_coordinator_creates_and_publishes_an_event(client):
    agreement = factories.AgreementFactory(is_primary=False)
    organisation = factories.OrganisationFactory()
    client.force_login(factories.coordinator())
    new = reverse("events:new", kwargs={"agreement": agreement.slug})

    response = client.post(
        new,
        {"kind": "workshop", "title": "Workshop om IOP", "organisers": [organisation.pk],
         "starts_at": "2030-05-02T09:00", "ends_at": "2030-05-02T12:00",
         "place_kind": "online", "online_url": "https://mote.example.org/iop", "capacity": "20"},
    )  # fmt: skip

    assert response.status_code == 302
    event = agreement.events.get()
    assert not event.is_published
    client.post(url("events:publish", event))
    event.refresh_from_db()
    assert event.is_published


def test_an_event_without_its_place_is_refused_at_the_field(client):
    agreement = factories.AgreementFactory(is_primary=False)
    client.force_login(factories.coordinator())

    response = client.post(
        reverse("events:new", kwargs={"agreement": agreement.slug}),
        {"kind": "workshop", "title": "Utan plats",
         "organisers": [factories.OrganisationFactory().pk],
         "starts_at": "2030-05-02T09:00", "ends_at": "2030-05-02T12:00", "place_kind": "address"},
    )  # fmt: skip

    assert response.status_code == 400
    assert response.context["form"].errors["address"]
    assert not agreement.events.exists()


def test_a_representative_who_sends_the_registration_form_as_shown_is_registered(client):
    """The form offers the organisation the person represents from the start: its sector is
    counted, and no "choose a sector" error stands in the way."""
    event = EventFactory()
    association = factories.OrganisationFactory(name="Rosengårds boxningsklubb")
    person = factories.representative(association)
    client.force_login(person)

    page = client.get(url("events:register", event))
    response = client.post(url("events:register", event), form_defaults(page.content.decode()))

    assert response.status_code == 302
    registration = Registration.objects.get(event=event, user=person)
    assert (registration.organisation, registration.sector) == (association, "civil")


def test_the_registration_form_offers_the_organisation_the_person_came_from_last_time(client):
    first, last = (
        factories.OrganisationFactory(name=name) for name in ("Afrikagruppen", "Ö-föreningen")
    )
    person = factories.representative(first)
    factories.RepresentationFactory(user=person, organisation=last)
    RegistrationFactory(event=EventFactory(), user=person, organisation=last, sector="civil")
    client.force_login(person)

    page = client.get(url("events:register", EventFactory()))

    assert page.context["form"]["organisation"].value() == last.pk


def test_a_city_employee_is_offered_their_administration(client):
    administration = factories.administration(name="Fritidsförvaltningen")
    person = factories.representative(administration)
    client.force_login(person)

    page = client.get(url("events:register", EventFactory()))

    assert page.context["form"]["organisation"].value() == administration.pk
