"""Dates, times and numbers in the active language: `{% load formatting %}`, then
`{{ value|short_date }}`, `{{ start|time_range:end }}`, `{{ count|number }}`. The functions
live in `samverkan.core.formatting`, which Python code calls directly."""

from django import template

from samverkan.core import formatting

register = template.Library()

for _name in (
    "short_date",
    "long_date",
    "weekday_date",
    "weekday_date_time",
    "short_weekday_date",
    "day_month",
    "short_day_month",
    "month_year",
    "clock",
    "date_time",
    "short_date_time",
    "time_range",
):
    register.filter(_name, getattr(formatting, _name))


@register.filter
def number(value, decimals=None) -> str:
    """`{{ n|number }}` → 28 418; `{{ n|number:1 }}` → 28 418,0."""
    return formatting.number(value, None if decimals in (None, "") else int(decimals))
