from django.shortcuts import get_object_or_404, render

from samverkan.agreements.models import Agreement
from samverkan.core.exceptions import ApplicationError

# A service's field name → the form field that shows it.
FIELD_ALIASES = {"first_date": "first_date", "file": "file"}


def get_agreement(slug: str) -> Agreement:
    return get_object_or_404(Agreement, slug=slug)


def forbidden(request, reason: str):
    return render(request, "core/forbidden.html", {"reason": reason}, status=403)


def apply_error(form, error: ApplicationError) -> None:
    """Show a service's refusal at the field it concerns, or above the form."""
    field = FIELD_ALIASES.get(error.field, error.field)
    form.add_error(field if field in form.fields else None, str(error.message))
