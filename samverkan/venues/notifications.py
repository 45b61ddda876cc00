"""E-mails about bookings, sent after the transaction that made the booking commits.

Services call these explicitly, so a refused or rolled-back booking never sends mail.
"""

from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from samverkan.core.formatting import long_date
from samverkan.core.notify import notify, notify_person
from samverkan.core.permissions import person

# The date in the language the notice is read in (notify_person renders the title in each).
_long_date = lazy(long_date, str)


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
    """Tell the person who booked (a notice and the e-mail), unless they cancelled it
    themselves."""
    if _cancelled_by_booker(booking, by) or booking.booked_by is None:
        return
    notify_person(
        user=booking.booked_by,
        kind="booking_cancelled",
        title=format_lazy(
            _("Your booking was cancelled: {room}, {date}"),
            room=booking.room.name,
            date=_long_date(booking.starts_at),
        ),
        url=booking.get_absolute_url(),
        email_template="venues/email/booking_cancelled",
        context={"booking": booking},
    )


def series_confirmed(series, plan) -> None:
    notify(
        template="venues/email/series_confirmed",
        to=[_booker_email(series)],
        context={"series": series, "plan": plan},
    )


def series_cancelled(series, *, count: int, by) -> None:
    """Tell the person who booked the series (a notice and the e-mail), unless they cancelled
    it themselves."""
    if _cancelled_by_booker(series, by) or series.booked_by is None:
        return
    notify_person(
        user=series.booked_by,
        kind="series_cancelled",
        title=format_lazy(_("Your weekly series was cancelled: {room}"), room=series.room.name),
        url=series.get_absolute_url(),
        email_template="venues/email/series_cancelled",
        context={"series": series, "count": count},
    )
