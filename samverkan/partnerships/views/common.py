from django.shortcuts import get_object_or_404, render

from samverkan.agreements.models import Agreement


def get_agreement(slug: str) -> Agreement:
    return get_object_or_404(Agreement, slug=slug)


def forbidden(request, reason: str):
    return render(request, "core/forbidden.html", {"reason": reason}, status=403)
