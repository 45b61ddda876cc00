"""E-mails about registrations, sent after the transaction that caused them commits.

Services call these explicitly (no signals), so a rolled-back change never sends mail.
"""

from django.urls import reverse

from samverkan.core.notify import notify


def promoted(registration) -> None:
    """The person got a seat from the waiting list."""
    event = registration.event
    notify(
        template="events/email/promoted",
        to=[registration.user.email],
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
