"""How a report's figures and charts show on the web page."""

from django import template

from samverkan.reports.charts import render_svg
from samverkan.reports.selectors import format_number

register = template.Library()


@register.filter
def number(value):
    """A figure's value in the active language's form: 1 000 000 / 1,000,000."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    return format_number(value)


@register.filter
def change(figure):
    """The change since the year before as signed text (+12, −3, ±0), or "" without a
    previous value."""
    previous, value = figure.get("previous"), figure.get("value")
    if previous is None or not isinstance(value, int | float):
        return ""
    difference = value - previous
    if difference > 0:
        return "+" + format_number(difference)
    if difference < 0:
        return "−" + format_number(-difference)
    return "±0"


@register.filter
def unit_text(unit):
    return "" if unit == "st" else unit


@register.simple_tag
def chart_svg(chart):
    """The chart drawn as SVG (already safe: the renderer escapes every label); the data table
    next to it is the chart's text alternative."""
    return render_svg(chart)


@register.filter
def row_link(table, index):
    links = table.get("links") or []
    return links[index] if index < len(links) else None
