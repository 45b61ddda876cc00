"""The person's coming events, as a block of My pages (core.registry.DASHBOARD)."""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.core.registry import first_and_total
from samverkan.events.models import Registration


def _places_ahead() -> Coalesce:
    """How many wait before this registration on its event's waiting list (queued_at, pk)."""
    ahead = (
        Registration.objects.filter(event=OuterRef("event"), status=Registration.Status.WAITLISTED)
        .filter(
            Q(queued_at__lt=OuterRef("queued_at"))
            | Q(queued_at=OuterRef("queued_at"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(ahead, output_field=IntegerField()), Value(0))


def my_registrations(viewer) -> dict | None:
    """The person's registrations (a seat or a place on the waiting list) for coming events of
    the agreement, soonest first, with the place in the queue: one query."""
    if viewer.agreement is None:
        return None
    registrations, total = first_and_total(
        Registration.objects.active()
        .filter(
            user=viewer.user,
            event__agreement=viewer.agreement,
            event__ends_at__gte=timezone.now(),
        )
        .select_related("event__agreement")
        .annotate(position=_places_ahead() + 1)
        .order_by("event__starts_at", "pk")
    )
    for registration in registrations:
        registration.is_waiting = registration.status == Registration.Status.WAITLISTED
    return {
        "key": "registrations",
        "heading": _("Your event registrations"),
        "total": total,
        "registrations": registrations,
        "agreement": viewer.agreement,
    }
