"""E-mails about registrations, sent after the transaction that caused them commits.

Services call these explicitly (no signals), so a rolled-back change never sends mail.
"""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from samverkan.core.links import site_url


def _send(template: str, recipients: list[str], context: dict) -> None:
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {**context, "site_url": site_url()}
        subject = render_to_string(f"events/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"events/email/{template}.txt", context)
    messages = [(subject, body, None, [email]) for email in recipients]
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))


def promoted(registration) -> None:
    """The person got a seat from the waiting list."""
    event = registration.event
    _send(
        "promoted",
        [registration.user.email],
        {
            "event": event,
            "url": event.get_absolute_url(),
            "mine_url": reverse("events:mine", kwargs={"agreement": event.agreement.slug}),
        },
    )


def event_cancelled(event, emails: list[str]) -> None:
    _send("event_cancelled", sorted(set(emails)), {"event": event, "url": event.get_absolute_url()})
