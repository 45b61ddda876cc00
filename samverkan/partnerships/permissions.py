"""Who may do what with collaborations and IOP agreements: each check returns (allowed, reason).

The rules:
- Anyone reads the public mapping and the public fields of an IOP agreement.
- Record a collaboration: a coordinator, or a confirmed representative of any organisation
  (an ombud of a non-profit, a tjänsteperson of an administration). A representative records it
  with one of their own organisations as a party, so they can keep it up to date.
- Edit a collaboration, add and remove its parties, end it: a coordinator, or a confirmed
  representative of one of its parties. A representative of another organisation may not.
- Create and edit an IOP agreement, upload its documents, write follow-ups, read its documents,
  follow-ups and internal note: the same people as edit the collaboration.
- Confirm or withdraw a condition of an IOP's checklist, and mark the agreement signed: a
  coordinator, or a confirmed representative of a *city party* (an organisation of the
  municipal sector that is a party of the collaboration). The conditions concern the city's
  obligations (public procurement, state aid, general interest under the Local Government
  Act): the city answers for them, so the non-profit party's representatives cannot confirm
  them on its behalf, and a tjänsteperson of an administration that is not a party cannot
  either.

Views, templates (through the page data of selectors.py), the admin and the services all ask
these functions; the services through `core.permissions.require`.
"""

from django.utils.translation import gettext as _

from samverkan.accounts.roles import is_coordinator
from samverkan.actors.models import Sector
from samverkan.actors.permissions import represented_organisation_ids


def _member(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def _party_organisations(collaboration) -> list:
    """The parties' organisations, from the prefetched parties when the page has them."""
    return [party.organisation for party in collaboration.parties.all()]


def represents_party(user, collaboration, *, city_only: bool = False) -> bool:
    own = represented_organisation_ids(user)
    if not own:
        return False
    if collaboration.pk is None:
        return False
    if city_only:
        return any(
            org.pk in own and org.sector == Sector.MUNICIPALITY
            for org in _party_organisations(collaboration)
        )
    return any(party.organisation_id in own for party in collaboration.parties.all())


def can_create_collaboration(user, organisations=None) -> tuple[bool, str]:
    """Record a collaboration; with `organisations` (the parties, or their ids), one of them
    must be an organisation the person represents, unless they are a coordinator."""
    if not _member(user):
        return False, _("Log in to record a collaboration.")
    if is_coordinator(user):
        return True, ""
    own = represented_organisation_ids(user)
    if not own:
        return False, _(
            "Only the coordinators and confirmed representatives of an organisation record "
            "collaborations."
        )
    if organisations is not None and not own & {getattr(o, "pk", o) for o in organisations}:
        return False, _("One of the parties must be an organisation you represent.")
    return True, ""


def lead_choices(user, organisations):
    """The organisations a person may name as the lead of a new collaboration: any for a
    coordinator, else those they represent."""
    if is_coordinator(user):
        return organisations
    return organisations.filter(pk__in=represented_organisation_ids(user))


def can_edit_collaboration(user, collaboration) -> tuple[bool, str]:
    if not _member(user):
        return False, _("Log in to edit a collaboration.")
    if is_coordinator(user) or represents_party(user, collaboration):
        return True, ""
    return False, _(
        "Only the coordinators and the representatives of the collaboration's parties may "
        "change it."
    )


def can_manage_parties(user, collaboration) -> tuple[bool, str]:
    return can_edit_collaboration(user, collaboration)


def can_end_collaboration(user, collaboration) -> tuple[bool, str]:
    allowed, reason = can_edit_collaboration(user, collaboration)
    if not allowed:
        return allowed, reason
    if collaboration.status == collaboration.Status.ENDED:
        return False, _("The collaboration has already ended.")
    return True, ""


def can_view_collaboration(user, collaboration) -> tuple[bool, str]:
    if collaboration.is_public:
        return True, ""
    return can_edit_collaboration(user, collaboration)


def can_manage_iop(user, collaboration) -> tuple[bool, str]:
    """Create and edit the IOP agreement, its documents and follow-ups; read what is internal."""
    if not _member(user):
        return False, _("Log in to work on an IOP agreement.")
    if is_coordinator(user) or represents_party(user, collaboration):
        return True, ""
    return False, _(
        "Only the coordinators and the representatives of the parties work on the IOP agreement."
    )


def can_confirm_conditions(user, collaboration) -> tuple[bool, str]:
    """Confirm or withdraw a condition of the checklist, and mark the agreement signed."""
    if not _member(user):
        return False, _("Log in to confirm the conditions of an IOP agreement.")
    if is_coordinator(user) or represents_party(user, collaboration, city_only=True):
        return True, ""
    return False, _(
        "Only a coordinator or a representative of the city's party confirms the conditions "
        "of an IOP agreement and marks it signed."
    )
