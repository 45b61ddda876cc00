"""How people read dates, times and numbers: one helper per kind, in the active language.

Swedish writes "8 dec 2026", "tisdag 8 december 2026", "14:00" and "28 418"; English writes
"8 Dec 2026", "Tuesday 8 December 2026", "14:00" and "28,418". The formats themselves live in
`samverkan/formats/<language>/formats.py`; templates use the same functions as filters
(`{% load formatting %}`, then `{{ event.starts_at|long_date }}`), and services, feeds, e-mails
and PDFs call them directly. Aware datetimes are shown in local time (Europe/Stockholm).
"""

import datetime
import functools
from decimal import Decimal

from django.utils import formats, timezone
from django.utils.translation import get_language

__all__ = [
    "choice_label",
    "clock",
    "date_time",
    "day_month",
    "long_date",
    "month_year",
    "number",
    "short_date",
    "short_date_time",
    "short_day_month",
    "short_weekday_date",
    "time_range",
    "weekday_date",
    "weekday_date_time",
]


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _format(value, name: str) -> str:
    if value in (None, ""):
        return ""
    return formats.date_format(_local(value), name)


def short_date(value) -> str:
    """8 dec 2026 / 8 Dec 2026: lists, tables and meta lines."""
    return _format(value, "ABBR_DATE_FORMAT")


def long_date(value) -> str:
    """8 december 2026 / 8 December 2026: headings and running text."""
    return _format(value, "DATE_FORMAT")


def weekday_date(value) -> str:
    """tisdag 8 december 2026 / Tuesday 8 December 2026: when a person plans to come."""
    return _format(value, "WEEKDAY_DATE_FORMAT")


def weekday_date_time(value) -> str:
    """tisdag 8 december 2026, 14:00 / Tuesday 8 December 2026, 14:00."""
    return _format(value, "WEEKDAY_DATETIME_FORMAT")


def short_weekday_date(value) -> str:
    """tis 8 dec / Tue 8 Dec: a day in a narrow table."""
    return _format(value, "ABBR_WEEKDAY_DATE_FORMAT")


def day_month(value) -> str:
    """8 december / 8 December."""
    return _format(value, "MONTH_DAY_FORMAT")


def short_day_month(value) -> str:
    """8 dec / 8 Dec."""
    return _format(value, "ABBR_MONTH_DAY_FORMAT")


def month_year(value) -> str:
    """december 2026 / December 2026 (capitalise at the start of a heading)."""
    return _format(value, "YEAR_MONTH_FORMAT")


def clock(value) -> str:
    """14:00, in local time."""
    return _format(value, "TIME_FORMAT")


def date_time(value) -> str:
    """8 december 2026, 14:00."""
    return _format(value, "DATETIME_FORMAT")


def short_date_time(value) -> str:
    """8 dec 2026, 14:00."""
    return _format(value, "ABBR_DATETIME_FORMAT")


def time_range(start, end) -> str:
    """14:00–16:00 on one day; 8 dec 2026, 14:00 – 9 dec 2026, 10:00 across days."""
    if not start or not end:
        return clock(start or end)
    if _local(start).date() == _local(end).date():
        return f"{clock(start)}–{clock(end)}"
    return f"{short_date_time(start)} – {short_date_time(end)}"


def number(value, decimals: int | None = None) -> str:
    """28 418 / 28,418; with `decimals` digits after the separator (1,5 / 1.5) when given,
    otherwise as many as the value has (none for whole numbers)."""
    if value in (None, ""):
        return ""
    if isinstance(value, float | Decimal) and decimals is None and value == int(value):
        value = int(value)
    # A figures page formats thousands of counts: for a whole number in groups of three (both
    # our languages), Python's own grouping gives number_format's output at a tenth of the cost.
    if type(value) is int and decimals is None and formats.get_format("NUMBER_GROUPING") == 3:
        if -1000 < value < 1000:
            return str(value)
        return f"{value:,}".replace(",", formats.get_format("THOUSAND_SEPARATOR"))
    return formats.number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


@functools.lru_cache(maxsize=128)
def _choice_labels(choices, language: str | None) -> dict:
    return {value: str(label) for value, label in choices.choices}


def choice_label(choices, value):
    """What a model's `get_FOO_display()` answers for a field with these `choices` (a
    TextChoices or IntegerChoices class), translated once per language: get_FOO_display
    translates every label of the field on each call, which a list of many rows (the API)
    paid for each row. An unknown value is answered as it is, as get_FOO_display does."""
    return _choice_labels(choices, get_language()).get(value, value)
