from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme

from samverkan.agreements.models import Agreement


def get_agreement(slug: str) -> Agreement:
    return get_object_or_404(Agreement, slug=slug)


def forbidden(request, reason: str):
    return render(request, "core/forbidden.html", {"reason": reason}, status=403)


def safe_next(request, default: str) -> str:
    """The `next` address of a form when it is on this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
