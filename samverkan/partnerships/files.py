"""Which documents an IOP agreement accepts, told by their content, not by what the browser says.

A file is accepted when its name ends in one of the accepted extensions, its first bytes are
those of that format (Office Open XML and OpenDocument files are opened and their parts
checked) and it is no larger than MAX_SIZE. The content type a download answers with comes from
here, so a file can never be served as something else (an HTML page, a script).
"""

import zipfile
from dataclasses import dataclass

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from samverkan.core.exceptions import ApplicationError

MAX_SIZE = 10 * 1024 * 1024


@dataclass(frozen=True)
class FileKind:
    extension: str
    content_type: str
    inline: bool  # shown in the browser rather than downloaded


PDF = FileKind("pdf", "application/pdf", inline=True)
DOCX = FileKind(
    "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", False
)
XLSX = FileKind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", False)
ODT = FileKind("odt", "application/vnd.oasis.opendocument.text", False)
ODS = FileKind("ods", "application/vnd.oasis.opendocument.spreadsheet", False)

KINDS = {kind.extension: kind for kind in (PDF, DOCX, XLSX, ODT, ODS)}
ACCEPT_ATTRIBUTE = ",".join(f".{ext}" for ext in KINDS)
_OOXML_MAIN_PART = {"docx": "word/", "xlsx": "xl/"}


def accepted_text() -> str:
    return _("PDF, Word (DOCX), Excel (XLSX) or OpenDocument (ODT, ODS), at most %(max)s") % {
        "max": filesizeformat(MAX_SIZE)
    }


def _zip_parts(upload) -> tuple[set[str], str] | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            mimetype = (
                archive.read("mimetype").decode("ascii", "replace").strip()
                if ("mimetype" in names)
                else ""
            )
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    finally:
        upload.seek(0)
    return names, mimetype


def _content_matches(kind: FileKind, upload) -> bool:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if kind is PDF:
        return head.startswith(b"%PDF-")
    if not head.startswith(b"PK\x03\x04"):
        return False
    parts = _zip_parts(upload)
    if parts is None:
        return False
    names, mimetype = parts
    if kind in (ODT, ODS):
        return mimetype == kind.content_type
    main = _OOXML_MAIN_PART[kind.extension]
    return "[Content_Types].xml" in names and any(name.startswith(main) for name in names)


def inspect_upload(upload) -> FileKind:
    """The kind of an uploaded document, or ApplicationError (field "file") saying what is
    accepted. Leaves the file at its start."""
    if upload is None:
        raise ApplicationError(_("Choose a file."), code="file_missing", field="file")
    name = upload.name or ""
    if not upload.size:
        raise ApplicationError(
            _("The file %(name)s is empty.") % {"name": name}, code="empty_file", field="file"
        )
    if upload.size > MAX_SIZE:
        raise ApplicationError(
            _("The file %(name)s is %(size)s; the largest accepted is %(max)s.")
            % {
                "name": name,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(MAX_SIZE),
            },
            code="file_too_large",
            field="file",
        )
    kind = KINDS.get(name.rpartition(".")[2].lower() if "." in name else "")
    if kind is None or not _content_matches(kind, upload):
        raise ApplicationError(
            _("The file %(name)s is not a document the agreement accepts. Accepted: %(kinds)s.")
            % {"name": name, "kinds": accepted_text()},
            code="file_type_not_accepted",
            field="file",
        )
    return kind
