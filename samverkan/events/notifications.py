"""E-mails about registrations, sent after the transaction that caused them commits.

Services call these explicitly (no signals), so a rolled-back change never sends mail.
"""

from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from samverkan.core.notify import notify, notify_person


def promoted(registration) -> None:
    """The person got a seat from the waiting list: a notice and the e-mail."""
    event = registration.event
    notify_person(
        user=registration.user,
        kind="waitlist_promoted",
        title=format_lazy(_("You have a seat: {title}"), title=event.title),
        url=event.get_absolute_url(),
        email_template="events/email/promoted",
        context={
            "event": event,
            "url": event.get_absolute_url(),
            "mine_url": reverse("events:mine", kwargs={"agreement": event.agreement.slug}),
        },
    )


def event_cancelled(event, emails: list[str]) -> None:
    notify(
        template="events/email/event_cancelled",
        to=sorted(set(emails)),
        context={"event": event, "url": event.get_absolute_url()},
    )
