"""The query budget of every page: how many SQL queries one request may make.

`SITEMAP` has one entry per kind of page in /sitemap.xml (its URL name); a kind of page in the
sitemap without an entry here fails `test_every_kind_of_page_in_the_sitemap_has_a_budget`,
which prints the line to add. `PAGES` are pages outside the sitemap: the logged-in pages, forms,
feeds, exports and the API, each with the address it is measured at in the data set of
`tests/budgets/data.py`. `DASHBOARD` is My pages for each kind of person. This is the one place
where the project pins query counts; test_query_budgets.py asserts them (My pages:
test_dashboard_budget.py, on a data set of its own).

A budget is per role: `anonymous`, `member` (a confirmed representative of an association: an
ombud, the usual logged-in person) and `coordinator`; None where that role is not measured (the
page sends it to the login or refuses it, or does not read the session: feeds and the API). A
logged-in request costs 2 to 4 queries more than an anonymous one: the user, the number of their
unread notifications beside "My pages" in the header (site/layout.py; on My pages its block
counts them once for both), often whether they are a coordinator and their organisations (the
session is read from the cache: cached_db). The
counts are the same on SQLite and PostgreSQL, and are counted on a client's first request (a
returning person: their personal calendar link exists already).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from tests.budgets.data import SLUG, Data


@dataclass(frozen=True)
class Budget:
    anonymous: int | None
    member: int | None = None
    coordinator: int | None = None

    def of(self, role: str) -> int | None:
        return getattr(self, role)


@dataclass(frozen=True)
class Page:
    url: Callable[[Data], str]
    budget: Budget


ROLES = ("anonymous", "member", "coordinator")


def _in(name: str, **kwargs) -> Callable[[Data], str]:
    """A page of the agreement; callables in kwargs are given the data set."""

    def url(data: Data) -> str:
        resolved = {k: v(data) if callable(v) else v for k, v in kwargs.items()}
        return reverse(name, kwargs={"agreement": SLUG, **resolved})

    return url


def _path(path: str) -> Callable[[Data], str]:
    return lambda _data: path


# The kinds of page in /sitemap.xml, by URL name. Budget(anonymous, member, coordinator).
SITEMAP: dict[str, Budget] = {
    # The agreement; then one query per block of START_PAGE (core/registry.py): the focus
    # areas, the next events, the newest needs, the newest offers, the calls closing soon, the
    # register's count.
    "site:home": Budget(7, 9, 9),
    "core:accessibility": Budget(0, 2, 2),
    "core:privacy": Budget(0, 2, 2),
    "core:designsystem": Budget(0, 2, 2),
    "agreements:detail": Budget(1, 3, 3),
    "api-info": Budget(0, 2, 2),
    # allauth's forms; a logged-in person is sent on from login and signup.
    "account_login": Budget(1),
    "account_signup": Budget(1),
    "account_reset_password": Budget(0, 2, 2),
    # Filter choices (2), count, page, districts, areas.
    "actors:register": Budget(6, 8, 8),
    # The organisation, districts, areas, umbrellas, members, parts; logged in: + who may edit,
    # and the representations and requests (with the person's own among them) for those who may,
    # the person's own request for the others. The other apps' sections: collaborations (and
    # the agreement their "all" link leads to), IOP agreements, coming and past events, postings.
    "actors:organisation": Budget(12, 17, 16),
    "areas:list": Budget(4, 7, 7),
    # The agreement, the area, goals, hostings, phases, focus areas; the coming events; the
    # running collaborations with their count (one query).
    "areas:detail": Budget(8, 11, 11),
    "areas:focus_areas": Budget(5, 7, 7),
    "areas:proposal": Budget(3, 7, 7),
    "governance:bodies": Budget(2, 4, 4),
    "governance:body": Budget(4, 8, 7),
    "governance:meeting": Budget(7, 10, 10),
    "governance:decisions": Budget(3, 5, 5),
    "plans:list": Budget(2, 4, 4),
    "plans:detail": Budget(3, 6, 6),
    "plans:follow_up": Budget(3, 6, 6),
    "events:calendar": Budget(7, 11, 10),
    "events:month": Budget(6, 8, 8),
    # The agreement; the year's totals (events and registrations by kind, the years: kept for
    # everyone with the page cache on); one page of events and their counts. Was 4: every event
    # of the year and its counts, thousands of rows.
    "events:figures_current": Budget(6, 8, 8),
    "events:figures": Budget(6, 8, 8),
    "events:event": Budget(8, 13, 13),
    "venues:list": Budget(3, 5, 5),
    "venues:venue": Budget(5, 7, 7),
    "venues:figures": Budget(6, 8, 8),
    "venues:room": Budget(5, 9, 8),  # logged in: may they book (their free slots are links)?
    "learning:library": Budget(5, 8, 8),
    "learning:topic": Budget(5, 8, 8),
    "learning:material": Budget(5, 8, 8),
    "learning:courses": Budget(2, 6, 6),
    "learning:course": Budget(4, 9, 9),
    "learning:module": Budget(4, 9, 9),
    "partnerships:list": Budget(10, 14, 13),
    "partnerships:figures": Budget(6, 8, 8),
    # The funding calls that fit read their areas and districts only when one fits (none here).
    "partnerships:detail": Budget(7, 11, 10),
    "partnerships:iop": Budget(4, 10, 9),
    "matching:needs": Budget(7, 11, 11),
    "matching:offers": Budget(7, 11, 11),
    # The posting and its suggestions: term statistics, scoring, the candidates (loaded whole),
    # their shared areas and districts (one query) and words; the funding calls that fit.
    "matching:detail": Budget(13, 17, 17),
    "funding:list": Budget(7, 10, 10),
    "funding:call": Budget(4, 8, 8),
    "funding:funders": Budget(2, 5, 5),
    "funding:budget": Budget(3, 6, 6),
    # A coordinator also sees the expense lines.
    "funding:budget_year": Budget(3, 6, 7),
    "reports:list": Budget(2, 5, 5),
    # A published report is read from its stored snapshot.
    "reports:detail": Budget(1, 4, 4),
}

LOGGED_IN = None  # anonymous visitors are sent to the login page
PAGES: dict[str, Page] = {
    # My pages and the lists of a logged-in person.
    # The roles, then one query per block (DASHBOARD below measures every role).
    "site:dashboard": Page(_path("/mina-sidor/"), Budget(LOGGED_IN, 11, 15)),
    # The user, the header's unread count, the page's keys with the count, its rows.
    "site:notifications": Page(_path("/mina-sidor/notiser/"), Budget(LOGGED_IN, 3, 3)),
    "events:mine": Page(_in("events:mine"), Budget(LOGGED_IN, 5, 5)),
    "venues:my_bookings": Page(_in("venues:my_bookings"), Budget(LOGGED_IN, 6, 6)),
    "venues:booking": Page(
        _in("venues:booking", pk=lambda d: d.booking.pk), Budget(LOGGED_IN, 6, 5)
    ),
    "learning:my_courses": Page(_in("learning:my_courses"), Budget(LOGGED_IN, 5, 5)),
    # The member represents the organiser.
    "events:participants": Page(
        _in("events:participants", slug=lambda d: d.event.slug), Budget(LOGGED_IN, 7, 6)
    ),
    "matching:list": Page(_in("matching:list"), Budget(7, 11, 11)),
    # Coordinators only (a member is refused).
    "matching:unmatched": Page(_in("matching:unmatched"), Budget(LOGGED_IN, None, 6)),
    "venues:visitors": Page(
        _in("venues:visitors", venue=lambda d: d.venue.slug), Budget(LOGGED_IN, None, 6)
    ),
    # Forms: new event, posting, booking …
    "events:new": Page(_in("events:new"), Budget(LOGGED_IN, 10, 9)),
    "events:edit": Page(_in("events:edit", slug=lambda d: d.event.slug), Budget(LOGGED_IN, 14, 13)),
    # Whether the person is a coordinator (they keep a blank organisation choice); without a
    # blank, Django reads the first organisation to decide on the `required` attribute.
    "matching:new": Page(_in("matching:new"), Budget(LOGGED_IN, 9, 8)),
    "matching:edit": Page(_in("matching:edit", pk=lambda d: d.need.pk), Budget(LOGGED_IN, 10, 9)),
    "venues:book": Page(
        _in("venues:book", venue=lambda d: d.venue.slug, room=lambda d: d.room.slug),
        Budget(LOGGED_IN, 9, 6),
    ),
    "partnerships:new": Page(_in("partnerships:new"), Budget(LOGGED_IN, 9, 8)),
    "partnerships:edit": Page(
        _in("partnerships:edit", slug=lambda d: d.collaboration.slug), Budget(LOGGED_IN, 11, 10)
    ),
    "actors:organisation_new": Page(_path("/organisationer/ny/"), Budget(LOGGED_IN, 5, 5)),
    "actors:organisation_edit": Page(
        lambda d: reverse("actors:organisation_edit", kwargs={"slug": d.club.slug}),
        Budget(LOGGED_IN, 11, 10),
    ),
    "areas:propose": Page(_in("areas:propose"), Budget(LOGGED_IN, 4, 4)),
    "learning:material_new": Page(_in("learning:material_new"), Budget(LOGGED_IN, None, 5)),
    "funding:call_new": Page(_in("funding:call_new"), Budget(LOGGED_IN, None, 7)),
    "governance:meeting_new": Page(
        _in("governance:meeting_new", body=lambda d: d.body.slug), Budget(LOGGED_IN, None, 5)
    ),
    "plans:activity_new": Page(
        _in("plans:activity_new", slug=lambda d: d.plan.slug), Budget(LOGGED_IN, None, 6)
    ),
    "actors:representation_request": Page(
        lambda d: reverse("actors:representation_request", kwargs={"slug": d.city.slug}),
        Budget(LOGGED_IN, 3, 3),
    ),
    "venues:room_day": Page(
        _in(
            "venues:room_day",
            venue=lambda d: d.venue.slug,
            room=lambda d: d.room.slug,
            date=lambda d: d.booking.starts_at.date(),
        ),
        Budget(5, 9, 8),  # logged in: may they book (their free hours are links)?
    ),
    "venues:book_series": Page(
        _in("venues:book_series", venue=lambda d: d.venue.slug, room=lambda d: d.room.slug),
        Budget(LOGGED_IN, 9, 6),
    ),
    "events:documents": Page(
        _in("events:documents", slug=lambda d: d.event.slug), Budget(LOGGED_IN, 7, 6)
    ),
    "events:session_new": Page(
        _in("events:session_new", slug=lambda d: d.event.slug), Budget(LOGGED_IN, 7, 6)
    ),
    "partnerships:parties": Page(
        _in("partnerships:parties", slug=lambda d: d.collaboration.slug), Budget(LOGGED_IN, 8, 7)
    ),
    "partnerships:iop_edit": Page(
        _in("partnerships:iop_edit", slug=lambda d: d.collaboration.slug),
        Budget(LOGGED_IN, 8, 7),
    ),
    # The member is the area's civil-society host's contact person.
    "areas:edit": Page(_in("areas:edit", slug=lambda d: d.area.slug), Budget(LOGGED_IN, 8, 7)),
    "areas:new": Page(_in("areas:new"), Budget(LOGGED_IN, None, 5)),
    "areas:hosting_new": Page(
        _in("areas:hosting_new", slug=lambda d: d.area.slug), Budget(LOGGED_IN, None, 6)
    ),
    "learning:course_new": Page(_in("learning:course_new"), Budget(LOGGED_IN, None, 4)),
    "learning:module_new": Page(
        _in("learning:module_new", slug=lambda d: d.course.slug), Budget(LOGGED_IN, None, 6)
    ),
    "funding:funder_new": Page(_in("funding:funder_new"), Budget(LOGGED_IN, None, 5)),
    "funding:grant_new": Page(_in("funding:grant_new", year=2022), Budget(LOGGED_IN, None, 5)),
    "funding:expense_new": Page(_in("funding:expense_new", year=2022), Budget(LOGGED_IN, None, 5)),
    "governance:attendance": Page(
        _in("governance:attendance", body=lambda d: d.body.slug, pk=lambda d: d.meeting.pk),
        Budget(LOGGED_IN, None, 7),
    ),
    # An event with a seat quota (the sitemap's event has none): + the quotas, their organisations.
    "events:event (quota)": Page(lambda d: d.event_with_quota.get_absolute_url(), Budget(9)),
    # Lists with a search or a filter, and pages of a chosen year (anonymous, as the sitemap's
    # pages without them are measured for every role).
    # Filter choices (2); the matches' keys ranked with their count in one pass, then the page's
    # rows (PostgreSQL; SQLite counts, then reads the page); districts, areas.
    "actors:register?q": Page(_path("/foreningsregistret/?q=förening"), Budget(6)),
    "learning:library?q": Page(
        lambda _d: (
            reverse("learning:library", kwargs={"agreement": SLUG}) + "?q=stöd&amne=medskapande"
        ),
        Budget(5),
    ),
    "plans:follow_up?ar": Page(
        lambda d: reverse("plans:follow_up", args=[SLUG, d.plan.slug]) + "?ar=2020", Budget(3)
    ),
    "partnerships:figures?ar": Page(
        lambda _d: reverse("partnerships:figures", kwargs={"agreement": SLUG}) + "?ar=2021",
        Budget(6),
    ),
    "venues:figures?ar": Page(
        lambda d: (
            reverse("venues:figures", kwargs={"agreement": SLUG, "venue": d.venue.slug})
            + "?ar=2022"
        ),
        Budget(6),
    ),
    # Feeds and exports (no session is read: measured anonymously).
    "events:ics": Page(_in("events:ics"), Budget(3)),
    "events:atom": Page(_in("events:atom"), Budget(2)),
    "governance:decisions_feed": Page(_in("governance:decisions_feed"), Budget(2)),
    "actors:register_csv": Page(_path("/foreningsregistret.csv"), Budget(5)),
    "partnerships:csv": Page(_in("partnerships:csv"), Budget(9)),
    # The API's lists (no session: measured anonymously).
    "api:organisations": Page(_path("/api/v1/organisations"), Budget(4)),
    "api:areas": Page(_path("/api/v1/areas"), Budget(3)),
    "api:focus-areas": Page(_path("/api/v1/focus-areas"), Budget(2)),
    "api:focus-area-proposals": Page(_path("/api/v1/focus-area-proposals"), Budget(3)),
    "api:bodies": Page(_path("/api/v1/bodies"), Budget(1)),
    "api:meetings": Page(_path("/api/v1/meetings"), Budget(2)),
    "api:decisions": Page(_path("/api/v1/decisions"), Budget(2)),
    "api:plans": Page(_path("/api/v1/plans"), Budget(1)),
    "api:plan-activities": Page(_path("/api/v1/plan-activities"), Budget(3)),
    "api:venues": Page(_path("/api/v1/venues"), Budget(2)),
    "api:events": Page(_path("/api/v1/events"), Budget(3)),
    "api:events/figures": Page(
        lambda _d: f"/api/v1/events/figures?year={timezone.localdate().year - 1}", Budget(4)
    ),
    "api:materials": Page(_path("/api/v1/materials"), Budget(4)),
    "api:courses": Page(_path("/api/v1/courses"), Budget(1)),
    "api:collaborations": Page(_path(f"/api/v1/collaborations?agreement={SLUG}"), Budget(6)),
    "api:collaborations/figures": Page(
        _path(f"/api/v1/collaborations/figures?agreement={SLUG}&year=2021"), Budget(5)
    ),
    "api:iop-agreements": Page(_path("/api/v1/iop-agreements"), Budget(3)),
    "api:postings": Page(_path("/api/v1/postings"), Budget(4)),
    "api:funding-calls": Page(_path("/api/v1/funding-calls"), Budget(4)),
    "api:funders": Page(_path("/api/v1/funders"), Budget(1)),
    # The API's single objects.
    "api:organisation": Page(lambda d: f"/api/v1/organisations/{d.club.slug}", Budget(4)),
    "api:area": Page(lambda d: f"/api/v1/areas/{SLUG}/{d.area.slug}", Budget(5)),
    "api:body": Page(lambda d: f"/api/v1/bodies/{SLUG}/{d.body.slug}", Budget(2)),
    "api:meeting": Page(lambda d: f"/api/v1/meetings/{d.meeting.pk}", Budget(5)),
    "api:plan": Page(lambda d: f"/api/v1/plans/{SLUG}/{d.plan.slug}", Budget(2)),
    "api:venue": Page(lambda d: f"/api/v1/venues/{d.venue.slug}", Budget(3)),
    "api:venue-figures": Page(lambda d: f"/api/v1/venues/{d.venue.slug}/figures", Budget(5)),
    "api:room-availability": Page(
        lambda d: f"/api/v1/rooms/{d.venue.slug}/{d.room.slug}/availability", Budget(3)
    ),
    "api:event": Page(lambda d: f"/api/v1/events/{d.event.slug}", Budget(7)),
    "api:material": Page(lambda d: f"/api/v1/materials/{SLUG}/{d.material.slug}", Budget(4)),
    "api:course": Page(lambda d: f"/api/v1/courses/{SLUG}/{d.course.slug}", Budget(4)),
    "api:collaboration": Page(
        lambda d: f"/api/v1/collaborations/{SLUG}/{d.collaboration.slug}", Budget(5)
    ),
    "api:posting": Page(lambda d: f"/api/v1/postings/{d.need.pk}", Budget(3)),
    "api:posting-suggestions": Page(
        lambda d: f"/api/v1/postings/{d.need.pk}/suggestions", Budget(10)
    ),
    "api:funding-call": Page(lambda d: f"/api/v1/funding-calls/{d.call.slug}", Budget(3)),
    "api:budget": Page(_path(f"/api/v1/budget/{SLUG}/2022"), Budget(3)),
}


# My pages (/mina-sidor/) per kind of person, each with something in every block, measured with
# one and with three rounds of registrations, bookings, postings, courses, followed calls,
# requests and coordinator queues (test_dashboard_budget.py). The user, the unread
# notifications (the Notifications block, whose count the header reuses), whether a
# coordinator (the groups), the primary agreement; the person's confirmed and pending
# representations with their organisations (once, for the blocks, the roles and the permission
# checks); then the blocks: requests to confirm (none asked for a person who represents no
# organisation and is no coordinator), registrations, courses, followed calls; with an
# organisation: bookings, postings; a
# coordinator: unmatched postings, proposals, minutes, plan activities, IOP agreements to sign,
# reports. An administrator is a coordinator whose groups are read for the roles only.
DASHBOARD: dict[str, int] = {
    "medlem": 8,
    "ombud": 11,
    "tjansteperson": 11,
    "samordnare": 15,
    "admin": 15,
}
