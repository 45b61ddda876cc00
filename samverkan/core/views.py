from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samverkan.accounts.roles import role_labels
from samverkan.actors.models import Organisation, Representation
from samverkan.actors.selectors import pending_representations_for
from samverkan.agreements.selectors import primary_agreement


def home(request):
    agreement = primary_agreement()
    return render(
        request,
        "core/home.html",
        {
            "agreement": agreement,
            "organisation_count": Organisation.objects.public().count(),
        },
    )


def accessibility(request):
    return render(request, "core/accessibility.html")


def privacy(request):
    return render(request, "core/privacy.html")


@login_required
def dashboard(request):
    """My pages: the person's roles, organisations and the requests waiting for them."""
    user = request.user
    return render(
        request,
        "core/dashboard.html",
        {
            "roles": role_labels(user),
            "representations": Representation.objects.filter(
                user=user, status__in=["pending", "confirmed"]
            )
            .select_related("organisation")
            .order_by("organisation__name"),
            "to_decide": pending_representations_for(user),
        },
    )


@require_GET
@never_cache
def healthz(request):
    """200 when the database answers, 503 otherwise: for load balancers and monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means unhealthy
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
