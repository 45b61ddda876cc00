"""The local demo's outbox: every e-mail kept as a file and readable in the browser (/utkorg/).

In the demo nobody has a real mailbox, yet signing up needs the link in the verification e-mail.
`make run` sets EMAIL_BACKEND to OutboxEmailBackend (var/local.env), which writes each message
to OUTBOX_DIR as an .eml file instead of sending it; core/outbox_views.py lists them. In
production the backend is SMTP and the outbox page answers 404.
"""

import email
import email.policy
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

BACKEND = "samverkan.core.outbox.OutboxEmailBackend"
# A stored message's name: when it was written (so names sort newest last) and a random part.
MESSAGE_ID_RE = re.compile(r"^\d{8}T\d{12}-[0-9a-f]{32}$")
# How many messages the list shows; older ones stay on disk until `make clean`.
LIST_LIMIT = 200


def is_enabled() -> bool:
    return settings.EMAIL_BACKEND == BACKEND


class OutboxEmailBackend(BaseEmailBackend):
    """Writes each message to OUTBOX_DIR/<time>-<random>.eml; sends nothing."""

    def send_messages(self, email_messages) -> int:
        directory = Path(settings.OUTBOX_DIR)
        directory.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            stamp = timezone.now().strftime("%Y%m%dT%H%M%S%f")
            path = directory / f"{stamp}-{uuid.uuid4().hex}.eml"
            path.write_bytes(message.message().as_bytes())
        return len(email_messages)


@dataclass(frozen=True)
class StoredMessage:
    id: str
    subject: str
    sender: str
    recipients: list[str]
    sent_at: datetime | None
    text: str


def _parse(path: Path) -> StoredMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    body = message.get_body(preferencelist=("plain", "html"))
    try:
        sent_at = message["Date"].datetime if message["Date"] else None
    except (AttributeError, TypeError, ValueError):
        sent_at = None
    recipients = [str(value) for header in ("To", "Cc") for value in message.get_all(header, [])]
    return StoredMessage(
        id=path.stem,
        subject=str(message["Subject"] or ""),
        sender=str(message["From"] or ""),
        recipients=recipients,
        sent_at=sent_at,
        text=body.get_content() if body is not None else "",
    )


def stored_messages(limit: int = LIST_LIMIT) -> list[StoredMessage]:
    """The newest `limit` messages, newest first."""
    directory = Path(settings.OUTBOX_DIR)
    if not directory.is_dir():
        return []
    paths = sorted(
        (path for path in directory.glob("*.eml") if MESSAGE_ID_RE.match(path.stem)),
        reverse=True,
    )
    return [_parse(path) for path in paths[:limit]]


def stored_message(message_id: str) -> StoredMessage | None:
    """One message by its id, None when there is no such message (or the id is malformed)."""
    if not MESSAGE_ID_RE.match(message_id):
        return None
    path = Path(settings.OUTBOX_DIR) / f"{message_id}.eml"
    return _parse(path) if path.is_file() else None
