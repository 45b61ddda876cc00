"""One way to write dates, times and numbers, per language: Swedish "8 dec 2026", "tisdag 8
december 2026", "14:00", "28 418"; English "8 Dec 2026", "Tuesday 8 December 2026", "28,418"."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from samverkan.core import formatting

# 14:00 in Stockholm on Tuesday 8 December 2026.
AFTERNOON = datetime.datetime(2026, 12, 8, 13, 0, tzinfo=datetime.UTC)
EVENING = AFTERNOON + datetime.timedelta(hours=2)


@pytest.mark.parametrize(
    ("helper", "swedish", "english"),
    [
        ("short_date", "8 dec 2026", "8 Dec 2026"),
        ("long_date", "8 december 2026", "8 December 2026"),
        ("weekday_date", "tisdag 8 december 2026", "Tuesday 8 December 2026"),
        ("short_weekday_date", "tis 8 dec", "Tue 8 Dec"),
        ("day_month", "8 december", "8 December"),
        ("short_day_month", "8 dec", "8 Dec"),
        ("month_year", "december 2026", "December 2026"),
        ("clock", "14:00", "14:00"),
        ("date_time", "8 december 2026, 14:00", "8 December 2026, 14:00"),
    ],
)
def test_each_date_helper_writes_the_language_s_form(helper, swedish, english):
    with translation.override("sv"):
        assert getattr(formatting, helper)(AFTERNOON) == swedish
    with translation.override("en"):
        assert getattr(formatting, helper)(AFTERNOON) == english


def test_swedish_months_and_weekdays_are_lower_case():
    with translation.override("sv"):
        assert formatting.short_day_month(datetime.date(2026, 5, 12)) == "12 maj"
        assert formatting.short_date(datetime.date(2026, 10, 6)) == "6 okt 2026"


def test_a_time_range_on_one_day_shows_the_clock_only():
    with translation.override("sv"):
        assert formatting.time_range(AFTERNOON, EVENING) == "14:00–16:00"


def test_a_time_range_across_days_shows_both_dates():
    with translation.override("sv"):
        tomorrow = EVENING + datetime.timedelta(days=1)
        assert formatting.time_range(AFTERNOON, tomorrow) == "8 dec 2026, 14:00 – 9 dec 2026, 16:00"


def test_swedish_groups_thousands_with_a_non_breaking_space():
    with translation.override("sv"):
        assert formatting.number(28418) == "28\u00a0418"
        assert formatting.number(1.5) == "1,5"


def test_english_groups_thousands_with_a_comma():
    with translation.override("en"):
        assert formatting.number(28418) == "28,418"
        assert formatting.number(1.5) == "1.5"


def test_a_whole_float_is_written_without_decimals():
    with translation.override("sv"):
        assert formatting.number(2181.0) == "2\u00a0181"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_whole_numbers_are_written_as_django_writes_them(language):
    # number() takes a shorter path for whole numbers: it must write what number_format writes.
    from django.utils import formats

    values = [0, 7, -7, 999, -999, 1000, -1000, 28418, -28418, 999_999, 1_000_000, 10**12 + 5]
    with translation.override(language):
        for value in values:
            expected = formats.number_format(value, use_l10n=True, force_grouping=True)
            assert formatting.number(value) == expected
            assert formatting.number(float(value)) == expected


def test_a_boolean_is_not_taken_for_a_whole_number():
    with translation.override("sv"):
        assert formatting.number(True) == formatting.formats.number_format(
            True, use_l10n=True, force_grouping=True
        )


def test_the_helpers_are_filters_in_every_template_without_a_load():
    template = Template("{{ day|short_date }} {{ start|time_range:end }} {{ n|number }}")
    with translation.override("sv"):
        text = template.render(
            Context({"day": AFTERNOON, "start": AFTERNOON, "end": EVENING, "n": 2181})
        )
    assert text == "8 dec 2026 14:00–16:00 2\u00a0181"


def test_an_empty_value_is_written_as_nothing():
    assert formatting.short_date(None) == ""
    assert formatting.number(None) == ""
