"""The annual report as PDF for the board, and its memo: the file opens, has a title page, a
table of contents with page numbers, every section and chart, page numbers, and Swedish
characters intact. Each PDF is rendered once per module (WeasyPrint takes a second or two)."""

import re
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from samverkan.agreements.models import Agreement
from samverkan.reports.models import AnnualReport
from samverkan.reports.pdf import memo_lines, page_counter, render_memo_pdf, render_report_pdf
from tests.reports.sample_snapshot import (
    MEMO_2022,
    TEXTS_2022,
    all_charts,
    sample_snapshot,
    stored_report,
)


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def normalised(text: str) -> str:
    """Text as extracted, with its line breaks and no-break spaces made plain spaces."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


@pytest.fixture(scope="module")
def report_pdf() -> bytes:
    with translation.override("sv"):
        return render_report_pdf(sample_snapshot(), TEXTS_2022, status="draft")


@pytest.fixture(scope="module")
def report_pages(report_pdf) -> list[str]:
    return pages_text(report_pdf)


@pytest.fixture(scope="module")
def memo_pdf() -> bytes:
    agreement = Agreement(
        name="Överenskommelse Malmöandan", slug="malmoandan", municipality="Malmö"
    )
    with translation.override("sv"):
        return render_memo_pdf(AnnualReport(agreement=agreement, year=2022, memo=MEMO_2022))


def test_report_is_a_pdf_of_several_a4_pages(report_pdf):
    assert report_pdf.startswith(b"%PDF-")
    reader = PdfReader(BytesIO(report_pdf))
    assert len(reader.pages) >= 4  # title page, contents, the sections
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (595, 842)  # A4 in points


def test_title_page_names_the_agreement_year_read_date_and_status(report_pages):
    with translation.override("sv"):
        title = gettext("Annual report %(year)s") % {"year": 2022}
        data_read = gettext("Data read")
    first = normalised(report_pages[0])
    assert "Malmöandan" in first
    assert title in first
    assert f"{data_read} 16 mars 2023" in first
    assert "2022" in first


def test_every_page_is_numbered_page_x_of_y(report_pages):
    total = len(report_pages)
    with translation.override("sv"):
        sentence = gettext("Page %(page)s of %(pages)s")
    for number, text in enumerate(report_pages, start=1):
        assert sentence % {"page": number, "pages": total} in normalised(text)


def test_contents_list_every_section_with_the_page_it_starts_on(report_pages):
    with translation.override("sv"):
        contents_heading = gettext("Contents")
    contents = normalised(report_pages[1])
    assert contents_heading in contents
    for section in sample_snapshot()["sections"]:
        match = re.search(re.escape(section["title"]) + r" \.+ ?(\d+)", contents)
        assert match, section["title"]
        page = int(match.group(1))
        assert section["title"] in normalised(report_pages[page - 1])


def test_every_section_title_text_figure_and_chart_title_is_in_the_pdf(report_pages):
    text = normalised(" ".join(report_pages))
    snapshot = sample_snapshot()
    for section in snapshot["sections"]:
        assert section["title"] in text
        for figure in section["figures"]:
            assert figure["label"] in text
    for chart in all_charts(snapshot):
        assert chart["title"] in text
    assert "Samordnarna är adjungerade i styrgruppen." in text  # a section's narrative


def test_figures_show_value_previous_year_and_change(report_pages):
    text = normalised(" ".join(report_pages))
    assert "1 000 000 kr 1 000 000 kr ±0" in text  # the grant, unchanged
    assert "545 per vecka 310 per vecka +235 per vecka (+76 %)" in text


def test_swedish_characters_survive(report_pages):
    text = " ".join(report_pages)
    for word in ["Lärande och kunskap", "Inför 2023", "Malmöandan", "Årets fokusområde", "Översk"]:
        assert word in text


def test_a_draft_says_that_it_is_not_published(report_pages):
    with translation.override("sv"):
        warning = gettext("Not published: the figures and texts may still change.")
    assert warning in normalised(report_pages[0])


def test_page_counter_is_css_around_the_translated_sentence():
    with translation.override("en"):
        assert page_counter() == '"Page " counter(page) " of " counter(pages)'


def test_memo_follows_the_citys_form(memo_pdf):
    assert memo_pdf.startswith(b"%PDF-")
    text = normalised(" ".join(pages_text(memo_pdf)))
    with translation.override("sv"):
        headings = [
            gettext("Summary"),
            gettext("Proposed decision"),
            gettext("Decision basis"),
            gettext("The decision is sent to"),
            gettext("The case"),
            gettext("The city office's assessment"),
        ]
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert (
        "Kommunstyrelsen godkänner årsrapport för Malmöandan 2022 och lägger den till handlingarna."
        in text
    )
    assert "Per-Erik Ebbeståhl, avdelningschef" in text
    assert "Återrapportering" in text or "Report on the development of Malmöandan 2022" in text


def test_memo_lists_are_one_item_a_line_without_bullets():
    assert memo_lines("- Fritidsnämnden\n\n2. Kulturnämnden\n  ") == [
        "Fritidsnämnden",
        "Kulturnämnden",
    ]
    assert memo_lines(["Malmö Ideella", ""]) == ["Malmö Ideella"]


@pytest.mark.django_db
def test_published_report_downloads_as_pdf_for_anyone(client):
    report = stored_report("published")
    report.snapshot["sections"] = report.snapshot["sections"][:1]  # a short PDF is enough here
    report.save()
    response = client.get(reverse("reports:pdf", args=["malmoandan", 2022]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"] == 'attachment; filename="arsrapport-malmoandan-2022.pdf"'
    )
    assert "Styrgruppen" in normalised(" ".join(pages_text(response.content)))


@pytest.mark.django_db
def test_memo_downloads_as_pdf_for_a_coordinator(client, coordinator):
    stored_report("draft")
    client.force_login(coordinator)
    response = client.get(reverse("reports:memo_pdf", args=["malmoandan", 2022]))
    assert response.status_code == 200
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="tjansteskrivelse-malmoandan-2022.pdf"'
    )
    assert response.content.startswith(b"%PDF-")


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["reports:pdf", "reports:memo_pdf"])
def test_draft_pdfs_are_not_found_by_others(client, member, name):
    stored_report("draft")
    assert client.get(reverse(name, args=["malmoandan", 2022])).status_code == 404
    client.force_login(member)
    assert client.get(reverse(name, args=["malmoandan", 2022])).status_code == 404


def test_report_is_a_tagged_pdf_with_title_and_language(report_pdf):
    reader = PdfReader(BytesIO(report_pdf))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog  # tagged: headings and tables for screen readers
    assert catalog["/Lang"] == "sv"
    with translation.override("sv"):
        title = gettext("Annual report %(year)s") % {"year": 2022}
    assert reader.metadata.title == f"Malmöandan – {title}"
