"""Which files the method library accepts: the platform's upload check (samverkan.core.uploads)
with the library's kinds and its larger limit.

A file is accepted when its name ends in one of the accepted extensions, its content is that
format and it is no larger than LEARNING_MAX_FILE_SIZE (20 MB unless the settings say
otherwise). The content type a download answers with comes from here, so a file can never be
served as something else (an HTML page, a script).
"""

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from samverkan.core import uploads
from samverkan.core.exceptions import ApplicationError
from samverkan.core.uploads import DOCX, GIF, JPEG, ODT, PDF, PNG, PPTX, WEBP, XLSX, FileKind

__all__ = ["FileKind", "accepted_kinds_text", "inspect_upload", "max_file_size"]

DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024
KINDS = (PDF, DOCX, PPTX, XLSX, ODT, PNG, JPEG, GIF, WEBP)
KINDS_BY_EXTENSION = uploads.kinds_by_extension(KINDS)
ACCEPT_ATTRIBUTE = uploads.accept_attribute(KINDS)


def max_file_size() -> int:
    return getattr(settings, "LEARNING_MAX_FILE_SIZE", DEFAULT_MAX_FILE_SIZE)


def accepted_kinds_text() -> str:
    return _(
        "PDF, Word (DOCX), PowerPoint (PPTX), Excel (XLSX), OpenDocument text (ODT) and "
        "images (PNG, JPEG, GIF, WebP)"
    )


def inspect_upload(upload) -> FileKind:
    """The kind of an uploaded file, or ApplicationError (field "file") with a message that
    names the file and says what is accepted. Reads the file; leaves it at its start."""
    try:
        return uploads.inspect_upload(
            upload, kinds=KINDS, max_bytes=max_file_size(), accepted=accepted_kinds_text()
        )
    except ApplicationError as error:
        # The check is the platform's; the words for the library's two commonest refusals are
        # the library's own.
        name = upload.name or ""
        if error.code == "file_too_large":
            message = _(
                "The file %(name)s is %(size)s. The largest file the library accepts is "
                "%(max)s: make it smaller (for example by saving images at a lower "
                "resolution) and try again."
            ) % {
                "name": name,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(max_file_size()),
            }
        elif error.code == "file_type_not_accepted":
            message = _(
                "The file %(name)s is not of a kind the library accepts. Accepted: %(kinds)s."
            ) % {"name": name, "kinds": accepted_kinds_text()}
        else:
            raise
        raise ApplicationError(message, code=error.code, field=error.field) from None
