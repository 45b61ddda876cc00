"""The permission matrix: every route that changes data, and the answer each role gets to a POST.

The roles (tests/security/world.py): anonymous; member (logged in, no role); representative
(ombud) of organisation A, which owns or takes part in every object the addresses point at;
other_representative, of organisation B; case_officer; coordinator; administrator (superuser).
Case officers have no rights of their own on these pages yet: they answer as members.

Answers (tests/security/client.py): LOGIN (sent to the login page), FORBIDDEN (403),
HIDDEN (404: the app hides what a person may not handle, as its permissions.py says) and OK
(anything but 403/404/405/5xx and the login page: the page, a redirect after success, a 4xx
about the input). A route found by test_permission_matrix.py that changes data and is missing
here fails the test: add it with the answers the app's permissions.py promises.
"""

from tests.security.client import FORBIDDEN, HIDDEN, LOGIN, OK
from tests.security.world import ROLES


def expect(default=FORBIDDEN, *, anonymous=LOGIN, **roles) -> dict[str, str]:
    unknown = set(roles) - set(ROLES)
    assert not unknown, f"Unknown roles {unknown}"
    answers = dict.fromkeys(ROLES, default)
    answers.update(anonymous=anonymous, **roles)
    return answers


STAFF = {"coordinator": OK, "administrator": OK}

# The coordinators (and administrators) only.
COORDINATORS = expect(**STAFF)
# Anyone logged in.
LOGGED_IN = expect(OK)
# Anyone, logged in or not.
EVERYONE = expect(OK, anonymous=OK)
# Organisation A's representatives and the coordinators.
OWNERS = expect(representative=OK, **STAFF)
# The same, but the object is not there for anyone else (404).
OWNERS_HIDDEN = expect(HIDDEN, representative=OK, **STAFF)
# Any confirmed representative (of their own organisation) and the coordinators.
REPRESENTATIVES = expect(representative=OK, other_representative=OK, **STAFF)

MATRIX: dict[str, dict[str, str]] = {
    # core: the accessibility statement's barrier report is open to all (e-mailed, not stored).
    "core:accessibility": EVERYONE,
    "set_language": EVERYONE,
    # site: one's own notifications; another person's answers as if absent.
    "site:notification_read": expect(HIDDEN, representative=OK),
    "site:notifications_read_all": LOGGED_IN,
    # actors
    "actors:organisation_new": LOGGED_IN,
    "actors:organisation_edit": OWNERS,
    "actors:representation_request": LOGGED_IN,
    # Another organisation's requests answer as if absent.
    "actors:representation_decide": OWNERS_HIDDEN,
    # areas: the representative is the contact person of the area's hosting (a host).
    "areas:new": COORDINATORS,
    "areas:edit": OWNERS,
    "areas:phase_change": OWNERS,
    "areas:hosting_new": COORDINATORS,
    "areas:hosting_end": COORDINATORS,
    "areas:propose": LOGGED_IN,
    # The representative made the proposal: no support of one's own proposal.
    "areas:support": expect(OK, representative=FORBIDDEN),
    "areas:withdraw_support": LOGGED_IN,
    "areas:prepare": COORDINATORS,
    # Only the person who made the proposal withdraws it.
    "areas:withdraw": expect(representative=OK),
    # governance: the coordinators keep the minutes.
    "governance:meeting_new": COORDINATORS,
    "governance:agenda_item_new": COORDINATORS,
    "governance:attendance": COORDINATORS,
    "governance:paragraph_new": COORDINATORS,
    "governance:decision": COORDINATORS,
    "governance:statement_new": COORDINATORS,
    "governance:adjust": COORDINATORS,
    # plans
    "plans:activity_new": COORDINATORS,
    "plans:activity_edit": COORDINATORS,
    "plans:activity_status": COORDINATORS,
    "plans:revision_new": COORDINATORS,
    # events: organised by A; any representative creates events for their own organisation.
    "events:new": REPRESENTATIVES,
    "events:register": LOGGED_IN,
    "events:cancel": LOGGED_IN,
    "events:renew_calendar_link": LOGGED_IN,
    "events:edit": OWNERS,
    "events:publish": OWNERS,
    "events:cancel_event": OWNERS,
    "events:session_new": OWNERS,
    "events:session_delete": OWNERS,
    "events:quota_new": OWNERS,
    "events:quota_delete": OWNERS,
    "events:participants": OWNERS,
    "events:documents": OWNERS,
    "events:document_delete": OWNERS,
    # venues: A's booking and series are hidden from everyone else.
    "venues:visitors": COORDINATORS,
    "venues:visitors_import": COORDINATORS,
    "venues:book": REPRESENTATIVES,
    "venues:book_series": REPRESENTATIVES,
    "venues:booking_cancel": OWNERS_HIDDEN,
    "venues:series_cancel": OWNERS_HIDDEN,
    # learning: the coordinators write; anyone logged in studies a published course.
    "learning:material_new": COORDINATORS,
    "learning:material_edit": COORDINATORS,
    "learning:material_publish": COORDINATORS,
    "learning:material_unpublish": COORDINATORS,
    "learning:material_delete": COORDINATORS,
    "learning:file_new": COORDINATORS,
    "learning:file_delete": COORDINATORS,
    "learning:course_new": COORDINATORS,
    "learning:course_edit": COORDINATORS,
    "learning:course_delete": COORDINATORS,
    "learning:module_new": COORDINATORS,
    "learning:module_edit": COORDINATORS,
    "learning:module_delete": COORDINATORS,
    "learning:course_start": LOGGED_IN,
    "learning:module_done": LOGGED_IN,
    "learning:module_undo": LOGGED_IN,
    # partnerships: A leads the collaboration with the city's administration as partner.
    "partnerships:new": REPRESENTATIVES,
    "partnerships:edit": OWNERS,
    "partnerships:parties": OWNERS,
    "partnerships:party_remove": OWNERS,
    "partnerships:end": OWNERS,
    "partnerships:iop_edit": OWNERS,
    "partnerships:iop_document_upload": OWNERS,
    "partnerships:iop_follow_up": OWNERS,
    # The checklist and the signature are the city party's (and the coordinators'): not A's.
    "partnerships:iop_condition": COORDINATORS,
    "partnerships:iop_sign": COORDINATORS,
    # matching: A posted the need, B the offer; each side answers the match for itself.
    "matching:new": REPRESENTATIVES,
    "matching:edit": OWNERS,
    "matching:withdraw": OWNERS,
    "matching:respond": REPRESENTATIVES,
    "matching:match_respond": REPRESENTATIVES,
    "matching:collaborate": REPRESENTATIVES,
    # funding
    "funding:call_new": COORDINATORS,
    "funding:call_edit": COORDINATORS,
    "funding:funder_new": COORDINATORS,
    "funding:funder_edit": COORDINATORS,
    "funding:grant_new": COORDINATORS,
    "funding:expense_new": COORDINATORS,
    "funding:follow": LOGGED_IN,
    # reports: the coordinators write them; a draft is not there for anyone else.
    "reports:new": COORDINATORS,
    "reports:edit": expect(HIDDEN, **STAFF),
    "reports:recompile": expect(HIDDEN, **STAFF),
    "reports:approve": expect(HIDDEN, **STAFF),
    "reports:publish": expect(HIDDEN, **STAFF),
    "reports:reopen": expect(HIDDEN, **STAFF),
    "reports:memo": expect(HIDDEN, **STAFF),
}

# POST data for routes whose view checks the input before the permission (an empty POST would
# be answered "choose an action" to anyone): with it, the permission is what decides.
POST_DATA: dict[str, dict[str, str]] = {
    "matching:respond": {"action": "accept"},
    "matching:match_respond": {"action": "accept"},
}
