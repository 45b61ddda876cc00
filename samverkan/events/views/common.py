from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from samverkan.agreements.models import Agreement
from samverkan.events.models import Event


def get_agreement(slug: str) -> Agreement:
    return get_object_or_404(Agreement, slug=slug)


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


def forbidden(request, reason: str):
    return render(request, "core/forbidden.html", {"reason": reason}, status=403)
