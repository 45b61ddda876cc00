"""Pages of events. Every view receives the agreement's slug as `agreement`; an object of
another agreement answers 404."""

from samverkan.events.views.feeds import agreement_ics, area_ics, personal_ics, upcoming_feed
from samverkan.events.views.manage import (
    document,
    document_delete,
    documents,
    event_cancel,
    event_edit,
    event_new,
    event_publish,
    participants,
    quota_delete,
    quota_new,
    session_delete,
    session_new,
)
from samverkan.events.views.public import calendar_list, calendar_month, event_detail, figures
from samverkan.events.views.registration import cancel, mine, register, renew_calendar_link

__all__ = [
    "agreement_ics",
    "area_ics",
    "calendar_list",
    "calendar_month",
    "cancel",
    "document",
    "document_delete",
    "documents",
    "event_cancel",
    "event_detail",
    "event_edit",
    "event_new",
    "event_publish",
    "figures",
    "mine",
    "participants",
    "personal_ics",
    "quota_delete",
    "quota_new",
    "register",
    "renew_calendar_link",
    "session_delete",
    "session_new",
    "upcoming_feed",
]
