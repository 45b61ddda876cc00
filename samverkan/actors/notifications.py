"""E-mails about representation, sent after the transaction that caused them commits.

Services call these explicitly (no signals), so a rolled-back change never sends mail.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from samverkan.accounts.roles import COORDINATOR
from samverkan.actors.models import Representation
from samverkan.core.links import site_url


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


def _send(template: str, recipients: list[str], context: dict) -> None:
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {**context, "site_url": site_url()}
        subject = render_to_string(f"actors/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"actors/email/{template}.txt", context)
    messages = [(subject, body, None, [email]) for email in recipients]
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))


def representation_requested(representation: Representation) -> None:
    _send(
        "representation_requested",
        _deciders(representation),
        {"representation": representation, "url": reverse("core:dashboard")},
    )


def representation_decided(representation: Representation) -> None:
    _send(
        "representation_decided",
        [representation.user.email],
        {
            "representation": representation,
            "url": representation.organisation.get_absolute_url(),
        },
    )
