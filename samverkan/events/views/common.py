from django.http import Http404
from django.utils.translation import gettext as _

from samverkan.events.models import Event


def get_event(agreement, slug: str) -> Event:
    """An event of the agreement (drafts too: the view checks who may see them)."""
    event = (
        Event.objects.select_related("agreement", "room__venue")
        .filter(agreement=agreement, slug=slug)
        .first()
    )
    if event is None:
        raise Http404(_("There is no event at this address."))
    return event
