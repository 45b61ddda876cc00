from django.http import Http404
from django.utils.translation import gettext as _

from samverkan.governance.models import Meeting


def get_meeting(agreement, body_slug: str, pk: int) -> Meeting:
    meeting = (
        Meeting.objects.filter(body__agreement=agreement, body__slug=body_slug, pk=pk)
        .select_related("body__agreement")
        .first()
    )
    if meeting is None:
        raise Http404(_("There is no meeting at this address."))
    return meeting
