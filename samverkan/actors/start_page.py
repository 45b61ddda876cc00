"""The way into the register, as a block of the start page (core START_PAGE)."""

from samverkan.actors.models import Organisation


def register_search(agreement, user) -> dict:
    """How many organisations the register shows: one query."""
    return {"organisation_count": Organisation.objects.public().count()}
