"""Who may do what in the method library and the courses: (allowed, reason).

Everyone reads what is published; the coordinators write, publish and see what is not yet
published; a logged-in person takes a published course and keeps their own progress.
Something unpublished is not there for others: views answer 404, not 403.
"""

from django.utils.translation import gettext as _

from samverkan.accounts.roles import is_coordinator


def _member(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def can_manage_library(user) -> tuple[bool, str]:
    if is_coordinator(user):
        return True, ""
    return False, _("Only the coordinators add, edit and publish materials of the library.")


def can_read_material(user, material) -> tuple[bool, str]:
    if material.is_published or is_coordinator(user):
        return True, ""
    return False, _("The material is not published.")


def can_manage_courses(user) -> tuple[bool, str]:
    if is_coordinator(user):
        return True, ""
    return False, _("Only the coordinators create and edit courses.")


def can_read_course(user, course) -> tuple[bool, str]:
    if course.is_published or is_coordinator(user):
        return True, ""
    return False, _("The course is not published.")


def can_study(user, course) -> tuple[bool, str]:
    """Start a course and mark its modules done: any logged-in person, on a course they can
    read."""
    if not _member(user):
        return False, _("Log in to take the course and keep track of your progress.")
    return can_read_course(user, course)
