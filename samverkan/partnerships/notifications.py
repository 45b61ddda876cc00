"""E-mails about collaborations and IOP agreements, sent after the transaction commits.

Services call these explicitly (no signals), so a rolled-back change never sends mail.
"""

from samverkan.actors.models import Representation
from samverkan.core.notify import notify


def _party_representatives(collaboration, *, exclude=None) -> list[str]:
    emails = (
        Representation.objects.confirmed()
        .filter(
            organisation__collaboration_parties__collaboration=collaboration,
            user__is_active=True,
        )
        .values_list("user__email", flat=True)
    )
    if exclude is not None and getattr(exclude, "pk", None):
        emails = emails.exclude(user=exclude)
    return sorted(set(emails))


def collaboration_recorded(collaboration, *, by) -> None:
    """Tell the parties' representatives that their organisation is in a new collaboration
    (not the person who recorded it)."""
    if collaboration.is_demo:
        return
    notify(
        template="partnerships/email/collaboration_recorded",
        to=_party_representatives(collaboration, exclude=by),
        context={"collaboration": collaboration, "url": collaboration.get_absolute_url()},
    )


def iop_signed(iop, *, by) -> None:
    collaboration = iop.collaboration
    if collaboration.is_demo:
        return
    notify(
        template="partnerships/email/iop_signed",
        to=_party_representatives(collaboration, exclude=by),
        context={"iop": iop, "collaboration": collaboration, "url": iop.get_absolute_url()},
    )
