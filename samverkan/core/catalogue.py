"""Reading a gettext catalogue (.po) as entries: for the report's display-time translation and
for the test that keeps the Swedish catalogue complete. Only what those need: no writing."""

import ast
import dataclasses
import re
from pathlib import Path

from django.conf import settings

KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")$")


@dataclasses.dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstr: list[str] = dataclasses.field(default_factory=list)
    flags: set[str] = dataclasses.field(default_factory=set)
    references: list[str] = dataclasses.field(default_factory=list)
    line: int = 0

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr)


def swedish_catalogue() -> Path:
    return Path(settings.LOCALE_PATHS[0]) / "sv" / "LC_MESSAGES" / "django.po"


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file (the header and obsolete `#~` entries left out)."""
    entries: list[Entry] = []
    entry, field = Entry(), None
    plural: dict[int, str] = {}

    def close():
        nonlocal entry, field, plural
        if plural:
            entry.msgstr = [plural[i] for i in sorted(plural)]
        if entry.msgid or entry.msgid_plural:
            entries.append(entry)
        entry, field, plural = Entry(), None, {}

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            close()
        elif line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#:"):
            entry.references += line[2:].split()
        elif line.startswith("#"):
            continue
        elif match := KEYWORD.match(line):
            keyword, text = match.group(1), ast.literal_eval(match.group(2))
            if keyword == "msgid" and not entry.line:
                entry.line = number
            if keyword.startswith("msgstr["):
                field = int(keyword[7:-1])
                plural[field] = text
            elif keyword == "msgstr":
                field = "msgstr"
                entry.msgstr = [text]
            else:
                field = keyword
                setattr(entry, keyword, text)
        elif line.startswith('"'):
            text = ast.literal_eval(line)
            if isinstance(field, int):
                plural[field] += text
            elif field == "msgstr":
                entry.msgstr[0] += text
            elif field:
                setattr(entry, field, getattr(entry, field) + text)
    close()
    return entries
