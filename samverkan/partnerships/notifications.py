"""E-mails about collaborations and IOP agreements, sent after the transaction commits.

Services call these explicitly (no signals), so a rolled-back change never sends mail.
"""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from samverkan.actors.models import Representation
from samverkan.core.links import site_url


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


def _send(template: str, recipients: list[str], context: dict) -> None:
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {**context, "site_url": site_url()}
        subject = render_to_string(f"partnerships/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"partnerships/email/{template}.txt", context)
    messages = [(subject, body, None, [email]) for email in recipients]
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))


def collaboration_recorded(collaboration, *, by) -> None:
    """Tell the parties' representatives that their organisation is in a new collaboration
    (not the person who recorded it)."""
    if collaboration.is_demo:
        return
    _send(
        "collaboration_recorded",
        _party_representatives(collaboration, exclude=by),
        {"collaboration": collaboration, "url": collaboration.get_absolute_url()},
    )


def iop_signed(iop, *, by) -> None:
    collaboration = iop.collaboration
    if collaboration.is_demo:
        return
    _send(
        "iop_signed",
        _party_representatives(collaboration, exclude=by),
        {"iop": iop, "collaboration": collaboration, "url": iop.get_absolute_url()},
    )
