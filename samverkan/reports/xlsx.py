"""The annual report's figures as a spreadsheet (openpyxl): a sheet "Nyckeltal" with every figure
(section, figure, value, unit, the previous year's, the change, a link to the records it counts),
a sheet for each table of the report, and a sheet "Om rapporten" (agreement, year, when the data
was read, status).

The values are the snapshot's own numbers, stored as numbers with a number format (kronor,
per cent), so the spreadsheet's figures are those of the web page and can be computed with.
"""

import re
from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from samverkan.core.exports import safe_sheet_row
from samverkan.reports.export_html import absolute_url, parse_read_at
from samverkan.reports.models import AnnualReport, ReportStatus

INTEGER = "#,##0"
DECIMAL = "#,##0.0"
KRONOR = '#,##0 "kr"'
PERCENT_POINTS = '#,##0.0 "%"'
HEADING = Font(bold=True)
LINK = Font(color="00558C", underline="single")
# Characters Excel refuses in a sheet's name, and its longest name.
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31


def render_report_xlsx(source, *, status: str | None = None) -> bytes:
    """The workbook as bytes. `source` is an AnnualReport or a snapshot dict."""
    if isinstance(source, AnnualReport):
        snapshot, status = source.snapshot, source.status
    else:
        snapshot = source
    workbook = Workbook()
    figures = workbook.active
    figures.title = _("Key figures")
    _write_figures(figures, snapshot)
    used = {figures.title.lower()}
    for section in snapshot["sections"]:
        for table in section.get("tables", []):
            title = _sheet_name(table.get("caption") or section["title"], used)
            _write_table(workbook.create_sheet(title), table)
    _write_about(workbook.create_sheet(_sheet_name(_("About the report"), used)), snapshot, status)
    stream = BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def number_format(unit: str, value) -> str:
    if unit == "kr":
        return KRONOR
    if unit == "%":
        return PERCENT_POINTS
    if isinstance(value, float) and not value.is_integer():
        return DECIMAL
    return INTEGER


def _write_figures(sheet, snapshot: dict) -> None:
    year, previous_year = snapshot["year"], snapshot.get("previous_year") or snapshot["year"] - 1
    headings = [
        _("Section"),
        _("Figure"),
        str(year),
        _("Unit"),
        str(previous_year),
        _("Change from previous year"),
        _("Change (%)"),
        _("Records behind the figure"),
    ]
    safe_sheet_row(sheet, headings)
    for cell in sheet[1]:
        cell.font = HEADING
    for section in snapshot["sections"]:
        for figure in section.get("figures", []):
            value, previous = figure.get("value"), figure.get("previous")
            unit = figure.get("unit") or ""
            change = value - previous if value is not None and previous is not None else None
            relative = change / abs(previous) if change is not None and previous else None
            link = absolute_url(figure.get("link"))
            safe_sheet_row(
                sheet,
                [section["title"], figure["label"], value, unit, previous, change, relative, link],
            )
            row = sheet.max_row
            for column in (3, 5, 6):
                sheet.cell(row, column).number_format = number_format(unit, value)
            sheet.cell(row, 7).number_format = "0%"
            if link:
                cell = sheet.cell(row, 8)
                cell.hyperlink = link
                cell.font = LINK
    sheet.freeze_panes = "C2"
    _widths(sheet, [28, 44, 14, 10, 14, 14, 11, 60])


def _write_table(sheet, table: dict) -> None:
    safe_sheet_row(sheet, [table.get("caption", "")])
    sheet["A1"].font = Font(bold=True, size=12)
    safe_sheet_row(sheet, table.get("columns", []))
    for cell in sheet[2]:
        cell.font = HEADING
    links = table.get("links") or []
    for index, row in enumerate(table.get("rows", [])):
        safe_sheet_row(sheet, row)
        number = sheet.max_row
        for column, value in enumerate(row, start=1):
            if isinstance(value, int | float) and not isinstance(value, bool):
                heading = str(table.get("columns", [""] * column)[column - 1] or "")
                sheet.cell(number, column).number_format = (
                    KRONOR if "kr" in heading.lower() else number_format("", value)
                )
        link = absolute_url(links[index]) if index < len(links) else None
        if link:
            sheet.cell(number, 1).hyperlink = link
            sheet.cell(number, 1).font = LINK
    sheet.freeze_panes = "A3"
    widths = [
        min(max([len(str(row[i])) for row in table.get("rows", []) if i < len(row)] + [12]), 60)
        for i in range(len(table.get("columns", [])))
    ]
    _widths(sheet, [w + 2 for w in widths])


def _write_about(sheet, snapshot: dict, status: str | None) -> None:
    agreement = snapshot["agreement"]
    read_at = parse_read_at(snapshot.get("read_at"))
    rows = [
        (_("Agreement"), agreement["name"]),
        (_("Municipality"), agreement.get("municipality", "")),
        (_("Year"), snapshot["year"]),
        (_("Compared with"), snapshot.get("previous_year") or snapshot["year"] - 1),
        (_("Data read"), read_at.replace(tzinfo=None) if read_at else ""),
        (_("Status"), str(ReportStatus(status).label) if status else ""),
        (_("Compiled by"), "Samverkansytan"),
    ]
    for label, value in rows:
        safe_sheet_row(sheet, [str(label), value])
        sheet.cell(sheet.max_row, 1).font = HEADING
    for row in sheet.iter_rows(min_col=2, max_col=2):
        row[0].alignment = Alignment(horizontal="left")
        if hasattr(row[0].value, "hour"):
            row[0].number_format = "yyyy-mm-dd hh:mm"
    _widths(sheet, [20, 50])


def _sheet_name(title: str, used: set[str]) -> str:
    """A name Excel accepts (no []:*?/\\, at most 31 characters), unique in the workbook."""
    base = _SHEET_NAME_FORBIDDEN.sub("-", str(title)).strip("' ") or _("Table")
    base = base[:SHEET_NAME_LENGTH]
    name, number = base, 2
    while name.lower() in used:
        suffix = f" ({number})"
        name = base[: SHEET_NAME_LENGTH - len(suffix)] + suffix
        number += 1
    used.add(name.lower())
    return name


def _widths(sheet, widths) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
