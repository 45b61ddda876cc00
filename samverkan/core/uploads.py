"""Which uploaded files the platform accepts, told by their content, not by what the browser says.

One check for every upload (the method library, IOP documents, event documentation, the
door-counter import): a file is accepted when

- it is not empty and no larger than the limit (UPLOAD_MAX_BYTES, 10 MB unless the settings say
  otherwise; a caller may pass its own),
- its name ends in an extension the caller accepts, and
- its content is that format: the first bytes of a PDF, PNG, JPEG, GIF or WebP; a ZIP whose
  parts are those of a Word, Excel or PowerPoint file (Office Open XML) or whose `mimetype` is
  that of an OpenDocument file; text in UTF-8 (or Windows-1252) without NUL bytes or HTML for
  plain text and CSV.

The content type a file is stored and served with comes from here, never from the browser, so a
file can never come back as something else (an HTML page, a script).
"""

import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from samverkan.core.exceptions import ApplicationError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
TEXT_SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True)
class FileKind:
    extension: str
    content_type: str
    label: str
    inline: bool  # shown in the browser (PDF, images) rather than downloaded


PDF = FileKind("pdf", "application/pdf", "PDF", inline=True)
DOCX = FileKind(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "Word (DOCX)",
    inline=False,
)
XLSX = FileKind(
    "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Excel (XLSX)",
    inline=False,
)
PPTX = FileKind(
    "pptx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "PowerPoint (PPTX)",
    inline=False,
)
ODT = FileKind("odt", "application/vnd.oasis.opendocument.text", "OpenDocument (ODT)", False)
ODS = FileKind("ods", "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument (ODS)", False)
ODP = FileKind(
    "odp", "application/vnd.oasis.opendocument.presentation", "OpenDocument (ODP)", False
)
PNG = FileKind("png", "image/png", "PNG", inline=True)
JPEG = FileKind("jpg", "image/jpeg", "JPEG", inline=True)
GIF = FileKind("gif", "image/gif", "GIF", inline=True)
WEBP = FileKind("webp", "image/webp", "WebP", inline=True)
TXT = FileKind("txt", "text/plain", "text (TXT)", inline=False)
CSV = FileKind("csv", "text/csv", "CSV", inline=False)

ALL_KINDS = (PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, PNG, JPEG, GIF, WEBP, TXT, CSV)
# The extensions a kind is known by: its own, and .jpeg for JPEG.
_ALIASES = {"jpeg": JPEG}
_OOXML_MAIN_PART = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
_MAGIC = {
    PDF: (b"%PDF-",),
    PNG: (b"\x89PNG\r\n\x1a\n",),
    JPEG: (b"\xff\xd8\xff",),
    GIF: (b"GIF87a", b"GIF89a"),
}
# Markup that a browser would render as a page if it ever sniffed a text file.
_MARKUP = re.compile(
    rb"<\s*(?:!doctype|html|head|body|script|iframe|object|embed|svg|meta|\?xml)\b", re.I
)


def upload_max_bytes() -> int:
    return getattr(settings, "UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)


def kinds_by_extension(kinds: Iterable[FileKind]) -> dict[str, FileKind]:
    kinds = tuple(kinds)
    found = {kind.extension: kind for kind in kinds}
    found.update({ext: kind for ext, kind in _ALIASES.items() if kind in kinds})
    return found


def accept_attribute(kinds: Iterable[FileKind]) -> str:
    """The `accept` attribute of a file input: the extensions, so the browser's dialog offers
    the right files (the server decides all the same)."""
    return ",".join(f".{ext}" for ext in kinds_by_extension(kinds))


def kinds_text(kinds: Iterable[FileKind]) -> str:
    return get_text_list([kind.label for kind in kinds])


def _head(upload, size: int) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _zip_parts(upload) -> tuple[set[str], str] | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            mimetype = (
                archive.read("mimetype").decode("ascii", "replace").strip()
                if "mimetype" in names
                else ""
            )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, ValueError, EOFError):
        return None
    finally:
        upload.seek(0)
    return names, mimetype


def _is_plain_text(head: bytes) -> bool:
    if b"\x00" in head or _MARKUP.search(head):
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still UTF-8.
        if exc.start < len(head) - 3:
            try:
                head.decode("cp1252")  # what Excel on Windows saves a CSV file as
            except UnicodeDecodeError:
                return False
    return True


def content_matches(kind: FileKind, upload) -> bool:
    """Whether the upload's content is of `kind`. Leaves the file at its start."""
    if kind in _MAGIC:
        return _head(upload, 16).startswith(_MAGIC[kind])
    if kind is WEBP:
        head = _head(upload, 16)
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if kind in (TXT, CSV):
        return _is_plain_text(_head(upload, TEXT_SNIFF_BYTES))
    if not _head(upload, 4).startswith(b"PK\x03\x04"):
        return False
    parts = _zip_parts(upload)
    if parts is None:
        return False
    names, mimetype = parts
    if kind in (ODT, ODS, ODP):
        return mimetype == kind.content_type
    main = _OOXML_MAIN_PART[kind.extension]
    return "[Content_Types].xml" in names and any(name.startswith(main) for name in names)


def inspect_upload(
    upload,
    *,
    kinds: Iterable[FileKind],
    max_bytes: int | None = None,
    accepted: str | None = None,
    field: str = "file",
) -> FileKind:
    """The kind of an uploaded file among `kinds`, or ApplicationError (on `field`) with a
    message that names the file and says what is accepted. `accepted` describes the kinds in
    words (default: their labels). Reads the file; leaves it at its start.

    Codes: file_missing, empty_file, file_too_large, file_type_not_accepted,
    file_content_mismatch."""
    kinds = tuple(kinds)
    limit = upload_max_bytes() if max_bytes is None else max_bytes
    if upload is None:
        raise ApplicationError(_("Choose a file."), code="file_missing", field=field)
    name = upload.name or ""
    if not upload.size:
        raise ApplicationError(
            _("The file %(name)s is empty.") % {"name": name}, code="empty_file", field=field
        )
    if upload.size > limit:
        raise ApplicationError(
            _(
                "The file %(name)s is %(size)s; the largest file accepted here is %(max)s. "
                "Make it smaller (for example by saving images at a lower resolution) and try "
                "again."
            )
            % {"name": name, "size": filesizeformat(upload.size), "max": filesizeformat(limit)},
            code="file_too_large",
            field=field,
        )
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    kind = kinds_by_extension(kinds).get(extension)
    if kind is None:
        raise ApplicationError(
            _("The file %(name)s is not of a kind accepted here. Accepted: %(kinds)s.")
            % {"name": name, "kinds": accepted or kinds_text(kinds)},
            code="file_type_not_accepted",
            field=field,
        )
    if not content_matches(kind, upload):
        raise ApplicationError(
            _(
                "The file %(name)s is named as %(kind)s but its content is not. Save it again "
                "as %(kind)s and try again."
            )
            % {"name": name, "kind": kind.label},
            code="file_content_mismatch",
            field=field,
        )
    return kind


@deconstructible
class UploadValidator:
    """The same check as a form field's validator: `forms.FileField(validators=[
    UploadValidator(kinds=(CSV, TXT))])`."""

    def __init__(self, *, kinds: Iterable[FileKind], max_bytes: int | None = None):
        self.kinds = tuple(kinds)
        self.max_bytes = max_bytes

    def __call__(self, upload) -> None:
        try:
            inspect_upload(upload, kinds=self.kinds, max_bytes=self.max_bytes)
        except ApplicationError as exc:
            raise ValidationError(exc.message, code=exc.code) from exc

    def __eq__(self, other) -> bool:
        return (
            isinstance(other, UploadValidator)
            and self.kinds == other.kinds
            and self.max_bytes == other.max_bytes
        )

    def __hash__(self) -> int:
        return hash((self.kinds, self.max_bytes))


# An uploaded file is served as a document of its own with nothing to run: no scripts, no
# forms, no plugins, no same-origin access (sandbox), whatever its content turns out to be.
UPLOAD_CSP = "default-src 'none'; img-src 'self'; sandbox"


def serve_upload(file, *, content_type: str, filename: str, missing: str) -> FileResponse:
    """An uploaded file as a response: PDFs and images shown in the browser, other kinds
    downloaded, under `filename`, with the content type found at upload and the sandbox policy.

    The one way every app serves an upload (the method library, IOP and event documents).
    Raises Http404 with the message `missing` when the file is gone from storage.
    """
    try:
        handle = file.open("rb")
    except FileNotFoundError as exc:
        raise Http404(missing) from exc
    kind = next((kind for kind in ALL_KINDS if kind.content_type == content_type), None)
    response = FileResponse(
        handle,
        content_type=content_type,
        as_attachment=not (kind and kind.inline),
        filename=filename,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = UPLOAD_CSP
    return response
