"""Uploads are checked by kind and size, by their content and not by their name, in every upload
form (the method library, IOP documents, event documentation, the door-counter import), with one
check (samverkan.core.uploads); what is refused is not stored. Uploaded files come back as
downloads that the browser does not sniff."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samverkan.core import uploads
from samverkan.core.exceptions import ApplicationError
from samverkan.events.models import EventDocument
from samverkan.learning.models import MaterialFile
from samverkan.partnerships.models import IopDocument
from samverkan.venues.models import VisitorCount
from tests import factories
from tests.events.factories import EventFactory
from tests.learning.factories import MaterialFactory
from tests.partnerships.factories import IopAgreementFactory
from tests.venues.factories import room_open_every_day

pytestmark = pytest.mark.django_db

# A real, if tiny, PDF: a page with a line of text; pdftotext reads it.
REAL_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]/Contents 4 0 R"
    b"/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
    b"4 0 obj<</Length 44>>stream\nBT /F1 12 Tf 20 50 Td (Protokoll) Tj ET\nendstream endobj\n"
    b"5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
WINDOWS_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def learning_form(coordinator):
    material = MaterialFactory(agreement=factories.AgreementFactory(slug="malmoandan"))
    address = reverse(
        "learning:file_new", kwargs={"agreement": material.agreement.slug, "slug": material.slug}
    )
    return address, {"title": "Bilaga"}, MaterialFile.objects.count


def iop_form(coordinator):
    iop = IopAgreementFactory()
    collaboration = iop.collaboration
    address = reverse(
        "partnerships:iop_document_upload",
        kwargs={"agreement": collaboration.agreement.slug, "slug": collaboration.slug},
    )
    return address, {"title": "Avtalet"}, IopDocument.objects.count


def event_form(coordinator):
    event = EventFactory()
    address = reverse(
        "events:documents", kwargs={"agreement": event.agreement.slug, "slug": event.slug}
    )
    return address, {"kind": "report", "is_public": "on"}, EventDocument.objects.count


FORMS = {"learning": learning_form, "iop": iop_form, "event": event_form}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def post(client, coordinator, form, name, content):
    address, data, count = FORMS[form](coordinator)
    client.force_login(coordinator)
    response = client.post(address, {**data, "file": SimpleUploadedFile(name, content)})
    return response, count


def file_errors(response) -> str:
    return " ".join(response.context["form"].errors.get("file", []))


@pytest.mark.parametrize("form", FORMS)
def test_a_real_pdf_is_accepted(client, coordinator, media, form):
    response, count = post(client, coordinator, form, "Protokoll 2024.pdf", REAL_PDF)

    assert response.status_code == 302
    assert count() == 1
    assert [p.read_bytes() for p in media.rglob("*.pdf")] == [REAL_PDF]


@pytest.mark.parametrize("form", FORMS)
def test_a_too_big_file_is_refused_with_the_limit_and_nothing_is_saved(
    client, coordinator, media, settings, form
):
    settings.UPLOAD_MAX_BYTES = settings.LEARNING_MAX_FILE_SIZE = 1024

    response, count = post(client, coordinator, form, "stor.pdf", REAL_PDF + b"%" * 2048)

    assert response.status_code == 400
    errors = file_errors(response)
    assert "stor.pdf" in errors and "1,0" in errors  # the file and the limit, in KB
    assert count() == 0
    assert not any(media.rglob("*.*"))


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(
    ("name", "content"),
    [("faktura.pdf", WINDOWS_PROGRAM), ("sida.html", HTML_PAGE), ("sida.pdf", HTML_PAGE)],
    ids=["exe-named-pdf", "html", "html-named-pdf"],
)
def test_a_file_of_another_kind_is_refused_and_nothing_is_saved(
    client, coordinator, media, form, name, content
):
    response, count = post(client, coordinator, form, name, content)

    assert response.status_code == 400
    assert name in file_errors(response)
    assert count() == 0
    assert not any(media.rglob("*.*"))


def door_counter_import(client, coordinator, name, content):
    room = room_open_every_day()
    client.force_login(coordinator)
    address = reverse(
        "venues:visitors_import",
        kwargs={"agreement": room.venue.agreement.slug, "venue": room.venue.slug},
    )
    return client.post(address, {"file": SimpleUploadedFile(name, content)})


def test_the_door_counter_import_takes_a_csv_file(client, coordinator):
    response = door_counter_import(client, coordinator, "räkning.csv", b"2022-03-14;87\n")

    assert response.status_code == 302
    assert VisitorCount.objects.get().visitors == 87


@pytest.mark.parametrize(
    ("name", "content"),
    [("räkning.csv", HTML_PAGE), ("räkning.csv", WINDOWS_PROGRAM), ("räkning.xlsx", b"PK")],
    ids=["html-named-csv", "exe-named-csv", "not-csv"],
)
def test_the_door_counter_import_refuses_what_is_not_text(client, coordinator, name, content):
    response = door_counter_import(client, coordinator, name, content)

    assert response.status_code == 400
    assert name in " ".join(response.context["import_form"].errors["file"])
    assert not VisitorCount.objects.exists()


def ooxml(main_part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main_part, "<x/>")
    return buffer.getvalue()


def opendocument(mimetype: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("a.pdf", REAL_PDF, uploads.PDF),
        ("a.docx", ooxml("word/document.xml"), uploads.DOCX),
        ("a.xlsx", ooxml("xl/workbook.xml"), uploads.XLSX),
        ("a.pptx", ooxml("ppt/presentation.xml"), uploads.PPTX),
        ("a.odt", opendocument("application/vnd.oasis.opendocument.text"), uploads.ODT),
        ("a.ods", opendocument("application/vnd.oasis.opendocument.spreadsheet"), uploads.ODS),
        ("a.PNG", b"\x89PNG\r\n\x1a\n" + b"\x00" * 8, uploads.PNG),
        ("a.jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 8, uploads.JPEG),
        ("a.txt", "Protokoll från mötet".encode(), uploads.TXT),
        ("a.csv", "Datum;Antal\r\n2022-03-14;87\r\n".encode("cp1252"), uploads.CSV),
    ],
)
def test_each_kind_is_told_by_its_content(name, content, kind):
    upload = SimpleUploadedFile(name, content)

    assert uploads.inspect_upload(upload, kinds=uploads.ALL_KINDS) is kind
    assert upload.tell() == 0


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("a.xlsx", ooxml("word/document.xml"), "file_content_mismatch"),
        ("a.odt", opendocument(uploads.ODS.content_type), "file_content_mismatch"),
        ("a.docx", b"PK\x03\x04 not a zip at all", "file_content_mismatch"),
        ("a.txt", HTML_PAGE, "file_content_mismatch"),
        ("a.csv", b"date;count\x00\x00", "file_content_mismatch"),
        ("a.svg", b"<svg/>", "file_type_not_accepted"),
        ("utan-filändelse", REAL_PDF, "file_type_not_accepted"),
        ("tom.pdf", b"", "empty_file"),
    ],
)  # fmt: skip
def test_what_is_not_what_it_claims_is_refused_with_a_stable_code(name, content, code):
    with pytest.raises(ApplicationError) as refused:
        uploads.inspect_upload(SimpleUploadedFile(name, content), kinds=uploads.ALL_KINDS)

    assert refused.value.code == code
    assert refused.value.field == "file"


def test_request_bodies_are_limited(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 5 * 1024 * 1024
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 5 * 1024 * 1024
    assert settings.UPLOAD_MAX_BYTES == 10 * 1024 * 1024


def test_an_uploaded_office_file_is_downloaded_as_an_attachment_never_sniffed(
    client, coordinator, media
):
    event = EventFactory()
    client.force_login(coordinator)
    documents = reverse(
        "events:documents", kwargs={"agreement": event.agreement.slug, "slug": event.slug}
    )
    client.post(
        documents,
        {"kind": "report", "file": SimpleUploadedFile("rapport.docx", ooxml("word/document.xml"))},
    )
    document = event.documents.get()

    response = client.get(document.get_absolute_url())

    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert response["X-Content-Type-Options"] == "nosniff"
    response.close()


def test_the_admin_takes_no_uploads_past_the_check(client):
    """The admin shows the uploaded documents but takes no new file: uploads go through the
    pages, where they are checked."""
    admin = factories.UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    event = EventFactory()

    response = client.get(reverse("admin:events_event_change", args=[event.pk]))

    assert response.status_code == 200
    assert 'type="file"' not in response.content.decode()
