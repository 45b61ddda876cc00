"""The pages: the public list with filters and search, CSV, a collaboration's page, the forms,
the IOP page and its documents, the sitemap."""

import csv
import datetime
import io
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from samverkan.partnerships.models import Collaboration, IopAgreement, IopDocument
from tests import factories
from tests.areas.factories import PriorityAreaFactory
from tests.partnerships.factories import (
    CollaborationFactory,
    IopAgreementFactory,
    confirm_all,
    iop_collaboration,
)

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def agreement():
    return factories.AgreementFactory(slug="malmoandan")


def url(name, agreement, **kwargs):
    return reverse(f"partnerships:{name}", kwargs={"agreement": agreement.slug, **kwargs})


@pytest.fixture
def mapping(agreement):
    area = PriorityAreaFactory(agreement=agreement, title="Ungas hälsa", slug="ungas-halsa")
    district = factories.DistrictFactory(name="Lindängen", slug="lindangen")
    sensus = factories.OrganisationFactory(name="Sensus studieförbund", slug="sensus")
    city = factories.administration(name="Fritidsförvaltningen", slug="fritid")
    swim = CollaborationFactory(
        agreement=agreement,
        title="Simskola för nyanlända",
        description="Simundervisning för vuxna kvinnor.",
        kind="project",
        mapping_year=2019,
        parties=[(sensus, "lead"), (city, "partner")],
    )
    swim.areas.add(area)
    swim.districts.add(district)
    CollaborationFactory(
        agreement=agreement,
        title="Föreningsnätverket",
        description="Ett nätverk där föreningar möts.",
        kind="network",
        status="ended",
        ends_on=D(2022, 12, 31),
        mapping_year=2021,
        parties=[(city, "lead")],
    )
    CollaborationFactory(
        agreement=agreement,
        title="Hemligt samarbete",
        is_public=False,
        parties=[(sensus, "lead")],
    )
    CollaborationFactory(title="I en annan överenskommelse")
    return {"swim": swim, "area": area, "district": district, "sensus": sensus, "city": city}


def titles(response):
    return [c.title for c in response.context["page"].object_list]


def test_the_list_shows_the_public_collaborations_of_the_agreement(client, agreement, mapping):
    response = client.get(url("list", agreement))
    assert response.status_code == 200
    assert titles(response) == ["Föreningsnätverket", "Simskola för nyanlända"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"kind": "network"}, ["Föreningsnätverket"]),
        ({"status": "ended"}, ["Föreningsnätverket"]),
        ({"area": "ungas-halsa"}, ["Simskola för nyanlända"]),
        ({"district": "lindangen"}, ["Simskola för nyanlända"]),
        ({"year": "2021"}, ["Föreningsnätverket"]),
        ({"organisation": "sensus"}, ["Simskola för nyanlända"]),
        ({"organisation": "fritid"}, ["Föreningsnätverket", "Simskola för nyanlända"]),
        ({"kind": "nonsense"}, ["Föreningsnätverket", "Simskola för nyanlända"]),
    ],
)
def test_filters(client, agreement, mapping, query, expected):
    assert titles(client.get(url("list", agreement), query)) == expected


def test_the_organisation_filter_is_a_list_while_it_is_short(client, agreement, mapping):
    form = client.get(url("list", agreement)).context["form"]
    assert [value for value, _ in form.fields["organisation"].choices] == ["", "fritid", "sensus"]


def test_with_many_organisations_the_filter_matches_a_part_of_the_name(
    client, agreement, mapping, monkeypatch
):
    """A city-scale mapping has thousands of organisations: a list of them all would make the
    page hundreds of kilobytes, so the filter becomes a text field; links by slug still work."""
    monkeypatch.setattr("samverkan.partnerships.forms.ORGANISATION_CHOICES_LIMIT", 1)
    monkeypatch.setattr("samverkan.partnerships.selectors.ORGANISATION_CHOICES_LIMIT", 1)
    response = client.get(url("list", agreement), {"organisation": "studieförbund"})
    html = response.content.decode()
    assert 'name="organisation"' in html and '<select name="organisation"' not in html
    assert 'value="studieförbund"' in html
    assert titles(response) == ["Simskola för nyanlända"]
    assert titles(client.get(url("list", agreement), {"organisation": "sensus"})) == [
        "Simskola för nyanlända"
    ]


@pytest.mark.parametrize(
    "q, expected",
    [
        ("simskolor", ["Simskola för nyanlända"]),  # another form of the word
        ("förening", ["Föreningsnätverket"]),  # a word prefix of a compound
        ("FÖRENINGAR", ["Föreningsnätverket"]),  # plural, upper case
        ("vuxna kvinnor", ["Simskola för nyanlända"]),  # every word, in the description
        ("simskola nätverk", []),
        ("hemligt", []),  # not public
    ],
)
def test_swedish_search(client, agreement, mapping, q, expected):
    assert titles(client.get(url("list", agreement), {"q": q})) == expected


def test_the_results_are_searched(client, agreement, mapping, coordinator):
    from samverkan.partnerships import services

    services.end_collaboration(
        collaboration=mapping["swim"],
        ends_on=timezone.localdate(),
        results="Fyrtio deltagare lärde sig simma.",
        by=coordinator,
    )
    assert titles(client.get(url("list", agreement), {"q": "deltagarna"})) == [
        "Simskola för nyanlända"
    ]


def test_the_list_is_paginated(client, agreement):
    city = factories.administration()
    for n in range(23):
        CollaborationFactory(
            agreement=agreement, title=f"Samarbete {n:02}", parties=[(city, "lead")]
        )
    first = client.get(url("list", agreement))
    second = client.get(url("list", agreement), {"sida": 2})
    assert len(titles(first)) == 20
    assert titles(second) == ["Samarbete 20", "Samarbete 21", "Samarbete 22"]
    assert 'rel="next"' in first.content.decode()


def test_htmx_gets_only_the_results(client, agreement, mapping):
    response = client.get(url("list", agreement), {"q": "sim"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<form" not in html
    assert "Simskola för nyanlända" in html


def test_csv_export_of_the_filtered_list(client, agreement, mapping):
    response = client.get(url("csv", agreement), {"organisation": "sensus"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 2
    row = rows[1]
    assert row[0] == "Simskola för nyanlända"
    assert row[4] == ""  # no end date
    assert row[5] == "2019"
    assert "Sensus studieförbund" in row[6]
    assert "Fritidsförvaltningen" in row[6]
    assert row[7] == "Ungas hälsa"
    assert row[8] == "Lindängen"
    assert row[11].endswith(mapping["swim"].get_absolute_url())


def test_a_collaboration_page(client, agreement, mapping):
    swim = mapping["swim"]
    response = client.get(swim.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert mapping["sensus"].get_absolute_url() in html
    assert mapping["city"].get_absolute_url() in html
    assert (
        reverse("areas:detail", kwargs={"agreement": agreement.slug, "slug": "ungas-halsa"}) in html
    )
    assert "Lindängen" in html
    assert url("edit", agreement, slug=swim.slug) not in html


def test_a_collaboration_not_shown_publicly_answers_404_except_to_its_parties(
    client, agreement, mapping
):
    hidden = Collaboration.objects.get(title="Hemligt samarbete")
    assert client.get(hidden.get_absolute_url()).status_code == 404
    client.force_login(factories.representative(mapping["sensus"]))
    assert client.get(hidden.get_absolute_url()).status_code == 200


def test_a_collaboration_of_another_agreement_answers_404(client, agreement, mapping):
    other = Collaboration.objects.get(title="I en annan överenskommelse")
    assert client.get(url("detail", agreement, slug=other.slug)).status_code == 404


def test_the_fixed_addresses_are_not_taken_for_slugs(client, agreement, mapping):
    assert client.get(url("figures", agreement)).status_code == 200
    assert client.get(url("csv", agreement)).status_code == 200
    client.force_login(factories.coordinator())
    assert client.get(url("new", agreement)).status_code == 200


def test_an_ombud_records_a_collaboration_led_by_their_organisation(client, agreement, mapping):
    ombud = factories.representative(mapping["sensus"])
    client.force_login(ombud)
    page = client.get(url("new", agreement))
    assert list(page.context["form"].fields["lead"].queryset) == [mapping["sensus"]]
    response = client.post(
        url("new", agreement),
        {
            "title": "Studiecirklar på Lindängen",
            "lead": mapping["sensus"].pk,
            "partners": [mapping["city"].pk],
            "kind": "project",
            "status": "running",
            "mapping_year": 2024,
            "areas": [mapping["area"].pk],
            "districts": [mapping["district"].pk],
            "is_public": "on",
        },
    )
    collaboration = Collaboration.objects.get(title="Studiecirklar på Lindängen")
    assert response.status_code == 302
    assert response["Location"] == collaboration.get_absolute_url()
    assert {(p.organisation_id, p.role) for p in collaboration.parties.all()} == {
        (mapping["sensus"].pk, "lead"),
        (mapping["city"].pk, "partner"),
    }


def test_an_ombud_cannot_lead_with_another_organisation(client, agreement, mapping):
    client.force_login(factories.representative(mapping["sensus"]))
    response = client.post(
        url("new", agreement),
        {
            "title": "X",
            "lead": mapping["city"].pk,
            "kind": "project",
            "status": "running",
            "mapping_year": 2024,
        },
    )
    assert response.status_code == 400
    assert "lead" in response.context["form"].errors
    assert not Collaboration.objects.filter(title="X").exists()


def test_an_invalid_edit_shows_the_error_and_changes_nothing(client, agreement, mapping):
    swim = mapping["swim"]
    client.force_login(factories.representative(mapping["sensus"]))
    response = client.post(
        url("edit", agreement, slug=swim.slug),
        {
            "title": "Ny titel",
            "kind": "project",
            "status": "ended",
            "mapping_year": 2019,
            "starts_on": "2021-01-01",
        },
    )
    assert response.status_code == 400
    assert "ends_on" in response.context["form"].errors
    swim.refresh_from_db()
    assert swim.title == "Simskola för nyanlända"


def test_parties_are_added_and_removed_after_confirmation(client, agreement, mapping, coordinator):
    swim = mapping["swim"]
    client.force_login(coordinator)
    newcomer = factories.OrganisationFactory(name="Rädda Barnen")
    response = client.post(
        url("parties", agreement, slug=swim.slug), {"organisation": newcomer.pk, "role": "funder"}
    )
    assert response.status_code == 302
    party = swim.parties.get(organisation=newcomer)
    assert party.role == "funder"
    confirm = client.get(url("party_remove", agreement, slug=swim.slug, pk=party.pk))
    assert confirm.status_code == 200
    assert swim.parties.filter(pk=party.pk).exists()
    client.post(url("party_remove", agreement, slug=swim.slug, pk=party.pk))
    assert not swim.parties.filter(pk=party.pk).exists()


def test_ending_asks_first_then_ends(client, agreement, mapping, coordinator):
    swim = mapping["swim"]
    client.force_login(coordinator)
    assert client.get(url("end", agreement, slug=swim.slug)).status_code == 200
    swim.refresh_from_db()
    assert swim.status == "running"
    response = client.post(
        url("end", agreement, slug=swim.slug), {"ends_on": "2020-12-31", "results": ""}
    )
    assert response.status_code == 400  # before the start (2021-01-01)
    response = client.post(
        url("end", agreement, slug=swim.slug),
        {"ends_on": timezone.localdate().isoformat(), "results": "Bra."},
    )
    assert response.status_code == 302
    swim.refresh_from_db()
    assert (swim.status, swim.results) == ("ended", "Bra.")


def test_the_figures_page(client, agreement, mapping):
    response = client.get(url("figures", agreement), {"ar": "2021"})
    assert response.status_code == 200
    assert response.context["year"] == 2021
    # The figures count every collaboration, also those not shown in the public list.
    assert response.context["figures"].running == 3
    assert client.get(url("figures", agreement), {"ar": "abc"}).status_code == 200


# --- IOP -------------------------------------------------------------------------------------


@pytest.fixture
def iop(agreement):
    civil = factories.OrganisationFactory(name="Rädda Barnen Malmö")
    city = factories.administration(name="Stadskontoret")
    collaboration = iop_collaboration(
        agreement=agreement,
        title="Kraftsamling Herrgården",
        parties=[(civil, "lead"), (city, "partner")],
    )
    iop = IopAgreementFactory(
        collaboration=collaboration, internal_note="Hemlig anteckning", value=Decimal("3600000")
    )
    iop.civil, iop.city = civil, city
    return iop


def test_the_public_iop_page_shows_public_fields_not_internal_ones(client, agreement, iop):
    confirm_all(iop, by=factories.coordinator(first_name="Tomas", last_name="Bergström"))
    response = client.get(iop.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert iop.purpose in html
    assert iop.civil.get_absolute_url() in html
    assert "3" in response.context["iop"].value.to_eng_string()
    assert "Hemlig anteckning" not in html
    assert "Bergström" not in html
    assert 'id="documents"' not in html


def test_the_parties_see_the_internal_note_and_can_add_documents_and_follow_ups(
    client, agreement, iop, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(factories.representative(iop.civil))
    html = client.get(iop.get_absolute_url()).content.decode()
    assert "Hemlig anteckning" in html
    pdf = SimpleUploadedFile("avtal.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n", "application/pdf")
    slug = iop.collaboration.slug
    response = client.post(
        url("iop_document_upload", agreement, slug=slug), {"title": "Avtalet", "file": pdf}
    )
    assert response.status_code == 302
    document = IopDocument.objects.get(iop=iop)
    download = client.get(url("iop_document", agreement, slug=slug, pk=document.pk))
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    client.post(
        url("iop_follow_up", agreement, slug=slug),
        {"followed_up_on": "2024-06-01", "text": "Halvårsuppföljning."},
    )
    assert iop.follow_ups.get().text == "Halvårsuppföljning."
    # Another visitor does not get the document.
    client.force_login(factories.UserFactory())
    assert client.get(url("iop_document", agreement, slug=slug, pk=document.pk)).status_code == 404


@pytest.mark.parametrize(
    "name, content",
    [
        ("avtal.pdf", b"<html><script>alert(1)</script></html>"),
        ("avtal.html", b"<html></html>"),
        ("avtal.docx", b"PK\x03\x04 not really a zip"),
        ("tom.pdf", b""),
    ],
)
def test_documents_of_another_kind_are_refused(
    client, agreement, iop, tmp_path, settings, name, content
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(factories.coordinator())
    response = client.post(
        url("iop_document_upload", agreement, slug=iop.collaboration.slug),
        {"file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 400
    assert not IopDocument.objects.exists()
    assert not any(tmp_path.rglob("*.*"))


def test_a_word_document_is_accepted(client, agreement, iop, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    client.force_login(factories.coordinator())
    client.post(
        url("iop_document_upload", agreement, slug=iop.collaboration.slug),
        {"file": SimpleUploadedFile("bilaga.docx", buffer.getvalue())},
    )
    assert IopDocument.objects.get().content_type.endswith("wordprocessingml.document")


def test_signing_through_the_page_lists_what_is_missing(client, agreement, iop):
    client.force_login(factories.representative(iop.city))
    slug = iop.collaboration.slug
    page = client.get(url("iop_sign", agreement, slug=slug))
    assert len(page.context["missing"]) == 5
    response = client.post(
        url("iop_sign", agreement, slug=slug), {"signed_on": timezone.localdate().isoformat()}
    )
    assert response.status_code == 400
    assert response.context["form"].non_field_errors()
    for condition in [
        "utanfor-lou",
        "statsstod",
        "egen-insats",
        "gemensamt-syfte",
        "inte-kop-av-tjanst",
    ]:
        assert (
            client.get(url("iop_condition", agreement, slug=slug, condition=condition)).status_code
            == 200
        )
        client.post(url("iop_condition", agreement, slug=slug, condition=condition), {"note": "OK"})
    response = client.post(
        url("iop_sign", agreement, slug=slug), {"signed_on": timezone.localdate().isoformat()}
    )
    assert response.status_code == 302
    assert IopAgreement.objects.get(pk=iop.pk).signed_on == timezone.localdate()


def test_an_unknown_condition_answers_404(client, agreement, iop, coordinator):
    client.force_login(coordinator)
    assert (
        client.get(
            url("iop_condition", agreement, slug=iop.collaboration.slug, condition="okand")
        ).status_code
        == 404
    )


def test_a_coordinator_records_an_iop_agreement(client, agreement, coordinator):
    collaboration = iop_collaboration(agreement=agreement)
    client.force_login(coordinator)
    response = client.post(
        url("iop_edit", agreement, slug=collaboration.slug),
        {"purpose": "Gemensamt syfte", "starts_on": "2024-01-01", "value": "250000.50"},
    )
    assert response.status_code == 302
    assert collaboration.iop.value == Decimal("250000.50")


def test_a_project_has_no_iop_page(client, agreement, mapping):
    assert client.get(url("iop", agreement, slug=mapping["swim"].slug)).status_code == 404


def test_sitemap_lists_the_list_figures_and_each_public_collaboration(client, agreement, mapping):
    xml = client.get("/sitemap.xml").content.decode()
    assert url("list", agreement) in xml
    assert url("figures", agreement) in xml
    assert mapping["swim"].get_absolute_url() in xml
    hidden = Collaboration.objects.get(title="Hemligt samarbete")
    assert hidden.get_absolute_url() not in xml


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_the_changing_pages_say_what_they_did(client, agreement, mapping, coordinator):
    """The messages stay as they were when the views moved onto core.web's recipe."""
    swim = mapping["swim"]
    client.force_login(coordinator)
    newcomer = factories.OrganisationFactory(name="Rädda Barnen")
    response = client.post(
        url("parties", agreement, slug=swim.slug),
        {"organisation": newcomer.pk, "role": "funder"},
        follow=True,
    )
    assert "Rädda Barnen är nu part (Finansiär)." in _messages(response)
    party = swim.parties.get(organisation=newcomer)
    response = client.post(url("party_remove", agreement, slug=swim.slug, pk=party.pk), follow=True)
    assert response.redirect_chain[-1][0] == url("parties", agreement, slug=swim.slug)
    assert "Rädda Barnen är inte längre part." in _messages(response)
    for removable in swim.parties.all()[1:]:
        removable.delete()
    last = swim.parties.get()
    response = client.post(url("party_remove", agreement, slug=swim.slug, pk=last.pk), follow=True)
    assert swim.parties.count() == 1  # refused with the service's reason, as a message
    assert any("minst en part" in m for m in _messages(response))


def test_a_strangers_post_is_a_403_with_the_reason(client, agreement, mapping):
    swim = mapping["swim"]
    stranger = factories.representative(factories.OrganisationFactory())
    client.force_login(stranger)
    response = client.post(
        url("end", agreement, slug=swim.slug), {"ends_on": timezone.localdate().isoformat()}
    )
    assert response.status_code == 403
    assert "samarbetets parter" in response.content.decode()
    assert Collaboration.objects.get(pk=swim.pk).status == "running"


def test_confirming_and_withdrawing_a_condition_say_so(client, agreement, iop):
    client.force_login(factories.representative(iop.city))
    address = url("iop_condition", agreement, slug=iop.collaboration.slug, condition="statsstod")
    response = client.post(address, {"note": "OK"}, follow=True)
    assert any(m.endswith("är bekräftat.") for m in _messages(response))
    response = client.post(address, {"note": "", "withdraw": "1"}, follow=True)
    assert any(m.startswith("Bekräftelsen av") for m in _messages(response))
    response = client.post(address, {"note": "", "withdraw": "1"}, follow=True)
    assert response.status_code == 200  # a refusal of the service is a message, not an error
    assert any("inte bekräftat" in m or "inte bekräftad" in m for m in _messages(response))
