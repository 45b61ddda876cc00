"""The next events, as a block of the start page (core START_PAGE)."""

from django.utils import timezone

from samverkan.events.models import Event

LIMIT = 4


def next_events(agreement, user) -> dict:
    """The agreement's next published events that are not cancelled, soonest first, with the
    room and venue their place names: one query."""
    events = list(
        Event.objects.published()
        .filter(agreement=agreement, ends_at__gte=timezone.now())
        .exclude(status=Event.Status.CANCELLED)
        .select_related("agreement", "room__venue")
        .order_by("starts_at", "pk")[:LIMIT]
    )
    return {"events": events, "agreement": agreement}
