"""The Swedish catalogue is complete: every text the code marks for translation has a Swedish
text that is neither empty nor fuzzy (msgfmt leaves a fuzzy one out, so the page would show
English). The texts are read from the source with the same patterns Django's makemessages
uses for the common forms; no command is run, nothing is written."""

import re
from pathlib import Path

import pytest

import samverkan
from samverkan.core.catalogue import read_po, swedish_catalogue

SOURCE = Path(samverkan.__file__).parent
STRING = r'"((?:[^"\\]|\\.)*)"|\'((?:[^\'\\]|\\.)*)\''
PYTHON_CALL = re.compile(
    rf"(?<![\w.])(?:_|gettext|gettext_lazy|gettext_noop)\(\s*(?:{STRING})\s*[,)]"
)
PYTHON_CONTEXT = re.compile(
    rf"(?<![\w.])(?:pgettext|pgettext_lazy)\(\s*(?:{STRING})\s*,\s*(?:{STRING})\s*[,)]"
)
TEMPLATE_TAG = re.compile(r"\{%\s*(?:translate|trans)\s+(?:" + STRING + r")(?P<rest>[^%]*)%\}")
BLOCK = re.compile(
    r"\{%\s*blocktrans(?:late)?(?P<options>[^%]*)%\}(?P<body>.*?)\{%\s*endblocktrans(?:late)?\s*%\}",
    re.DOTALL,
)
VARIABLE = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def _unescape(text: str) -> str:
    return text.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def used_msgids() -> dict[tuple[str | None, str], str]:
    """(context, msgid) → the first file that uses it."""
    used: dict[tuple[str | None, str], str] = {}
    for path in sorted(SOURCE.rglob("*")):
        if "migrations" in path.parts or path.suffix not in (".py", ".html", ".txt"):
            continue
        text = path.read_text(encoding="utf-8")
        where = str(path.relative_to(SOURCE))
        if path.suffix == ".py":
            for match in PYTHON_CALL.finditer(text):
                msgid = match.group(1) if match.group(1) is not None else match.group(2)
                used.setdefault((None, _unescape(msgid)), where)
            for match in PYTHON_CONTEXT.finditer(text):
                groups = match.groups()
                context = groups[0] if groups[0] is not None else groups[1]
                msgid = groups[2] if groups[2] is not None else groups[3]
                used.setdefault((_unescape(context), _unescape(msgid)), where)
            continue
        for match in TEMPLATE_TAG.finditer(text):
            msgid = match.group(1) if match.group(1) is not None else match.group(2)
            context = re.search(r'context\s+"([^"]*)"', match.group("rest"))
            used.setdefault((context.group(1) if context else None, msgid), where)
        for match in BLOCK.finditer(text):
            options, body = match.group("options"), match.group("body")
            body = re.split(r"\{%\s*plural\s*%\}", body)[0]  # the singular is the msgid
            if "trimmed" in options:
                body = " ".join(line.strip() for line in body.splitlines() if line.strip())
            context = re.search(r'context\s+"([^"]*)"', options)
            msgid = VARIABLE.sub(r"%(\1)s", body.replace("%", "%%"))
            used.setdefault((context.group(1) if context else None, msgid), where)
    return used


@pytest.fixture(scope="module")
def catalogue():
    return {(entry.msgctxt, entry.msgid): entry for entry in read_po(swedish_catalogue())}


def test_every_text_in_the_code_has_a_swedish_translation(catalogue):
    missing = [
        f"{where}: {msgid!r}"
        for (context, msgid), where in used_msgids().items()
        if (context, msgid) not in catalogue or not catalogue[(context, msgid)].translated
    ]
    assert not missing, "\n".join(missing)


def test_no_swedish_translation_is_fuzzy(catalogue):
    fuzzy = [f"line {e.line}: {e.msgid!r}" for e in catalogue.values() if e.fuzzy]
    assert not fuzzy, "\n".join(fuzzy)


def test_no_swedish_translation_is_empty(catalogue):
    empty = [f"line {e.line}: {e.msgid!r}" for e in catalogue.values() if not e.translated]
    assert not empty, "\n".join(empty)


def test_the_reader_finds_the_texts_of_a_template_and_of_python():
    used = used_msgids()
    assert (None, "Skip to content") in used  # {% translate %} in base.html
    assert (None, "Non-profit sector") in used  # _() in actors/models.py
    assert ("booking", "Cancelled") in used  # pgettext_lazy in venues/models.py
