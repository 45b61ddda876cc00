"""Which documents an IOP agreement accepts: the platform's upload check
(samverkan.core.uploads) with the kinds an agreement's documents come in.

A file is accepted when its name ends in one of the accepted extensions, its content is that
format and it is no larger than UPLOAD_MAX_BYTES. The content type a download answers with comes
from here, so a file can never be served as something else (an HTML page, a script).
"""

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from samverkan.core import uploads
from samverkan.core.uploads import DOCX, ODS, ODT, PDF, XLSX, FileKind

__all__ = ["FileKind", "accepted_text", "inspect_upload"]

KINDS = uploads.kinds_by_extension((PDF, DOCX, XLSX, ODT, ODS))
ACCEPT_ATTRIBUTE = uploads.accept_attribute(KINDS.values())


def accepted_text() -> str:
    return _("PDF, Word (DOCX), Excel (XLSX) or OpenDocument (ODT, ODS), at most %(max)s") % {
        "max": filesizeformat(uploads.upload_max_bytes())
    }


def inspect_upload(upload) -> FileKind:
    """The kind of an uploaded document, or ApplicationError (field "file") saying what is
    accepted. Leaves the file at its start."""
    return uploads.inspect_upload(upload, kinds=KINDS.values(), accepted=accepted_text())
