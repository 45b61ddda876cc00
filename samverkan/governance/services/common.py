from django.utils.translation import gettext as _

from samverkan.core.exceptions import ConflictError
from samverkan.governance.models import Meeting


def locked_meeting(meeting: Meeting) -> Meeting:
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("body__agreement")
        .get(pk=meeting.pk)
    )


def refuse_if_adjusted(meeting: Meeting) -> None:
    if meeting.status == Meeting.Status.ADJUSTED:
        raise ConflictError(
            _("The minutes of this meeting are checked and can no longer be changed."),
            code="minutes_adjusted",
        )
