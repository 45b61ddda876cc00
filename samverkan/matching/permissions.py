"""Who may do what with needs, offers and matches: each check returns (allowed, reason).

An organisation's ombud (a confirmed representative of a non-profit organisation) or a city
administration's tjänsteperson (a confirmed representative of a municipal organisation) posts
for their organisation; its representatives and the coordinators edit and withdraw. A match is
accepted or declined by each side's representatives for their own side, or by a coordinator
for both. The platform (`core.permissions.SYSTEM`: the demo, imports) answers for both sides.
"""

from django.utils.translation import gettext as _

from samverkan.accounts.roles import is_coordinator
from samverkan.actors.models import Organisation, Representation, Sector
from samverkan.actors.permissions import represents

POSTING_SECTORS = (Sector.CIVIL_SOCIETY, Sector.MUNICIPALITY)


def _member(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def organisations_to_post_for(user):
    """The organisations a person may post for: those they represent, of the two sectors."""
    if not _member(user):
        return Organisation.objects.none()
    if is_coordinator(user):
        return Organisation.objects.filter(sector__in=POSTING_SECTORS)
    ids = Representation.objects.confirmed().filter(user=user).values("organisation_id")
    return Organisation.objects.filter(pk__in=ids, sector__in=POSTING_SECTORS)


def can_post(user, organisation=None) -> tuple[bool, str]:
    if not _member(user):
        return False, _("Log in to post a need or an offer.")
    if organisation is None:
        if organisations_to_post_for(user).exists():
            return True, ""
        return False, _(
            "Only confirmed representatives of a non-profit organisation or a city "
            "administration post needs and offers."
        )
    if organisation.sector not in POSTING_SECTORS:
        return False, _(
            "Needs and offers are posted by non-profit organisations and city administrations."
        )
    if is_coordinator(user) or represents(user, organisation):
        return True, ""
    return False, _("Only the organisation's confirmed representatives may post for it.")


def can_edit(user, posting) -> tuple[bool, str]:
    if not _member(user):
        return False, _("Log in to edit a need or an offer.")
    if is_coordinator(user) or represents(user, posting.organisation):
        return True, ""
    return False, _(
        "Only the organisation's confirmed representatives and the coordinators may change it."
    )


def can_withdraw(user, posting) -> tuple[bool, str]:
    allowed, reason = can_edit(user, posting)
    if not allowed:
        return allowed, reason
    if posting.status != posting.Status.OPEN:
        return False, _("Only an open posting can be withdrawn.")
    return True, ""


def sides_of(user, need, offer) -> set[str]:
    """The sides of a pair that a person answers for: "need", "offer", or both."""
    if getattr(user, "is_system", False):
        return {"need", "offer"}
    if not _member(user):
        return set()
    if is_coordinator(user):
        return {"need", "offer"}
    sides = set()
    if represents(user, need.organisation):
        sides.add("need")
    if represents(user, offer.organisation):
        sides.add("offer")
    return sides


def can_respond(user, need, offer) -> tuple[bool, str]:
    """Accept or decline a pair (a suggestion or a match)."""
    if not _member(user):
        return False, _("Log in to answer a suggested match.")
    if sides_of(user, need, offer):
        return True, ""
    return False, _(
        "Only the two organisations' representatives and the coordinators answer a match."
    )


def can_start_collaboration(user, match) -> tuple[bool, str]:
    """The right to turn a match into a collaboration: a side's representative or a
    coordinator (whether the match is ready is `collaboration_refusal`)."""
    if not _member(user):
        return False, _("Log in to start a collaboration.")
    if not sides_of(user, match.need, match.offer):
        return False, _(
            "Only the two organisations' representatives and the coordinators may start the "
            "collaboration."
        )
    return True, ""


def collaboration_refusal(match) -> str:
    """Why the match cannot become a collaboration now, or "" when it can."""
    if match.status != match.Status.ACCEPTED:
        return _("Both sides must accept the match first.")
    if match.collaboration_id:
        return _("The match has already become a collaboration.")
    return ""


def can_make_collaboration(user, match) -> tuple[bool, str]:
    """May the person turn this match into a collaboration now (the page's button)."""
    allowed, reason = can_start_collaboration(user, match)
    if not allowed:
        return allowed, reason
    reason = collaboration_refusal(match)
    return not reason, reason


def can_see_unmatched(user) -> tuple[bool, str]:
    if is_coordinator(user):
        return True, ""
    return False, _("Only the coordinators see the list of postings without a match.")
