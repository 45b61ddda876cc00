import datetime
import logging

from allauth.core import ratelimit
from django.conf import settings
from django.contrib import messages
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe

from samverkan.core.forms import BarrierReportForm, render_form
from samverkan.core.middleware import DatabaseUnavailableMiddleware
from samverkan.core.notify import notify

logger = logging.getLogger(__name__)


def accessibility(request):
    """The accessibility statement (lag 2018:1937), with a form to report a barrier.

    A valid report is e-mailed to ACCESSIBILITY_CONTACT_EMAIL; nothing is stored in the database.
    """
    if request.method == "POST":
        form = BarrierReportForm(request.POST)
        # The form e-mails a person: a few reports per address and ten minutes (settings).
        if not ratelimit.consume(request, action="barrier_report"):
            return render(request, "429.html", status=429)
        if form.is_valid():
            notify(
                to=[settings.ACCESSIBILITY_CONTACT_EMAIL],
                subject=f"[Samverkansytan] {_('Accessibility barrier reported')}",
                body=form.as_email_body(),
            )
            messages.success(
                request, _("Thank you. Your report has been sent to our accessibility team.")
            )
            return redirect("core:accessibility")
    else:
        form = BarrierReportForm()
    return render_form(
        request,
        "core/accessibility.html",
        {
            "form": form,
            "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
            "assessed_on": datetime.date(2026, 11, 23),
        },
        form,
    )


@require_safe
def privacy(request):
    return render(request, "core/privacy.html")


@require_GET
@never_cache
def healthz(request):
    """200 when the database answers, 503 (with Retry-After) otherwise: for load balancers and
    monitoring. The failure is logged with its cause; the answer does not show it."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any database failure means unhealthy
        logger.warning("Health check: the database does not answer: %s", exc)
        response = JsonResponse({"status": "error", "database": "unavailable"}, status=503)
        response["Retry-After"] = str(DatabaseUnavailableMiddleware.RETRY_AFTER_SECONDS)
        return response
    return JsonResponse({"status": "ok", "database": "ok"})


def ceiling(request):
    """A fixed short response: the benchmark's measure of what the server and Django can do.

    Routed only when SAMVERKAN_BENCH=1 (samverkan/urls.py), so production has no such URL.
    """
    return HttpResponse(b"ok", content_type="text/plain")
