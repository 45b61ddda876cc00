"""Every e-mail the platform sends goes through notify(): rendered now, delivered by the worker.

    notify(to=[user.email], template="events/email/promoted", context={"event": event})

renders `events/email/promoted_subject.txt` and `events/email/promoted.txt` in the site's
language, stores one EmailDelivery per address in the current transaction and, after that
transaction commits, puts its delivery on the task queue (core/tasks.py). A rolled-back change
sends nothing, and a request never waits for (or fails with) the SMTP server: the worker
delivers, retries with back-off (settings.EMAIL_RETRY_DELAYS) and leaves what failed in the
admin's list of e-mail deliveries.

What concerns one person's own things (their seat, their booking, a request they are to decide)
goes through notify_person(): a Notification on their Notices page (/mina-sidor/notiser/) in the
same transaction, and the e-mail through notify() when a template is given.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation

from samverkan.core.links import site_url
from samverkan.core.models import EmailDelivery, Notification
from samverkan.core.tasks import deliver_email


def notify(
    *,
    to,
    template: str = "",
    context: dict | None = None,
    subject: str = "",
    body: str = "",
    html_body: str = "",
    from_email: str = "",
    headers: dict | None = None,
) -> list[EmailDelivery]:
    """Queue one e-mail to each address in `to` (empty addresses are left out): from
    `template` (+ `_subject.txt` and `.txt`) with `context`, or from `subject` and `body` as
    given. Returns the deliveries, which the worker sends once the transaction commits."""
    recipients = sorted({address for address in to if address})
    if not recipients:
        return []
    if template:
        with translation.override(settings.LANGUAGE_CODE):
            context = {**(context or {}), "site_url": site_url()}
            subject = render_to_string(f"{template}_subject.txt", context).strip()
            body = render_to_string(f"{template}.txt", context)
    # A header cannot hold a line break (an address or a title typed into a form could).
    subject = " ".join(subject.split())
    deliveries = EmailDelivery.objects.bulk_create(
        EmailDelivery(
            to=address,
            from_email=from_email or settings.DEFAULT_FROM_EMAIL,
            subject=subject,
            body=body,
            html_body=html_body,
            headers=headers or {},
        )
        for address in recipients
    )
    ids = [delivery.pk for delivery in deliveries]
    transaction.on_commit(lambda: _enqueue(ids))
    return deliveries


def notify_person(
    *, user, kind: str, title, url: str, email_template: str = "", context: dict | None = None
) -> Notification:
    """Tell `user` about something of theirs: a Notification (unread) in the current transaction,
    so a rolled-back change leaves none, and, given `email_template`, the e-mail as notify()
    queues it. `title` is a lazy text (gettext_lazy, format_lazy), kept as rendered in every
    language of the site; `kind` a short stable code (waitlist_promoted …)."""
    titles = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            titles[language] = str(title)[:300]
    notification = Notification.objects.create(
        recipient=user,
        kind=kind,
        title=titles.get(settings.LANGUAGE_CODE) or next(iter(titles.values())),
        titles=titles,
        url=url,
    )
    if email_template:
        notify(to=[user.email], template=email_template, context=context)
    return notification


def notifications_of(user) -> QuerySet:
    """The person's notifications, newest first."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-id")


def unread_count(user) -> int:
    """How many of the person's notifications are unread: one query on the inbox index."""
    return Notification.objects.unread().filter(recipient=user).count()


def mark_read(*, user, pk: int) -> bool:
    """Mark the person's notification `pk` as read. False when it is not theirs (or not there):
    the view answers 404, as for any object of another person."""
    mine = Notification.objects.filter(recipient=user, pk=pk)
    if not mine.exists():
        return False
    mine.filter(read_at__isnull=True).update(read_at=timezone.now())
    return True


def mark_all_read(*, user) -> int:
    """Mark every unread notification of the person as read; how many were."""
    return Notification.objects.unread().filter(recipient=user).update(read_at=timezone.now())


def notify_message(message: EmailMessage) -> list[EmailDelivery]:
    """Queue an EmailMessage built elsewhere (allauth renders its own) to each recipient."""
    alternatives = getattr(message, "alternatives", [])
    html = next((content for content, mimetype in alternatives if mimetype == "text/html"), "")
    return notify(
        to=[*message.to, *message.cc, *message.bcc],
        subject=message.subject,
        body=message.body,
        html_body=html,
        from_email=message.from_email,
        headers={key: str(value) for key, value in (message.extra_headers or {}).items()},
    )


def _enqueue(ids: list[int]) -> None:
    for pk in ids:
        deliver_email.enqueue(pk)
