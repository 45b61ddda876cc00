from django.shortcuts import get_object_or_404

from samverkan.agreements.models import Agreement
from samverkan.core.cache import cached_value


def get_agreement(slug: str) -> Agreement:
    """The agreement at `slug` in an address, or 404: every app's pages start here."""
    return get_object_or_404(Agreement, slug=slug)


def agreement_filter(slug: str | None) -> Agreement | None:
    """An API list's `agreement` filter: None when not given (every agreement), 404 when the
    slug is unknown, so a typo never silently lists everything."""
    return get_agreement(slug) if slug else None


def primary_agreement() -> Agreement | None:
    """The agreement the start page presents: the one marked primary, else the first.

    The start page, My pages and the menu's short links ask on every request; the answer is
    kept like a fragment (core.cache.cached_value) until the agreements table is written to."""
    return cached_value("primary-agreement", [], find_primary_agreement)


def find_primary_agreement() -> Agreement | None:
    return (
        Agreement.objects.filter(is_primary=True).first()
        or Agreement.objects.order_by("pk").first()
    )
