"""The coming events of a priority area, as a section of the area's page (areas.selectors)."""

from django.utils import timezone

from samverkan.events.models import Event

LIMIT = 5


def area_events(area, user) -> dict:
    """The area's next published events, soonest first: one query."""
    events = list(
        Event.objects.published()
        .filter(areas=area, ends_at__gte=timezone.now())
        .exclude(status=Event.Status.CANCELLED)
        .select_related("agreement")
        .order_by("starts_at")[:LIMIT]
    )
    return {"events": events, "agreement": area.agreement}
