import csv
import io
import json
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from stdnum import luhn

from samverkan.actors.models import Organisation, Representation
from samverkan.core.models import AuditEntry
from tests import factories

pytestmark = pytest.mark.django_db

REGISTER = reverse("actors:register")
CSV_URL = reverse("actors:register_csv")


def t(msgid: str) -> str:
    """The text a person reads for `msgid` (the tests run in Swedish)."""
    with translation.override("sv"):
        return translation.gettext(msgid)


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def org(name, **kwargs):
    kwargs.setdefault("description", "")
    return factories.OrganisationFactory(name=name, **kwargs)


def listed(response) -> list[str]:
    return [o.name for o in response.context["page"].object_list]


def csv_rows(response) -> tuple[str, list[list[str]]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    return text, list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


@pytest.fixture
def register(db):
    org("Idrottsföreningen Kroksbäck")
    org("Rosengårds idrottsförening")
    org("Schackklubben Springaren")


# The register


def test_register_lists_the_public_organisations(client, register):
    org("Hemliga sällskapet", is_public=False)

    response = client.get(REGISTER)

    assert response.status_code == 200
    assert listed(response) == [
        "Idrottsföreningen Kroksbäck",
        "Rosengårds idrottsförening",
        "Schackklubben Springaren",
    ]
    assert "Hemliga sällskapet" not in response.content.decode()


def test_register_searches(client, register):
    response = client.get(REGISTER, {"q": "idrott"})

    assert sorted(listed(response)) == ["Idrottsföreningen Kroksbäck", "Rosengårds idrottsförening"]
    assert "Schackklubben Springaren" not in response.content.decode()


def test_htmx_request_gets_only_the_results(client, register):
    response = client.get(REGISTER, {"q": "schack"}, headers={"HX-Request": "true"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content
    assert "Schackklubben Springaren" in content
    assert "Idrottsföreningen Kroksbäck" not in content


def test_full_page_has_the_layout(client, register):
    response = client.get(REGISTER)

    assert "<html" in response.content.decode()


def test_unknown_filter_values_are_ignored(client, register):
    response = client.get(
        REGISTER, {"sector": "nonsense", "district": "nowhere", "interest_area": "x"}
    )

    assert response.status_code == 200
    assert len(listed(response)) == 3


def test_unknown_filter_value_keeps_the_search(client, register):
    response = client.get(REGISTER, {"q": "schack", "sector": "nonsense"})

    assert listed(response) == ["Schackklubben Springaren"]


def test_register_is_split_into_pages(client, db):
    total = settings.REGISTER_PAGE_SIZE + 3
    for n in range(total):
        org(f"Förening {n:03}")

    first = client.get(REGISTER)
    second = client.get(REGISTER, {"sida": 2})

    assert len(listed(first)) == settings.REGISTER_PAGE_SIZE
    assert listed(second) == [f"Förening {n:03}" for n in range(settings.REGISTER_PAGE_SIZE, total)]
    assert "sida=2" in first.content.decode()


@pytest.mark.parametrize("page", ["999", "abc", "-1", "0", ""])
def test_odd_page_numbers_do_not_break_the_register(client, register, page):
    response = client.get(REGISTER, {"sida": page})

    assert response.status_code == 200
    assert listed(response)


def test_page_links_keep_the_search(client, db):
    for n in range(settings.REGISTER_PAGE_SIZE + 1):
        org(f"Idrottsklubb {n:03}")

    response = client.get(REGISTER, {"q": "idrott"})

    assert "q=idrott&amp;sida=2" in response.content.decode()


# An organisation's page


def test_organisation_page_shows_the_organisation(client):
    organisation = org(
        "Kroksbäcks boule", description="Vi spelar boule.", organisation_number="802000-1239"
    )

    response = client.get(organisation.get_absolute_url())

    content = response.content.decode()
    assert response.status_code == 200
    assert "Kroksbäcks boule" in content
    assert "802000-1239" in content


def test_non_public_organisation_page_is_not_found(client):
    organisation = org("Hemliga sällskapet", is_public=False)

    response = client.get(organisation.get_absolute_url())

    assert response.status_code == 404


def test_unknown_organisation_page_is_not_found(client, db):
    response = client.get(reverse("actors:organisation", args=["finns-inte"]))

    assert response.status_code == 404


def test_organisation_page_hides_representatives_from_visitors(client, organisation):
    person = factories.representative(organisation, first_name="Zlatan", last_name="Ibrahimović")

    response = client.get(organisation.get_absolute_url())

    assert person.email not in response.content.decode()
    assert "Ibrahimović" not in response.content.decode()


# CSV


def test_csv_starts_with_a_byte_order_mark_for_excel(client, register):
    response = client.get(CSV_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert b"".join(response.streaming_content).startswith("\ufeff".encode())


def test_csv_has_a_header_row_and_semicolons(client, register):
    text, rows = csv_rows(client.get(CSV_URL))

    assert rows[0][0] == t("Name")
    assert rows[0][1] == t("Organisation number")
    assert len(rows[0]) == 13
    assert all(len(row) == 13 for row in rows)
    assert text.splitlines()[0].count(";") == 12


def test_csv_keeps_swedish_characters(client):
    organisation = org(
        "Föreningen Åkerängen",
        districts=[factories.DistrictFactory(name="Södra Innerstaden", slug="sodra")],
        city="Malmö",
        organisation_number="802000-1239",
    )

    _text, rows = csv_rows(client.get(CSV_URL))

    assert rows[1][0] == "Föreningen Åkerängen"
    assert rows[1][1] == "802000-1239"
    assert rows[1][4] == "Södra Innerstaden"
    assert rows[1][11] == "Malmö"
    assert rows[1][12] == settings.SITE_URL + organisation.get_absolute_url()


def test_csv_quotes_fields_containing_semicolons(client):
    org("Bröd; smör och sånt")

    _text, rows = csv_rows(client.get(CSV_URL))

    assert rows[1][0] == "Bröd; smör och sånt"


def test_csv_follows_the_search(client, register):
    org("Hemliga idrottsklubben", is_public=False)

    _text, rows = csv_rows(client.get(CSV_URL, {"q": "idrott"}))

    assert sorted(row[0] for row in rows[1:]) == [
        "Idrottsföreningen Kroksbäck",
        "Rosengårds idrottsförening",
    ]


# Registering and editing an organisation


def test_member_registers_an_organisation_and_is_told_confirmation_is_pending(client, member):
    client.force_login(member)
    number = "802000123" + luhn.calc_check_digit("802000123")

    response = client.post(
        reverse("actors:organisation_new"),
        {
            "sector": "civil",
            "legal_form": "association",
            "name": "Holma bokcirkel",
            "organisation_number": number,
            "representative_title": "Ordförande",
        },
        follow=True,
    )

    organisation = Organisation.objects.get(name="Holma bokcirkel")
    assert response.redirect_chain[-1][0] == organisation.get_absolute_url()
    assert organisation.organisation_number == f"{number[:6]}-{number[6:]}"
    assert Representation.objects.get(organisation=organisation, user=member).status == "pending"
    assert t(
        "The organisation has been registered. A coordinator will confirm you as its "
        "representative."
    ) in [str(m) for m in response.context["messages"]]


def test_new_organisation_page_needs_a_login(client, db):
    response = client.get(reverse("actors:organisation_new"))

    assert response.status_code == 302


def test_new_organisation_with_legal_form_of_another_sector_shows_the_error(client, member):
    client.force_login(member)

    response = client.post(
        reverse("actors:organisation_new"),
        {"sector": "municipal", "legal_form": "association", "name": "Felaktiga förvaltningen"},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["legal_form"]
    assert not Organisation.objects.exists()


def test_edit_with_bad_organisation_number_shows_the_error_and_changes_nothing(client):
    organisation = org("Kroksbäcks boule", city="Malmö")
    client.force_login(factories.representative(organisation))

    response = client.post(
        reverse("actors:organisation_edit", args=[organisation.slug]),
        {"name": "Nytt namn", "organisation_number": "802000-1235", "city": "Lund"},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["organisation_number"] == [
        t(
            "The organisation number's last digit (check digit) does not match. "
            "Check that you have typed it correctly."
        )
    ]
    organisation.refresh_from_db()
    assert (organisation.name, organisation.city, organisation.organisation_number) == (
        "Kroksbäcks boule",
        "Malmö",
        "",
    )
    assert not AuditEntry.objects.filter(action="organisation.updated").exists()


def test_representative_edits_the_profile(client):
    organisation = org("Kroksbäcks boule")
    district = factories.DistrictFactory()
    client.force_login(factories.representative(organisation))

    response = client.post(
        reverse("actors:organisation_edit", args=[organisation.slug]),
        {"name": "Kroksbäcks boule och bridge", "city": "Lund", "districts": [district.pk]},
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Kroksbäcks boule och bridge"
    assert list(organisation.districts.all()) == [district]
    assert t("The changes have been saved.") in messages_of(response)


# Representation


def test_member_asks_to_represent_an_organisation(client, organisation, member):
    client.force_login(member)
    url = reverse("actors:representation_request", args=[organisation.slug])

    assert client.get(url).status_code == 200
    response = client.post(url, {"title": "Sekreterare", "motivation": "Jag skriver protokoll."})

    assert response.status_code == 302
    assert response.url == organisation.get_absolute_url()
    request = Representation.objects.get(user=member, organisation=organisation)
    assert (request.status, request.title) == ("pending", "Sekreterare")
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert t(
        "You have asked to represent this organisation. The request is waiting for confirmation."
    ) in page.replace("&#x27;", "'")


def test_asking_to_represent_without_title_or_message_sends_the_request(
    client, organisation, member
):
    client.force_login(member)

    response = client.post(reverse("actors:representation_request", args=[organisation.slug]), {})

    assert response.status_code == 302
    assert Representation.objects.get(user=member).status == "pending"


def test_asking_twice_shows_a_message_instead_of_an_error(client, organisation, member):
    client.force_login(member)
    url = reverse("actors:representation_request", args=[organisation.slug])
    client.post(url, {})

    response = client.post(url, {})

    assert response.status_code == 302
    assert Representation.objects.filter(user=member).count() == 1
    assert messages_of(response)[-1] == t(
        "You have already asked to represent %(org)s. The request is waiting."
    ) % {"org": organisation.name}


def test_representative_sees_the_pending_request_on_the_organisation_page(client, organisation):
    asker = factories.UserFactory()
    factories.RepresentationFactory(
        user=asker, organisation=organisation, status=Representation.Status.PENDING
    )
    client.force_login(factories.representative(organisation))

    response = client.get(organisation.get_absolute_url())

    assert [r.user for r in response.context["pending"]] == [asker]
    assert asker.email in response.content.decode()


def test_representative_confirms_a_request_by_post(client, organisation):
    request = factories.RepresentationFactory(
        organisation=organisation, status=Representation.Status.PENDING
    )
    client.force_login(factories.representative(organisation))

    response = client.post(
        reverse("actors:representation_decide", args=[request.pk, "confirm"]),
        {"note": "Välkommen!"},
    )

    assert response.status_code == 302
    assert response.url == organisation.get_absolute_url()
    request.refresh_from_db()
    assert (request.status, request.decision_note) == ("confirmed", "Välkommen!")


def test_decision_returns_to_a_local_next_page_only(client, organisation):
    first, second = (
        factories.RepresentationFactory(organisation=organisation, status="pending")
        for _ in range(2)
    )
    client.force_login(factories.coordinator())
    url = "actors:representation_decide"

    local = client.post(reverse(url, args=[first.pk, "reject"]), {"next": "/mina-sidor/"})
    foreign = client.post(reverse(url, args=[second.pk, "reject"]), {"next": "//evil.example/"})

    assert local.url == "/mina-sidor/"
    assert foreign.url == organisation.get_absolute_url()


def test_unknown_decision_is_not_found(client, organisation):
    request = factories.RepresentationFactory(organisation=organisation, status="pending")
    client.force_login(factories.coordinator())

    response = client.post(reverse("actors:representation_decide", args=[request.pk, "approve"]))

    assert response.status_code == 404
    request.refresh_from_db()
    assert request.status == "pending"


def test_person_withdraws_their_own_request_by_post(client, organisation, member):
    request = factories.RepresentationFactory(
        user=member, organisation=organisation, status="pending"
    )
    client.force_login(member)

    response = client.post(reverse("actors:representation_decide", args=[request.pk, "end"]))

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "ended"


def test_confirming_own_request_by_post_is_refused(client, organisation, member):
    request = factories.RepresentationFactory(
        user=member, organisation=organisation, status="pending"
    )
    client.force_login(member)

    response = client.post(reverse("actors:representation_decide", args=[request.pk, "confirm"]))

    assert response.status_code == 404
    request.refresh_from_db()
    assert request.status == "pending"


# Health and sitemap


def test_health_check_answers_json(client, db):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_sitemap_lists_the_public_organisation_pages(client, register):
    hidden = org("Hemliga sällskapet", is_public=False)

    response = client.get("/sitemap.xml")

    content = response.content.decode()
    assert response.status_code == 200
    for organisation in Organisation.objects.public():
        assert f"{organisation.get_absolute_url()}</loc>" in content
    assert hidden.get_absolute_url() not in content


def test_every_page_in_the_sitemap_answers(client, register):
    factories.AgreementFactory()
    locations = re.findall(r"<loc>([^<]+)</loc>", client.get("/sitemap.xml").content.decode())

    assert len(locations) > Organisation.objects.count()
    for location in locations:
        assert client.get(urlsplit(location).path).status_code == 200, location


def test_ending_a_representation_asks_first_and_then_ends_it(client, organisation):
    chair = factories.representative(organisation)
    treasurer = factories.representative(organisation, first_name="Nils", last_name="Ek")
    representation = treasurer.representations.get()
    client.force_login(chair)

    page = client.get(reverse("actors:representation_end_confirm", args=[representation.pk]))
    assert page.status_code == 200
    assert "Nils Ek" in page.content.decode()
    representation.refresh_from_db()
    assert representation.status == "confirmed"  # asking changes nothing

    client.post(reverse("actors:representation_decide", args=[representation.pk, "end"]))
    representation.refresh_from_db()
    assert representation.status == "ended"


def test_ending_someone_elses_representation_elsewhere_is_not_found(client, organisation):
    representation = factories.RepresentationFactory(organisation=organisation)
    client.force_login(factories.representative(factories.OrganisationFactory()))

    response = client.get(reverse("actors:representation_end_confirm", args=[representation.pk]))

    assert response.status_code == 404
