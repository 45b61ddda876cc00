"""Which files the method library accepts, told by their content, not by what the browser says.

A file is accepted when its name ends in one of the accepted extensions, its first bytes are
those of that format (ZIP-based Office and OpenDocument files are opened and their parts
checked) and it is no larger than LEARNING_MAX_FILE_SIZE (20 MB unless the settings say
otherwise). The content type a download answers with comes from here, so a file can never be
served as something else (an HTML page, a script).
"""

import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from samverkan.core.exceptions import ApplicationError

DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024


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
PPTX = FileKind(
    "pptx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "PowerPoint (PPTX)",
    inline=False,
)
XLSX = FileKind(
    "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Excel (XLSX)",
    inline=False,
)
ODT = FileKind("odt", "application/vnd.oasis.opendocument.text", "OpenDocument (ODT)", False)
PNG = FileKind("png", "image/png", "PNG", inline=True)
JPEG = FileKind("jpg", "image/jpeg", "JPEG", inline=True)
GIF = FileKind("gif", "image/gif", "GIF", inline=True)
WEBP = FileKind("webp", "image/webp", "WebP", inline=True)

KINDS_BY_EXTENSION = {
    "pdf": PDF,
    "docx": DOCX,
    "pptx": PPTX,
    "xlsx": XLSX,
    "odt": ODT,
    "png": PNG,
    "jpg": JPEG,
    "jpeg": JPEG,
    "gif": GIF,
    "webp": WEBP,
}
# The part that tells an Office Open XML package's kind.
OOXML_MAIN_PART = {"docx": "word/", "pptx": "ppt/", "xlsx": "xl/"}
ACCEPT_ATTRIBUTE = ",".join(f".{ext}" for ext in KINDS_BY_EXTENSION)


def max_file_size() -> int:
    return getattr(settings, "LEARNING_MAX_FILE_SIZE", DEFAULT_MAX_FILE_SIZE)


def accepted_kinds_text() -> str:
    return _(
        "PDF, Word (DOCX), PowerPoint (PPTX), Excel (XLSX), OpenDocument text (ODT) and "
        "images (PNG, JPEG, GIF, WebP)"
    )


def _head(upload, n: int = 16) -> bytes:
    upload.seek(0)
    head = upload.read(n)
    upload.seek(0)
    return head


def _zip_names(upload) -> set[str] | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    finally:
        upload.seek(0)
    return names | ({f"mimetype:{mimetype.decode('ascii', 'replace').strip()}"})


def _content_matches(kind: FileKind, upload) -> bool:
    head = _head(upload)
    if kind is PDF:
        return head.startswith(b"%PDF-")
    if kind is PNG:
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if kind is JPEG:
        return head.startswith(b"\xff\xd8\xff")
    if kind is GIF:
        return head.startswith((b"GIF87a", b"GIF89a"))
    if kind is WEBP:
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if not head.startswith(b"PK\x03\x04"):
        return False
    names = _zip_names(upload)
    if names is None:
        return False
    if kind is ODT:
        return f"mimetype:{ODT.content_type}" in names
    main = OOXML_MAIN_PART[kind.extension]
    return "[Content_Types].xml" in names and any(name.startswith(main) for name in names)


def inspect_upload(upload) -> FileKind:
    """The kind of an uploaded file, or ApplicationError (field "file") with a message that
    names the file and says what is accepted. Reads the file; leaves it at its start."""
    name = upload.name or ""
    if upload.size == 0:
        raise ApplicationError(
            _("The file %(name)s is empty.") % {"name": name}, code="empty_file", field="file"
        )
    if upload.size > max_file_size():
        raise ApplicationError(
            _(
                "The file %(name)s is %(size)s. The largest file the library accepts is "
                "%(max)s: make it smaller (for example by saving images at a lower "
                "resolution) and try again."
            )
            % {
                "name": name,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(max_file_size()),
            },
            code="file_too_large",
            field="file",
        )
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    kind = KINDS_BY_EXTENSION.get(extension)
    if kind is None:
        raise ApplicationError(
            _("The file %(name)s is not of a kind the library accepts. Accepted: %(kinds)s.")
            % {"name": name, "kinds": accepted_kinds_text()},
            code="file_type_not_accepted",
            field="file",
        )
    if not _content_matches(kind, upload):
        raise ApplicationError(
            _(
                "The file %(name)s is named as %(kind)s but its content is not. Save it again "
                "as %(kind)s and try again."
            )
            % {"name": name, "kind": kind.label},
            code="file_content_mismatch",
            field="file",
        )
    return kind
