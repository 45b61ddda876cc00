"""The Notices block of My pages (core/registry.py DASHBOARD)."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from samverkan.core.models import Notification
from samverkan.core.registry import first_and_total

# The header's unread count, when the block has read it already on this request (site/layout.py).
UNREAD_ATTRIBUTE = "_unread_notifications"


def unread_notifications(viewer) -> dict:
    """The person's unread notifications, newest first, and how many: one query. The count is
    left on the person for the header, which then asks no more."""
    unread, total = first_and_total(
        Notification.objects.unread().filter(recipient=viewer.user).order_by("-created_at", "-id"),
        limit=3,
    )
    setattr(viewer.user, UNREAD_ATTRIBUTE, total)
    language = translation.get_language()
    for notification in unread:
        notification.shown_title = notification.title_in(language)
    return {
        "key": "notifications",
        "heading": _("Notifications"),
        "total": total,
        "notifications": unread,
    }
