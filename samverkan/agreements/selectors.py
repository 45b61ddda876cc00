from django.shortcuts import get_object_or_404

from samverkan.agreements.models import Agreement


def get_agreement(slug: str) -> Agreement:
    """The agreement at `slug` in an address, or 404: every app's pages start here."""
    return get_object_or_404(Agreement, slug=slug)


def find_agreement(slug: str) -> Agreement | None:
    """The agreement at `slug`, or None (the API answers its own 404)."""
    return Agreement.objects.filter(slug=slug).first()


def primary_agreement() -> Agreement | None:
    """The agreement the start page presents: the one marked primary, else the first."""
    return (
        Agreement.objects.filter(is_primary=True).first()
        or Agreement.objects.order_by("pk").first()
    )
