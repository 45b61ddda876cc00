from django.shortcuts import get_object_or_404, render

from samverkan.agreements.models import Agreement
from samverkan.core.exceptions import ApplicationError


def get_agreement(slug: str) -> Agreement:
    return get_object_or_404(Agreement, slug=slug)


def forbidden(request, reason: str):
    return render(request, "core/forbidden.html", {"reason": reason}, status=403)


def apply_error(form, error: ApplicationError) -> None:
    """Show a service's refusal at the field it concerns, or above the form."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, str(error.message))
