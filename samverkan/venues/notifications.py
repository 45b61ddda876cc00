"""E-mails about bookings, sent after the transaction that made the booking commits.

Services call these explicitly, so a refused or rolled-back booking never sends mail.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from samverkan.core.links import site_url


def _send(template: str, recipient: str, context: dict) -> None:
    if not recipient:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {**context, "site_url": site_url()}
        subject = render_to_string(f"venues/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"venues/email/{template}.txt", context)
    transaction.on_commit(lambda: send_mail(subject, body, None, [recipient], fail_silently=False))


def _booker_email(obj) -> str:
    return obj.booked_by.email if obj.booked_by_id and obj.booked_by else ""


def booking_confirmed(booking) -> None:
    _send("booking_confirmed", _booker_email(booking), {"booking": booking})


def booking_cancelled(booking, *, by) -> None:
    """Tell the person who booked, unless they cancelled it themselves."""
    if by is not None and booking.booked_by_id == getattr(by, "pk", None):
        return
    _send("booking_cancelled", _booker_email(booking), {"booking": booking})


def series_confirmed(series, plan) -> None:
    _send("series_confirmed", _booker_email(series), {"series": series, "plan": plan})


def series_cancelled(series, *, count: int, by) -> None:
    if by is not None and series.booked_by_id == getattr(by, "pk", None):
        return
    _send("series_cancelled", _booker_email(series), {"series": series, "count": count})
