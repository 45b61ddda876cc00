"""What the verification-sent page needs besides allauth's context: the address the e-mail went
to, the demo's outbox (when there is one) and whom to write to when nothing arrives."""

from django import template
from django.conf import settings
from django.urls import reverse

from samverkan.accounts.adapters import VERIFICATION_EMAIL_SESSION_KEY
from samverkan.core import outbox

register = template.Library()


@register.simple_tag(takes_context=True)
def verification_email(context) -> str:
    request = context.get("request")
    session = getattr(request, "session", None)
    return session.get(VERIFICATION_EMAIL_SESSION_KEY, "") if session is not None else ""


@register.simple_tag
def outbox_url() -> str:
    """The outbox page's address in the local demo, "" where e-mail is really sent."""
    return reverse("core:outbox") if outbox.is_enabled() else ""


@register.simple_tag
def support_email() -> str:
    return settings.SUPPORT_EMAIL
