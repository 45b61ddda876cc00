from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def time_hours(duration) -> str:
    """A duration as a number of hours: 4, 1,5 (localised)."""
    hours = duration.total_seconds() / 3600
    return number_format(int(hours) if hours == int(hours) else round(hours, 1))


@register.filter
def percent_of(value, total) -> int:
    """`value` as a whole percentage of `total` (0 when the total is 0)."""
    return round(100 * value / total) if total else 0
