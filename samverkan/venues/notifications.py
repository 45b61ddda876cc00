"""E-mails about bookings, sent after the transaction that made the booking commits.

Services call these explicitly, so a refused or rolled-back booking never sends mail.
"""

from samverkan.core.notify import notify
from samverkan.core.permissions import person


def _booker_email(obj) -> str:
    return obj.booked_by.email if obj.booked_by_id and obj.booked_by else ""


def booking_confirmed(booking) -> None:
    notify(
        template="venues/email/booking_confirmed",
        to=[_booker_email(booking)],
        context={"booking": booking},
    )


def _cancelled_by_booker(obj, by) -> bool:
    author = person(by)
    return author is not None and obj.booked_by_id == author.pk


def booking_cancelled(booking, *, by) -> None:
    """Tell the person who booked, unless they cancelled it themselves."""
    if _cancelled_by_booker(booking, by):
        return
    notify(
        template="venues/email/booking_cancelled",
        to=[_booker_email(booking)],
        context={"booking": booking},
    )


def series_confirmed(series, plan) -> None:
    notify(
        template="venues/email/series_confirmed",
        to=[_booker_email(series)],
        context={"series": series, "plan": plan},
    )


def series_cancelled(series, *, count: int, by) -> None:
    if _cancelled_by_booker(series, by):
        return
    notify(
        template="venues/email/series_cancelled",
        to=[_booker_email(series)],
        context={"series": series, "count": count},
    )
