"""The running collaborations of a priority area, as a section of the area's page."""

from django.db.models import Q
from django.utils import timezone

from samverkan.partnerships.models import Collaboration

LIMIT = 8


def area_collaborations(area, user) -> dict:
    """The area's public collaborations that run today, newest first, and how many there are:
    two queries. A collaboration still marked running after its end date, or before its start,
    is not listed: the section says what goes on now."""
    today = timezone.localdate()
    running = Collaboration.objects.filter(
        Q(starts_on__isnull=True) | Q(starts_on__lte=today),
        Q(ends_on__isnull=True) | Q(ends_on__gte=today),
        areas=area,
        is_public=True,
        status=Collaboration.Status.RUNNING,
    )
    return {
        "collaborations": list(
            running.select_related("agreement").order_by("-starts_on", "title")[:LIMIT]
        ),
        "collaboration_count": running.count(),
        "agreement": area.agreement,
    }
