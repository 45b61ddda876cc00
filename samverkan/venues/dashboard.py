"""The coming room bookings of the person's organisations, as a block of My pages."""

from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.actors.dashboard import represented_organisation_ids
from samverkan.core.registry import first_and_total
from samverkan.venues.models import Booking


def my_bookings(viewer) -> dict | None:
    """Coming confirmed bookings of the organisations the person represents, soonest first:
    one query besides the person's organisations (read once for the page). Left out for a
    person who represents no organisation."""
    organisations = represented_organisation_ids(viewer)
    if viewer.agreement is None or not organisations:
        return None
    bookings, total = first_and_total(
        Booking.objects.filter(
            room__venue__agreement=viewer.agreement,
            organisation__in=organisations,
            status=Booking.Status.CONFIRMED,
            ends_at__gt=timezone.now(),
        )
        .select_related("room__venue__agreement", "organisation")
        .order_by("starts_at", "pk")
    )
    return {
        "key": "bookings",
        "heading": _("Your room bookings"),
        "total": total,
        "bookings": bookings,
        "agreement": viewer.agreement,
    }
