from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from samverkan.core.client_ip import client_ip
from samverkan.core.links import absolute_url, site_domain
from samverkan.core.notify import notify_message

# Where allauth's mails find the addresses they link to (activate_url, password_reset_url …).
LINK_SUFFIX = "_url"
# The session remembers whom the last verification e-mail went to, so that the "sent" page can
# send it again for a person who has just signed up and is not logged in yet.
VERIFICATION_EMAIL_SESSION_KEY = "samverkan_verification_email"


def on_site(url: str) -> str:
    """`url` moved onto SITE_URL: allauth builds links from the request's host."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return absolute_url(path + (f"#{parts.fragment}" if parts.fragment else ""))


class AccountAdapter(DefaultAccountAdapter):
    """Links in e-mails point at SITE_URL (core/links.py), like every other e-mail's."""

    def get_client_ip(self, request):
        """allauth's rate limits (login, sign-up, the accessibility report) count per client as
        core/client_ip.py finds it, behind TRUSTED_PROXY_COUNT proxies."""
        return client_ip(request)

    def get_email_confirmation_url(self, request, emailconfirmation):
        return absolute_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def send_mail(self, template_prefix, email, context):
        context = {
            key: on_site(value) if key.endswith(LINK_SUFFIX) and isinstance(value, str) else value
            for key, value in context.items()
        }
        # allauth's mails greet from "current_site": the platform's name, not the request's host.
        context.setdefault(
            "current_site", SimpleNamespace(name="Samverkansytan", domain=site_domain())
        )
        # allauth renders the message; it leaves through the queue like every other e-mail.
        notify_message(self.render_mail(template_prefix, email, context))

    def send_confirmation_mail(self, request, emailconfirmation, signup):
        super().send_confirmation_mail(request, emailconfirmation, signup)
        if request is not None and hasattr(request, "session"):
            request.session[VERIFICATION_EMAIL_SESSION_KEY] = emailconfirmation.email_address.email
