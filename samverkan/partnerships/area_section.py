"""The running collaborations of a priority area, as a section of the area's page."""

from django.db.models import Q
from django.utils import timezone

from samverkan.core.registry import first_and_total
from samverkan.partnerships.models import Collaboration

LIMIT = 8


def area_collaborations(area, user) -> dict:
    """The area's public collaborations that run today, newest first, and how many there are:
    one query (core.registry.first_and_total). A collaboration still marked running after its
    end date, or before its start, is not listed: the section says what goes on now."""
    today = timezone.localdate()
    running = Collaboration.objects.filter(
        Q(starts_on__isnull=True) | Q(starts_on__lte=today),
        Q(ends_on__isnull=True) | Q(ends_on__gte=today),
        areas=area,
        is_public=True,
        status=Collaboration.Status.RUNNING,
    )
    collaborations, count = first_and_total(
        running.select_related("agreement").order_by("-starts_on", "title"), LIMIT
    )
    return {
        "collaborations": collaborations,
        "collaboration_count": count,
        "agreement": area.agreement,
    }
