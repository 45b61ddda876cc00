"""E-mails about representation, sent after the transaction that caused them commits.

Services call these explicitly (no signals), so a rolled-back change never sends mail.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse

from samverkan.accounts.roles import COORDINATOR
from samverkan.actors.models import Representation
from samverkan.core.notify import notify


def _deciders(representation: Representation) -> list[str]:
    """Who can confirm the request: the organisation's representatives, else the coordinators."""
    emails = list(
        Representation.objects.confirmed()
        .filter(organisation=representation.organisation, user__is_active=True)
        .exclude(user=representation.user)
        .values_list("user__email", flat=True)
    )
    if not emails:
        emails = list(
            get_user_model()
            .objects.filter(groups__name=COORDINATOR, is_active=True)
            .values_list("email", flat=True)
        )
    return sorted(set(emails))


def representation_requested(representation: Representation) -> None:
    notify(
        template="actors/email/representation_requested",
        to=_deciders(representation),
        context={"representation": representation, "url": reverse("site:dashboard")},
    )


def representation_decided(representation: Representation) -> None:
    notify(
        template="actors/email/representation_decided",
        to=[representation.user.email],
        context={
            "representation": representation,
            "url": representation.organisation.get_absolute_url(),
        },
    )
