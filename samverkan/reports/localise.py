"""A compiled report in the reader's language.

A snapshot keeps the texts of the language it was compiled in (Swedish: the report is the
agreement's record). A reader in another language gets them translated back at display time:
each stored Swedish text is looked up among the Swedish catalogue's translations, and the
English text it came from is translated into the active language. Texts with placeholders
("Styrgruppens möten 2022") are matched as patterns and filled again; a summary of several
sentences is translated sentence by sentence. Names and other data that are no catalogue text
stay as they are.
"""

import datetime
import functools
import re

from django.utils.translation import (
    get_language,
    gettext,
    ngettext,
    npgettext,
    pgettext,
    trans_real,
)

from samverkan.core import formatting
from samverkan.core.catalogue import read_po, swedish_catalogue
from samverkan.reports.selectors.shapes import chart

SNAPSHOT_LANGUAGE = "sv"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
# A generated summary is several catalogue sentences in a row.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])")
# How the units stored in a figure read in English (a snapshot stores them in Swedish).
UNITS = {"per vecka": "per week"}
QUOTES = ("”", "“", '"', "«")
# A number grouped the Swedish way: 28 418, 1 000 000 (no-break or thin spaces).
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
SWEDISH_GROUPED = re.compile(r"(?<![\d,.])\d{1,3}(?:[\u00a0\u202f]\d{3})+(?![\d,])")


def _pattern(msgstr: str) -> re.Pattern:
    regex, position = "", 0
    for placeholder in PLACEHOLDER.finditer(msgstr):
        name, kind = placeholder.group(1), placeholder.group(0)[-1]
        value = r"-?\d[\d\s\u00a0]*?" if kind == "d" else ".+?"
        regex += re.escape(msgstr[position : placeholder.start()]) + f"(?P<{name}>{value})"
        position = placeholder.end()
    return re.compile(f"^{regex}{re.escape(msgstr[position:])}$", re.DOTALL)


@functools.cache
def _reverse_catalogue():
    """Swedish text → how to say it again in another language: exact texts (ours and Django's,
    e.g. month names) and patterns for the texts with placeholders."""
    exact: dict[str, callable] = {}
    patterns: list[tuple[re.Pattern, callable]] = []
    # Where two texts share a Swedish translation ("Besökare": Visitor, Visitors), the
    # report's own comes first.
    entries = sorted(
        read_po(swedish_catalogue()),
        key=lambda entry: not any(ref.startswith("reports/") for ref in entry.references),
    )
    for entry in entries:
        if not entry.translated or entry.fuzzy:
            continue
        for msgstr in entry.msgstr:
            names = PLACEHOLDER.findall(msgstr)
            if entry.msgid_plural:
                say = functools.partial(_plural, entry.msgctxt, entry.msgid, entry.msgid_plural)
            elif entry.msgctxt:
                say = functools.partial(_context, entry.msgctxt, entry.msgid)
            else:
                say = functools.partial(_plain, entry.msgid)
            if not names:
                exact.setdefault(msgstr, say)
            elif len(set(names)) == len(names):
                patterns.append((_pattern(msgstr), say))
    for msgid, msgstr in trans_real.translation(SNAPSHOT_LANGUAGE)._catalog.items():
        if isinstance(msgid, str) and msgstr and "\x04" not in msgid:
            exact.setdefault(msgstr, functools.partial(_plain, msgid))
    # The most specific first: "Fokusområdet för %(year)d är ”%(title)s”." before
    # "Fokusområdet för %(year)s".
    patterns.sort(key=lambda item: -len(PLACEHOLDER.sub("", item[0].pattern)))
    return exact, patterns


def _plain(msgid, values):
    return gettext(msgid) % values if values else gettext(msgid)


def _context(context, msgid, values):
    return pgettext(context, msgid) % values if values else pgettext(context, msgid)


def _plural(context, singular, plural, values):
    counts = [_count(v) for v in values.values() if _count(v) is not None]
    if not counts:
        raise ValueError("a plural text without a number")
    count = counts[0]
    if context:
        return npgettext(context, singular, plural, count) % values
    return ngettext(singular, plural, count) % values


def _count(value) -> int | None:
    digits = re.sub(r"[\s\u00a0\u202f]", "", str(value))
    return int(digits) if digits.isdigit() else None


def translate_stored(text):
    """`text` as stored in a snapshot, in the active language (unchanged when in Swedish or
    when it is no catalogue text), its grouped numbers ("28 418") written the reader's way."""
    if not isinstance(text, str) or not text.strip() or _in_snapshot_language():
        return text
    return _regrouped(_translated(text))


def _regrouped(text: str) -> str:
    return SWEDISH_GROUPED.sub(lambda m: formatting.number(_count(m.group(0))), text)


def _translated(text: str) -> str:
    exact, patterns = _reverse_catalogue()
    if text in exact:
        return exact[text]({})
    lowered = text[:1].lower() + text[1:]
    if lowered in exact:  # "Januari", capitalised from "januari"
        said = exact[lowered]({})
        return said[:1].upper() + said[1:]
    for pattern, say in patterns:
        match = pattern.match(text)
        if match and _mostly_catalogue_text(text, match):
            values = {name: _filled(value) for name, value in match.groupdict().items()}
            try:
                return say(values)
            except (KeyError, TypeError, ValueError):
                continue
    sentences = SENTENCE_END.split(text)
    if len(sentences) > 1:
        return " ".join(_translated(sentence) for sentence in sentences)
    # "Samarbetsplan 2021–2026: 9 av 14 aktiviteter påbörjade; 4 klara.": a name, then a
    # catalogue text; each part on its own.
    head, colon, tail = text.partition(": ")
    if colon and tail:
        end = "." if tail.endswith(".") else ""
        tail = tail[: -len(end)] if end else tail
        said = "; ".join(_translated(part) for part in tail.split("; "))
        if said != tail:
            return f"{_translated(head)}: {said}{end}"
    return text


def _filled(value: str):
    """A filled-in value translated too ("Staden"), a number kept as the number it was."""
    count = _count(value)
    return count if count is not None and value.strip().isdigit() else _translated(value)


def _mostly_catalogue_text(text: str, match: re.Match) -> bool:
    """Whether the pattern's own words make up at least half of `text`: "%(a)s och %(b)s" must
    not turn a name such as "Ungas hälsa och livsstil" into "Ungas hälsa and livsstil". A
    quoted value (a title in ”…”) counts as the pattern's own. A pattern that begins with its own
    words ("Tema: %(theme)s.") is a label for what follows, however long that is."""
    first = min((match.start(name) for name in match.groupdict()), default=len(text))
    if len(re.findall(r"[^\W\d_]", text[:first])) >= 3:
        return True
    filled = sum(
        len(value)
        for name, value in match.groupdict().items()
        if text[match.start(name) - 1 : match.start(name)] not in QUOTES  # a quoted title
    )
    return len(text) - filled >= filled


def _in_snapshot_language() -> bool:
    return (get_language() or SNAPSHOT_LANGUAGE).split("-")[0] == SNAPSHOT_LANGUAGE


def with_readable_dates(text):
    """The ISO dates a snapshot stores ("2022-03-16", language-neutral) written as people read
    them: "16 mar 2022" / "16 Mar 2022"."""
    if not isinstance(text, str):
        return text
    return ISO_DATE.sub(lambda m: formatting.short_date(datetime.date.fromisoformat(m[0])), text)


def localised_section(section: dict) -> dict:
    """A snapshot section with its titles, labels, captions, headings and summary in the
    active language, and its dates as people read them; values, keys and links unchanged."""

    def t(text):
        return with_readable_dates(translate_stored(text))

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
