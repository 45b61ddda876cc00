"""Rich text of materials and courses, shown as HTML.

The models clean their bodies with nh3 when they are saved (learning/text.py); the pages clean
them again when they show them, so that a text that reached the database some other way (an
update() or a raw import that skips save()) cannot bring a script along either.
"""

from django import template
from django.utils.safestring import mark_safe

from samverkan.learning.text import sanitise_html

register = template.Library()


@register.filter
def clean_html(value) -> str:
    return mark_safe(sanitise_html(value or ""))  # nosec B703, B308  # noqa: S308 - nh3 has just cleaned it
