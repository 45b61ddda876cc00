"""An organisation's open needs and offers, as a section of its page in the register
(actors.selectors.ORGANISATION_PAGE)."""

from django.utils.translation import gettext as _

from samverkan.core.registry import first_and_total
from samverkan.matching.selectors import valid_postings


def organisation_postings(organisation, user, can_edit: bool) -> dict | None:
    """The organisation's open, valid needs and offers (public, as on the list), newest first:
    one query."""
    postings, total = first_and_total(
        valid_postings(None)
        .filter(organisation=organisation)
        .select_related("agreement")
        .order_by("-created_at", "-pk")
    )
    if not total:
        return None
    return {
        "key": "postings",
        "heading": _("Needs and offers"),
        "total": total,
        "postings": postings,
    }
