"""The events an organisation organises, as a section of its page in the register
(actors.selectors.ORGANISATION_PAGE)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.core.registry import first_and_total
from samverkan.events.models import Event

PAST_LIMIT = 3


def organisation_events(organisation, user, can_edit: bool) -> dict | None:
    """The organisation's published events: the coming ones, soonest first, and the latest
    past ones. Two queries."""
    now = timezone.now()
    events = (
        Event.objects.published()
        .filter(organisers=organisation)
        .exclude(status=Event.Status.CANCELLED)
        .select_related("agreement")
    )
    coming, total = first_and_total(events.filter(ends_at__gte=now).order_by("starts_at", "pk"))
    past = list(events.filter(ends_at__lt=now).order_by("-starts_at", "-pk")[:PAST_LIMIT])
    if not coming and not past:
        return None
    return {
        "key": "events",
        "heading": _("Events"),
        "total": total,
        "coming": coming,
        "past": past,
    }
