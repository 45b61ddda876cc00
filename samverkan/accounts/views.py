from allauth.account.models import EmailAddress
from allauth.core import ratelimit
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.accounts.adapters import VERIFICATION_EMAIL_SESSION_KEY


@require_POST
def resend_verification(request):
    """ "Send again" on the verification-sent page, for a person who has just signed up.

    The address comes from the session (the adapter notes it when the first e-mail goes out),
    never from the form, so nobody can send mail to another address from here. allauth's own
    limit for verification e-mails (one per address and three minutes) applies.
    """
    email = request.session.get(VERIFICATION_EMAIL_SESSION_KEY)
    address = (
        EmailAddress.objects.filter(email__iexact=email, verified=False).first() if email else None
    )
    if address is None:
        messages.info(
            request,
            _(
                "Log in with your e-mail address and password, and we will send you a new "
                "verification e-mail if your address is not verified yet."
            ),
        )
        return redirect("account_login")
    if not ratelimit.consume(request, action="confirm_email", key=address.email.lower()):
        messages.warning(
            request,
            _(
                "We sent you an e-mail a moment ago. Wait a few minutes for it, and check your "
                "spam folder, before you ask for another."
            ),
        )
        return redirect("account_email_verification_sent")
    address.send_confirmation(request, signup=False)
    sent = _("We have sent a new e-mail to %(email)s.") % {"email": address.email}
    messages.success(request, sent)
    return redirect("account_email_verification_sent")
