"""The key pages and the visitors of the speed benchmarks (benchmarks/web.py, profile_pages.py).

A key page is one that people open often or that must stay fast as the data grows: the public
pages (start page, register search, an organisation, the calendar, an event, an area, the
collaborations, the figures pages and the API lists) and the pages only logged-in people see
(Mina sidor, my registrations, my bookings, a posting with its suggestions, the unmatched
postings, an event's participants, an annual-report draft). Each is measured for every visitor
who may open it: anonymous (served from the page cache), a representative (ombud) and a
coordinator, demo users the scale data keeps. Needs Django set up on the benchmark's database.
"""

import sys
from dataclasses import dataclass

ANONYMOUS = "anonymous"
OMBUD = "ombud"
COORDINATOR = "coordinator"
VISITORS = (ANONYMOUS, OMBUD, COORDINATOR)
# The demo users (README): the representative of Föreningen Zig Zag and the city's coordinator.
USERS = {
    OMBUD: "ombud@demo.samverkan.se",
    COORDINATOR: "samordnare.stad@demo.samverkan.se",
}
EVERYONE = VISITORS
LOGGED_IN = (OMBUD, COORDINATOR)
COORDINATORS = (COORDINATOR,)
API_LISTS = [
    "organisations",
    "areas",
    "focus-areas",
    "bodies",
    "meetings",
    "decisions",
    "plans",
    "venues",
    "events",
    "courses",
    "materials",
    "collaborations",
    "postings",
    "funding-calls",
]
# The lists whose agreement is a required query parameter (422 without it, as the API page
# shows: "/api/v1/collaborations?agreement={agreement}"): asked for the primary agreement's.
API_LISTS_OF_AN_AGREEMENT = {"collaborations"}


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    visitors: tuple[str, ...] = EVERYONE

    @property
    def public(self) -> bool:
        return ANONYMOUS in self.visitors

    @property
    def uncached_visitor(self) -> str:
        """Who opens the page for the "caches off" column: anonymous where the public may,
        else the first logged-in visitor it is for."""
        return self.visitors[0]


def key_pages() -> list[Page]:
    """Each key page with real objects from the database; exits when the data is missing."""
    from django.db.models import Count
    from django.urls import reverse

    from samverkan.actors.models import Organisation
    from samverkan.agreements.selectors import primary_agreement
    from samverkan.areas.models import PriorityArea
    from samverkan.events.models import Event
    from samverkan.matching.models import Posting
    from samverkan.reports.models import AnnualReport
    from samverkan.venues.models import Venue

    agreement = primary_agreement()
    if agreement is None:
        sys.exit("The database has no agreement: is the data loaded?")
    ag = {"agreement": agreement.slug}
    organisation = (
        Organisation.objects.public().filter(slug="foreningen-zig-zag").first()
        or Organisation.objects.public().order_by("pk").first()
    )
    events = Event.objects.published().filter(agreement=agreement)
    event = events.order_by("-pk").first()
    # The participant list with the most people on it: the page that grows with the data.
    crowded = (
        events.annotate(people=Count("registrations")).order_by("-people", "pk").first()
        if event
        else None
    )
    area = PriorityArea.objects.filter(agreement=agreement).order_by("pk").first()
    posting = (
        Posting.objects.filter(agreement=agreement, organisation=organisation)
        .order_by("pk")
        .first()
    )
    draft = (
        AnnualReport.objects.filter(agreement=agreement, status="draft").order_by("-year").first()
    )
    venue = Venue.objects.filter(agreement=agreement).order_by("pk").first()

    def url(name, **kwargs):
        return reverse(name, kwargs={**ag, **kwargs})

    pages = [
        Page("start page", reverse("site:home")),
        Page("register search", reverse("actors:register") + "?q=idrott"),
        Page("organisation", reverse("actors:organisation", kwargs={"slug": organisation.slug})),
        Page("calendar", url("events:calendar")),
    ]
    if event:
        pages.append(Page("event", url("events:event", slug=event.slug)))
    if area:
        pages.append(Page("area", url("areas:detail", slug=area.slug)))
    pages.append(Page("collaboration list", url("partnerships:list")))
    pages.append(Page("participation figures", url("events:figures_current")))
    pages.append(Page("collaboration figures", url("partnerships:figures")))
    if venue:
        pages.append(Page("venue figures", url("venues:figures", venue=venue.slug)))
    pages += [
        Page("mina sidor", reverse("site:dashboard"), LOGGED_IN),
        Page("my registrations", url("events:mine"), LOGGED_IN),
        Page("my bookings", url("venues:my_bookings"), LOGGED_IN),
    ]
    if posting:
        # Its owner (the ombud's association) and a coordinator see the suggestions.
        suggestions = url("matching:detail", pk=posting.pk)
        pages.append(Page("posting + suggestions", suggestions, LOGGED_IN))
    pages.append(Page("unmatched postings", url("matching:unmatched"), COORDINATORS))
    if crowded:
        pages.append(
            Page("event participants", url("events:participants", slug=crowded.slug), COORDINATORS)
        )
    if draft:
        report = url("reports:detail", year=draft.year)
        pages.append(Page("annual report draft", report, COORDINATORS))
    pages += [
        Page(
            f"api {name}",
            f"/api/v1/{name}"
            + (f"?agreement={agreement.slug}" if name in API_LISTS_OF_AN_AGREEMENT else ""),
        )
        for name in API_LISTS
    ]
    return pages


def users() -> dict:
    """The demo user of each logged-in visitor; exits when one is missing."""
    from django.contrib.auth import get_user_model

    found = {}
    for visitor, email in USERS.items():
        user = get_user_model().objects.filter(email=email, is_active=True).first()
        if user is None:
            sys.exit(f"The demo user {email} ({visitor}) is missing: is the demo loaded?")
        found[visitor] = user
    return found


def session_cookies() -> dict[str, str]:
    """A `Cookie:` header value per logged-in visitor: a session made as a login makes one (the
    password and the login form are not part of what is measured)."""
    from django.conf import settings
    from django.test import Client

    name = settings.SESSION_COOKIE_NAME
    cookies = {}
    for visitor, user in users().items():
        client = Client()
        client.force_login(user)
        cookies[visitor] = f"{name}={client.cookies[name].value}"
    return cookies


def select(pages: list[Page], names: str) -> list[Page]:
    """The pages named in a comma-separated list (as printed); all when it is empty."""
    if not names:
        return pages
    wanted = {name.strip() for name in names.split(",") if name.strip()}
    unknown = wanted - {page.name for page in pages}
    if unknown:
        sys.exit(f"Unknown pages: {', '.join(sorted(unknown))}")
    return [page for page in pages if page.name in wanted]
