"""The annual report as a spreadsheet: every figure of the report, with the same value, as a
number one can compute with; a sheet per table; a sheet about the report."""

import re
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

from samverkan.reports.xlsx import render_report_xlsx
from tests.reports.sample_snapshot import sample_snapshot, stored_report


def sv(message: str) -> str:
    with translation.override("sv"):
        return gettext(message)


@pytest.fixture(scope="module")
def workbook():
    with translation.override("sv"):
        content = render_report_xlsx(sample_snapshot(), status="published")
    return load_workbook(BytesIO(content))


def figure_rows(sheet) -> dict[tuple[str, str], tuple]:
    """The rows of the key figures' sheet by (section title, figure label)."""
    return {(row[0], row[1]): row for row in sheet.iter_rows(min_row=2, values_only=True)}


def by_section(snapshot):
    return [(s["title"], f) for s in snapshot["sections"] for f in s["figures"]]


def test_every_figure_has_the_same_value_previous_year_and_unit_as_the_report(workbook):
    rows = figure_rows(workbook[sv("Key figures")])
    figures = by_section(sample_snapshot())
    assert len(rows) == len(figures)
    for title, figure in figures:
        _section, _label, value, unit, previous, change, _relative, _link = rows[
            (title, figure["label"])
        ]
        assert (value, unit, previous) == (figure["value"], figure["unit"], figure["previous"])
        if figure["previous"] is None:
            assert change is None
        else:
            assert change == figure["value"] - figure["previous"]


def test_figures_sheet_has_the_years_as_column_headings(workbook):
    headings = next(workbook[sv("Key figures")].iter_rows(max_row=1, values_only=True))
    assert headings[2:5] == ("2022", sv("Unit"), "2021")


def test_figures_keep_their_section(workbook):
    rows = figure_rows(workbook[sv("Key figures")])
    assert ("Styrgruppen", "Möten") in rows
    assert ("Ekonomisk redovisning", "Bidrag från kommunstyrelsen") in rows


def test_amounts_are_numbers_formatted_as_kronor(workbook):
    sheet = workbook[sv("Key figures")]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "Bidrag från kommunstyrelsen")
    assert row[2].value == 1_000_000
    assert "kr" in row[2].number_format
    assert "#,##0" in row[2].number_format


def test_each_figure_links_to_the_records_it_counts(workbook):
    sheet = workbook[sv("Key figures")]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "Möten")
    assert row[7].hyperlink.target.endswith("/overenskommelser/malmoandan/organ/styrgruppen/#moten")
    assert row[7].hyperlink.target.startswith("http")


def test_every_table_gets_a_sheet_with_its_rows(workbook):
    sheet = workbook["Utfall per kategori"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Utfall per kategori"
    assert rows[1] == ("Kategori", "Budget (kr)", "Utfall (kr)")
    assert rows[2] == ("Samordning (lön)", 780_000, 776_300)
    assert "kr" in sheet.cell(3, 2).number_format


def test_sheet_names_are_unique_and_valid(workbook):
    names = workbook.sheetnames
    assert len(names) == len({name.lower() for name in names})
    assert all(len(name) <= 31 and not set(name) & set("[]:*?/\\") for name in names)
    tables = sum(len(s["tables"]) for s in sample_snapshot()["sections"])
    assert len(names) == tables + 2


def test_tables_with_the_same_long_caption_get_a_sheet_each():
    snapshot = sample_snapshot()
    caption = "Aktiviteter: per status och område [utfall] för hela perioden"
    for section in snapshot["sections"][:2]:
        section["tables"] = [{"key": "t", "caption": caption, "columns": ["A"], "rows": [["x"]]}]
    for section in snapshot["sections"][2:]:
        section["tables"] = []
    book = load_workbook(BytesIO(render_report_xlsx(snapshot)))
    assert book.sheetnames[1:3] == [
        "Aktiviteter- per status och omr",
        "Aktiviteter- per status och (2)",
    ]


def test_about_sheet_names_agreement_year_read_date_and_status(workbook):
    about = dict(workbook[sv("About the report")].iter_rows(values_only=True))
    assert about[sv("Agreement")] == "Malmöandan"
    assert about[sv("Year")] == 2022
    assert about[sv("Data read")].strftime("%Y-%m-%d %H:%M") == "2023-03-16 09:30"
    assert about[sv("Status")] == sv("Published")


@pytest.mark.django_db
def test_download_equals_the_stored_reports_figures(client):
    report = stored_report("published")
    response = client.get(reverse("reports:xlsx", args=["malmoandan", 2022]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert (
        response["Content-Disposition"] == 'attachment; filename="arsrapport-malmoandan-2022.xlsx"'
    )
    book = load_workbook(BytesIO(response.content))
    rows = figure_rows(book[book.sheetnames[0]])
    figures = by_section(report.snapshot)
    assert len(rows) == len(figures)
    for title, figure in figures:
        assert rows[(title, figure["label"])][2] == figure["value"]


def page_values(html: str) -> list[tuple[str, float]]:
    """(figure key, value) of each figure row of the report's web page, as shown there."""
    values = []
    for key, shown in re.findall(
        r'<tr data-figure="([^"]+)">.*?<td class="value">(.*?)</td>', html, flags=re.S
    ):
        number = re.match(r"[−-]?[\d\s\u00a0]+(?:,\d+)?", shown.strip()).group()
        number = re.sub(r"[\s\u00a0]", "", number).replace(",", ".").replace("−", "-")
        values.append((key, float(number)))
    return values


@pytest.mark.django_db
def test_spreadsheets_figures_equal_the_web_pages(client):
    report = stored_report("published")
    page = client.get(reverse("reports:detail", args=["malmoandan", 2022]))
    assert page.status_code == 200
    shown = page_values(page.content.decode())
    download = client.get(reverse("reports:xlsx", args=["malmoandan", 2022]))
    sheet = load_workbook(BytesIO(download.content)).worksheets[0]
    in_sheet = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    keys = [f["key"] for s in report.snapshot["sections"] for f in s["figures"]]
    assert [key for key, _value in shown] == keys
    assert [value for _key, value in shown] == pytest.approx(in_sheet)
