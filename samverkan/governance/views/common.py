from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from samverkan.agreements.models import Agreement
from samverkan.governance.models import Meeting


def get_agreement(slug: str) -> Agreement:
    return get_object_or_404(Agreement, slug=slug)


def forbidden(request, reason: str):
    return render(request, "core/forbidden.html", {"reason": reason}, status=403)


def get_meeting(agreement, body_slug: str, pk: int) -> Meeting:
    meeting = (
        Meeting.objects.filter(body__agreement=agreement, body__slug=body_slug, pk=pk)
        .select_related("body__agreement")
        .first()
    )
    if meeting is None:
        raise Http404(_("There is no meeting at this address."))
    return meeting
