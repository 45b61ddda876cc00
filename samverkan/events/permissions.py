"""Who may do what with events: each check returns (allowed, reason).

The coordinators run every event. The confirmed representatives of an event's organisers run
that event: they edit, publish and cancel it, see who registered, mark attendance and attach
documentation. Anyone with a confirmed representation may create an event organised by the
organisations they represent. People's registration data is seen by those who run the event
and by the person themself; the public sees counts.
"""

from django.utils.translation import gettext as _

from samverkan.accounts.roles import is_coordinator
from samverkan.actors.models import Representation
from samverkan.actors.permissions import represented_organisation_ids


def _member(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_organiser(user, event, *, represented: set[int] | None = None) -> bool:
    """A confirmed representative of one of the event's organisers."""
    if not _member(user) or event.pk is None:
        return False
    if represented is None:
        return (
            Representation.objects.confirmed()
            .filter(user=user, organisation__organised_events=event)
            .exists()
        )
    return any(o.pk in represented for o in event.organisers.all())


def can_create_event(user) -> tuple[bool, str]:
    if not _member(user):
        return False, _("Log in to create an event.")
    if is_coordinator(user) or represented_organisation_ids(user):
        return True, ""
    return False, _(
        "Only the coordinators and the confirmed representatives of an organisation create events."
    )


def can_name_organisers(user, organisers) -> tuple[bool, str]:
    """May `user` make these organisations an event's organisers? A coordinator names any; a
    representative must name at least one organisation they represent."""
    if is_coordinator(user):
        return True, ""
    represented = represented_organisation_ids(user)
    if any(o.pk in represented for o in organisers):
        return True, ""
    return False, _("At least one of the organisers must be an organisation you represent.")


def can_manage_event(user, event, *, represented: set[int] | None = None) -> tuple[bool, str]:
    """Edit, publish, cancel; see registrations; mark attendance; attach documentation."""
    if not _member(user):
        return False, _("Log in to manage the event.")
    if is_coordinator(user) or is_organiser(user, event, represented=represented):
        return True, ""
    return False, _("Only the coordinators and the representatives of the organisers may do this.")


def can_view_registrations(user, event, **kwargs) -> tuple[bool, str]:
    allowed, _reason = can_manage_event(user, event, **kwargs)
    if allowed:
        return True, ""
    return False, _(
        "Who registered is seen only by the coordinators and the representatives of the organisers."
    )


def can_register(user) -> tuple[bool, str]:
    if not _member(user):
        return False, _("Log in to register for the event.")
    return True, ""


def can_cancel_registration(user, registration) -> tuple[bool, str]:
    if not _member(user):
        return False, _("Log in to cancel a registration.")
    if registration.user_id == user.pk or can_manage_event(user, registration.event)[0]:
        return True, ""
    return False, _("You can only cancel your own registration.")


def can_view_document(user, document) -> tuple[bool, str]:
    if document.is_public and document.event.is_published:
        return True, ""
    if can_manage_event(user, document.event)[0]:
        return True, ""
    return False, _("The document is seen only by the organisers and the coordinators.")


def can_view_event(user, event) -> tuple[bool, str]:
    """Published events are public; a draft is seen by those who run it."""
    if event.is_published:
        return True, ""
    return can_manage_event(user, event)
