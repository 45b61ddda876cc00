"""The person's courses in progress, as a block of My pages (core.registry.DASHBOARD)."""

from django.utils.translation import gettext as _

from samverkan.core.registry import first_and_total
from samverkan.learning.models import CourseModule, Enrolment
from samverkan.learning.selectors import _count, _enrolments_with_done


def my_courses(viewer) -> dict | None:
    """Courses of the agreement the person has started and not completed, latest started first,
    with the modules done of all: one query."""
    if viewer.agreement is None:
        return None
    enrolments = Enrolment.objects.filter(
        user=viewer.user, course__agreement=viewer.agreement, completed_at__isnull=True
    )
    if not viewer.is_coordinator:
        enrolments = enrolments.filter(course__is_published=True)
    enrolments, total = first_and_total(
        _enrolments_with_done(
            enrolments.select_related("course__agreement").annotate(
                module_count=_count(CourseModule, "course", outer="course_id")
            )
        ).order_by("-started_at", "-pk")
    )
    return {
        "key": "courses",
        "heading": _("Your courses in progress"),
        "total": total,
        "enrolments": enrolments,
        "agreement": viewer.agreement,
    }
