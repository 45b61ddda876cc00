"""E-mails about representation, sent after the transaction that caused them commits.

Services call these explicitly (no signals), so a rolled-back change never sends mail.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from samverkan.accounts.roles import COORDINATOR
from samverkan.actors.models import Representation
from samverkan.core.notify import notify, notify_person


def _deciders(representation: Representation) -> list:
    """Who can confirm the request: the organisation's representatives, else the coordinators."""
    users = get_user_model().objects.filter(is_active=True).order_by("pk")
    representatives = list(
        users.filter(
            pk__in=Representation.objects.confirmed()
            .filter(organisation=representation.organisation)
            .exclude(user=representation.user)
            .values("user")
        )
    )
    return representatives or list(users.filter(groups__name=COORDINATOR).distinct())


def representation_requested(representation: Representation) -> None:
    """Each person who can decide the request: a notice and the e-mail."""
    url = reverse("site:dashboard")
    title = format_lazy(
        _("New request to represent {organisation}"),
        organisation=representation.organisation.name,
    )
    for decider in _deciders(representation):
        notify_person(
            user=decider,
            kind="representation_request",
            title=title,
            url=url,
            email_template="actors/email/representation_requested",
            context={"representation": representation, "url": url},
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
