"""The texts of materials and courses: what HTML a coordinator may write, and what search sees.

Bodies are written by people (coordinators, later perhaps authors of organisations), so they are
cleaned with nh3 (the Rust `ammonia` sanitiser) before they are stored: headings, paragraphs,
lists, links, emphasis, quotes and tables survive; scripts, styles, event handlers and
`javascript:` links do not.

Search is the register's (samverkan/core/search.py): PostgreSQL indexes the title, summary and
text itself; for SQLite, `Material.search_stems` holds the Snowball stems of the plain texts.
"""

import html
import re

import nh3
from django.utils.html import strip_tags

from samverkan.core.search import SearchIndex, stems_text

ALLOWED_TAGS = {
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "a",
    "strong",
    "em",
    "b",
    "i",
    "blockquote",
    "code",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}
_LEVEL_ONE_HEADING = re.compile(r"<(/?)h1\b", re.IGNORECASE)


def sanitise_html(value: str) -> str:
    """`value` with only the allowed tags and attributes; links get rel="noopener noreferrer".

    A level-one heading belongs to the page, so one in the text becomes a level-two heading.
    """
    if not value:
        return ""
    value = _LEVEL_ONE_HEADING.sub(r"<\1h2", value)
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def plain_text(value: str) -> str:
    return html.unescape(strip_tags(value or ""))


MATERIAL_INDEX = SearchIndex(
    table="learning_material",
    stems_column="search_stems",
    weighted_columns=(("title", "A"), ("summary", "B"), ("body", "C")),
)


def search_stems_of(*texts: str) -> str:
    """The stems of the texts' plain words, space-separated with a space before and after."""
    return stems_text(*(plain_text(t) for t in texts))
