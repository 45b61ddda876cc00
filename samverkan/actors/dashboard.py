"""The representation blocks of My pages (core.registry.DASHBOARD)."""

from django.utils.translation import gettext as _

from samverkan.actors import permissions
from samverkan.actors.models import Representation
from samverkan.actors.selectors import pending_representations_for
from samverkan.core.registry import first_and_total


def person_representations(viewer) -> list[Representation]:
    """The person's confirmed and pending representations with their organisations, by name:
    one query per page, shared by the blocks, and the permission checks' answer to which
    organisations the person represents (actors.permissions.remember_represented_organisations),
    so that is not asked again."""
    user = viewer.user
    if not user.is_authenticated:
        return []

    def load() -> list[Representation]:
        representations = list(
            Representation.objects.filter(
                user=user,
                status__in=[Representation.Status.CONFIRMED, Representation.Status.PENDING],
            )
            .select_related("organisation")
            .order_by("organisation__name", "pk")
        )
        confirmed = [r for r in representations if r.status == Representation.Status.CONFIRMED]
        permissions.remember_represented_organisations(user, confirmed)
        return representations

    return viewer.remember("representations", load)


def represented_organisation_ids(viewer) -> list[int]:
    """The organisations the person is a confirmed representative of (person_representations,
    or the permission checks' query when the page did not load them), shared by the blocks that
    list what these organisations have."""
    person_representations(viewer)
    return sorted(permissions.represented_organisation_ids(viewer.user))


def my_representation(viewer) -> dict:
    """The organisations the person represents and the requests they have made
    (person_representations). Left out for a coordinator who represents none."""
    representations = person_representations(viewer)
    if not representations and viewer.is_coordinator:
        return None  # a coordinator's work is in the queues; no need to invite them to ask
    return {
        "key": "representation",
        "heading": _("Your organisations"),
        "total": len(representations),
        "confirmed": [r for r in representations if r.status == Representation.Status.CONFIRMED],
        "pending": [r for r in representations if r.status == Representation.Status.PENDING],
    }


def requests_to_decide(viewer) -> dict | None:
    """Requests to represent that wait for this person: every request for a coordinator, those
    for the person's organisations for a representative. Left out for a person who can confirm
    nobody and has nothing waiting. Two queries."""
    if not viewer.is_coordinator:
        person_representations(viewer)  # the person's organisations, read once for the page
    requests, total = first_and_total(
        pending_representations_for(viewer.user, coordinator=viewer.is_coordinator),
        long=viewer.is_coordinator,  # every request in the platform (4 000 at scale 10)
    )
    if not total and not viewer.is_coordinator:
        return None
    return {
        "key": "requests",
        "heading": _("Requests to represent"),
        "total": total,
        "requests": requests,
    }
