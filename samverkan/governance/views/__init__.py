"""Pages of bodies, meetings and decisions. Every view receives the agreement's slug as
`agreement`; an object of another agreement, or an unpublished meeting someone may not see,
answers 404."""

from samverkan.governance.feeds import decisions_feed
from samverkan.governance.views.manage import (
    adjust,
    agenda_item_new,
    attendance,
    decision,
    meeting_new,
    paragraph_new,
    statement_new,
)
from samverkan.governance.views.public import bodies, body, decisions, meeting, minutes_pdf

__all__ = [
    "adjust",
    "agenda_item_new",
    "attendance",
    "bodies",
    "body",
    "decision",
    "decisions",
    "decisions_feed",
    "meeting",
    "meeting_new",
    "minutes_pdf",
    "paragraph_new",
    "statement_new",
]
