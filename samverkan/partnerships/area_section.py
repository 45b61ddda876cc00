"""The running collaborations of a priority area, as a section of the area's page."""

from samverkan.partnerships.models import Collaboration

LIMIT = 8


def area_collaborations(area, user) -> dict:
    """The area's public running collaborations, newest first, and how many there are: two
    queries."""
    running = Collaboration.objects.filter(
        areas=area, is_public=True, status=Collaboration.Status.RUNNING
    )
    return {
        "collaborations": list(
            running.select_related("agreement").order_by("-starts_on", "title")[:LIMIT]
        ),
        "collaboration_count": running.count(),
        "agreement": area.agreement,
    }
