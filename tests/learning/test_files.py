"""Files of materials: what is accepted (by content, size), the message for what is not, and
how a download answers."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samverkan.learning import services
from samverkan.learning.models import MaterialFile
from tests import factories
from tests.learning.factories import (
    PDF_BYTES,
    PNG_BYTES,
    MaterialFactory,
    odt_bytes,
    ooxml_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def material(db):
    return MaterialFactory(agreement=factories.AgreementFactory(slug="malmoandan"))


def upload_url(material):
    return reverse(
        "learning:file_new",
        kwargs={"agreement": material.agreement.slug, "slug": material.slug},
    )


def upload(client, material, name, content, **extra):
    return client.post(
        upload_url(material),
        {"file": SimpleUploadedFile(name, content, content_type="text/html"), **extra},
    )


def stored_files(settings) -> list:
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("Checklista IOP.pdf", PDF_BYTES, "application/pdf"),
        ("bild.png", PNG_BYTES, "image/png"),
        (
            "mall.docx",
            ooxml_bytes("word/document.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "bilder.pptx",
            ooxml_bytes("ppt/presentation.xml"),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        (
            "budget.xlsx",
            ooxml_bytes("xl/workbook.xml"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("text.odt", odt_bytes(), "application/vnd.oasis.opendocument.text"),
    ],
)
def test_an_accepted_file_is_stored_with_its_kind(
    client, coordinator, material, settings, name, content, content_type
):
    client.force_login(coordinator)

    response = upload(client, material, name, content, title="Mall")

    assert response.status_code == 302
    attachment = MaterialFile.objects.get()
    assert attachment.original_name == name
    assert attachment.content_type == content_type  # not what the browser claimed
    assert attachment.size == len(content)
    assert attachment.title == "Mall"
    assert len(stored_files(settings)) == 1


def test_a_too_big_file_is_refused_with_its_size_and_nothing_is_saved(
    client, coordinator, material, settings
):
    settings.LEARNING_MAX_FILE_SIZE = 1024
    client.force_login(coordinator)

    response = upload(client, material, "stor.pdf", PDF_BYTES + b"0" * 2000)

    assert response.status_code == 400
    text = response.content.decode()
    assert "Filen stor.pdf är på 2" in text
    assert "Metodbanken tar emot filer på högst 1,0" in text
    assert not MaterialFile.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("sida.html", b"<script>alert(1)</script>", "är av en typ som metodbanken inte tar emot"),
        ("program.exe", b"MZ\x90\x00", "är av en typ som metodbanken inte tar emot"),
        ("ritning.svg", b"<svg onload=alert(1)>", "är av en typ som metodbanken inte tar emot"),
        (
            "falsk.pdf",
            b"<html>inte en pdf</html>",
            "har namn som en PDF-fil, men innehållet är något annat",
        ),
        ("falsk.docx", ooxml_bytes("xl/workbook.xml"), "har namn som en Word (DOCX)-fil"),
        ("falsk.png", PDF_BYTES, "har namn som en PNG-fil, men innehållet är något annat"),
    ],
)
def test_a_file_of_the_wrong_kind_is_refused_and_nothing_is_saved(
    client, coordinator, material, settings, name, content, message
):
    client.force_login(coordinator)

    response = upload(client, material, name, content)

    assert response.status_code == 400
    text = response.content.decode()
    assert message in text
    assert name in text
    assert not MaterialFile.objects.exists()
    assert stored_files(settings) == []


def test_the_upload_form_says_what_is_accepted(client, coordinator, material):
    client.force_login(coordinator)

    response = client.get(upload_url(material))

    assert "PDF, Word (DOCX), PowerPoint (PPTX)" in response.content.decode()
    assert 'accept=".pdf,.docx' in response.content.decode()


def _attach(client, coordinator, material, name, content):
    client.force_login(coordinator)
    upload(client, material, name, content)
    client.logout()
    return MaterialFile.objects.get(original_name=name)


def test_a_pdf_opens_in_the_browser_with_its_content_type(client, coordinator, material):
    attachment = _attach(client, coordinator, material, "Guide för IOP.pdf", PDF_BYTES)

    response = client.get(attachment.get_absolute_url())

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline;")
    assert "filename*=utf-8''Guide%20f%C3%B6r%20IOP.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_an_office_file_is_downloaded_as_an_attachment(client, coordinator, material):
    content = ooxml_bytes("word/document.xml")
    attachment = _attach(client, coordinator, material, "mall.docx", content)

    response = client.get(attachment.get_absolute_url())

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"] == 'attachment; filename="mall.docx"'
    assert b"".join(response.streaming_content) == content


def test_a_file_of_an_unpublished_material_is_only_for_coordinators(
    client, coordinator, material, member
):
    attachment = _attach(client, coordinator, material, "utkast.pdf", PDF_BYTES)
    material.is_published = False
    material.save()

    assert client.get(attachment.get_absolute_url()).status_code == 404
    client.force_login(member)
    assert client.get(attachment.get_absolute_url()).status_code == 404
    client.force_login(coordinator)
    response = client.get(attachment.get_absolute_url())
    response.close()
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_removing_a_file_asks_first_then_deletes_the_stored_file(
    client, coordinator, material, settings, django_capture_on_commit_callbacks
):
    attachment = _attach(client, coordinator, material, "bort.pdf", PDF_BYTES)
    client.force_login(coordinator)
    remove = reverse(
        "learning:file_delete",
        kwargs={"agreement": "malmoandan", "slug": material.slug, "pk": attachment.pk},
    )

    assert client.get(remove).status_code == 200
    assert MaterialFile.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(remove)

    assert response.status_code == 302
    assert not MaterialFile.objects.exists()
    assert stored_files(settings) == []


def test_deleting_a_material_deletes_its_stored_files(
    client, coordinator, material, settings, django_capture_on_commit_callbacks
):
    _attach(client, coordinator, material, "a.pdf", PDF_BYTES)
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "learning:material_delete",
                kwargs={"agreement": "malmoandan", "slug": material.slug},
            )
        )

    assert stored_files(settings) == []


def test_a_file_name_with_control_characters_is_cleaned_before_it_is_served(
    client, coordinator, material
):
    attachment = services.attach_file(
        material=material,
        upload=SimpleUploadedFile("rad\r\nbryt.pdf", PDF_BYTES),
        by=coordinator,
    )

    response = client.get(attachment.get_absolute_url())
    response.close()

    assert attachment.original_name == "radbryt.pdf"
    assert response["Content-Disposition"] == 'inline; filename="radbryt.pdf"'


def test_a_file_of_the_library_is_served_in_a_sandbox_without_the_sites_policy(
    client, coordinator, material
):
    """An uploaded file never runs as part of the site: the same sandbox as event and IOP
    documents (core/uploads.py serve_upload), not the pages' Content-Security-Policy."""
    attachment = _attach(client, coordinator, material, "Guide.pdf", PDF_BYTES)

    response = client.get(attachment.get_absolute_url())

    response.close()
    policy = response["Content-Security-Policy"]
    assert "sandbox" in policy
    assert "default-src 'none'" in policy
