"""A compiled report in the reader's language.

A snapshot keeps the texts of the language it was compiled in (Swedish: the report is the
agreement's record). A reader in another language gets them translated back at display time:
each stored Swedish text is looked up among the Swedish catalogue's translations, and the
English text it came from is translated into the active language. Texts with placeholders
("Styrgruppens möten 2022") are matched as patterns and filled again. Names and other data
that are no catalogue text stay as they are.
"""

import functools
import re

from django.utils.translation import get_language, gettext, trans_real

from samverkan.reports.selectors.shapes import chart

SNAPSHOT_LANGUAGE = "sv"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
# How the units stored in a figure read in English (a snapshot stores them in Swedish).
UNITS = {"per vecka": "per week", "st": "st", "kr": "kr", "%": "%", "": ""}


@functools.cache
def _reverse_catalogue() -> tuple[dict[str, str], list[tuple[re.Pattern, str]]]:
    """Swedish text → its English msgid, and patterns for the texts with placeholders."""
    catalogue = trans_real.translation(SNAPSHOT_LANGUAGE)._catalog
    exact: dict[str, str] = {}
    patterns: list[tuple[re.Pattern, str]] = []
    for msgid, msgstr in catalogue.items():
        if not isinstance(msgid, str) or not msgstr or msgid == msgstr:
            continue
        msgid = msgid.split("\x04", 1)[-1]  # drop a pgettext context
        if PLACEHOLDER.search(msgstr):
            names = PLACEHOLDER.findall(msgstr)
            if len(set(names)) != len(names) or set(names) != set(PLACEHOLDER.findall(msgid)):
                continue
            parts = PLACEHOLDER.split(msgstr)
            regex = "".join(
                re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)"
                for i, part in enumerate(parts)
            )
            patterns.append((re.compile(f"^{regex}$", re.DOTALL), msgid))
        else:
            exact.setdefault(msgstr, msgid)
    return exact, patterns


def translate_stored(text):
    """`text` as stored in a snapshot, in the active language (unchanged when in Swedish or
    when it is no catalogue text)."""
    if not isinstance(text, str) or not text or _in_snapshot_language():
        return text
    exact, patterns = _reverse_catalogue()
    msgid = exact.get(text)
    if msgid is None and text[:1].isupper():
        lowered = exact.get(text[:1].lower() + text[1:])  # "Januari" from "januari"
        if lowered is not None:
            return gettext(lowered)[:1].upper() + gettext(lowered)[1:]
    if msgid is not None:
        return gettext(msgid)
    for pattern, msgid in patterns:
        match = pattern.match(text)
        if match:
            values = {name: translate_stored(value) for name, value in match.groupdict().items()}
            return PLACEHOLDER.sub(lambda m, values=values: values[m.group(1)], gettext(msgid))
    return text


def _in_snapshot_language() -> bool:
    return (get_language() or SNAPSHOT_LANGUAGE).split("-")[0] == SNAPSHOT_LANGUAGE


def localised_section(section: dict) -> dict:
    """A snapshot section with its titles, labels, captions, headings and summary in the
    active language; values, keys and links unchanged."""
    if _in_snapshot_language():
        return section
    t = translate_stored
    return {
        **section,
        "title": t(section.get("title", "")),
        "summary": t(section.get("summary", "")),
        "figures": [
            {**f, "label": t(f.get("label", "")), "unit": UNITS.get(f.get("unit"), f.get("unit"))}
            for f in section.get("figures", [])
        ],
        "tables": [
            {
                **table,
                "caption": t(table.get("caption", "")),
                "columns": [t(c) for c in table.get("columns", [])],
                "rows": [[t(cell) for cell in row] for row in table.get("rows", [])],
            }
            for table in section.get("tables", [])
        ],
        "charts": [
            chart(
                c.get("key"),
                t(c.get("title", "")),
                c.get("kind"),
                c.get("unit"),
                [(t(p.get("label", "")), p.get("value")) for p in c.get("series", [])],
            )
            for c in section.get("charts", [])
        ],
    }
