"""What the generator's domains share: the proportions, the marks of generated rows, the
clock, and the context that carries what one domain made to the next."""

import datetime
import random
from collections import defaultdict
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection

from samverkan.actors.models import (
    District,
    InterestArea,
)
from samverkan.agreements.models import Agreement
from samverkan.demo import data

PREFIX = "skala-"
EMAIL_DOMAIN = "skala.example.se"
AGREEMENT_SLUG = "malmoandan"
DEFAULT_SCALE = 10
DEFAULT_SEED = 2018

# Rows per unit of scale (scale 1 = Malmö today).
PER_SCALE = {
    "organisations": 3000,
    "people": 6000,
    "representations": 4000,
    "priority_areas": 10,
    "collaborations": 300,
    "postings": 1500,
    "matches": 150,
    "events": 1000,
    "registrations": 30000,
    "venues": 2,
    "bookings": 3000,
    "bodies": 2,
    "meetings": 40,
    "paragraphs": 400,
    "funders": 10,
    "funding_calls": 100,
    "materials": 50,
    "courses": 2,
    "plan_activities": 100,
}
VISITOR_WEEKS = 52
MEMBERS_PER_BODY = 8
MODULES_PER_COURSE = 5

# What the final table calls each kind of row.
LABELS = {
    "organisations": "Organisationer / organisations",
    "organisation_links": "… områden, intressen, paraplyer / their relations",
    "users": "Personer / people",
    "email_addresses": "Verifierade e-postadresser / verified e-mails",
    "representations": "Ombudskap / representations",
    "priority_areas": "Samhällsutmaningar / priority areas",
    "phase_changes": "Fasbyten / phase changes",
    "hostings": "Värdskap / hostings",
    "collaborations": "Samarbeten / collaborations",
    "collaboration_parties": "Parter i samarbeten / parties",
    "iop_agreements": "IOP-avtal / IOP agreements",
    "postings": "Behov och erbjudanden / needs and offers",
    "posting_terms": "Matchningsindex / index terms",
    "matches": "Matchningar / matches",
    "venues": "Lokaler / venues",
    "rooms": "Rum / rooms",
    "bookings": "Bokningar / bookings",
    "visitor_counts": "Besöksräkningar / visitor counts",
    "events": "Evenemang / events",
    "event_sessions": "Tillfällen / sessions",
    "registrations": "Anmälningar / registrations",
    "bodies": "Organ / bodies",
    "memberships": "Uppdrag i organ / memberships",
    "meetings": "Möten / meetings",
    "agenda_items": "Dagordningspunkter / agenda items",
    "minutes_paragraphs": "Protokollsparagrafer / paragraphs",
    "funders": "Finansiärer / funders",
    "funding_calls": "Utlysningar / funding calls",
    "materials": "Material i metodbanken / materials",
    "courses": "Kurser / courses",
    "course_modules": "Kursmoduler / course modules",
    "plan_activities": "Planens aktiviteter / plan activities",
    "plan_status_changes": "Statusändringar / status changes",
}

TZ = ZoneInfo(settings.TIME_ZONE)


def scaled(kind: str, scale: float) -> int:
    """How many rows of `kind` a scale asks for: in proportion, at least one."""
    return max(1, round(PER_SCALE[kind] * scale))


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=TZ)


def analyse_tables() -> None:
    """Let PostgreSQL's planner know the tables' new sizes (autovacuum may come much later):
    without it, queries right after a bulk load can choose plans for empty tables."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


class Context:
    """What the domains share: the agreement, the scale and seed, lookups, and what earlier
    domains made (organisations, people, who acts for which organisation, areas, rooms)."""

    def __init__(self, *, scale: float, seed: int, today: datetime.date):
        self.scale, self.seed, self.today = scale, seed, today
        self.agreement = Agreement.objects.get(slug=AGREEMENT_SLUG)
        self.districts = list(District.objects.order_by("slug"))
        self.interest_areas = {a.name: a for a in InterestArea.objects.order_by("slug")}
        User = get_user_model()
        self.coordinator_id = (
            User.objects.filter(email="samordnare.ideburen@demo.samverkan.se")
            .values_list("pk", flat=True)
            .first()
        )
        self.password = make_password(data.DEMO_PASSWORD)
        # Filled in by the domains, in order (see DOMAINS).
        self.orgs: list = []
        self.by_sector: dict[str, list] = defaultdict(list)
        self.org_districts: dict[int, list[int]] = {}
        self.users: list = []
        self.representatives: dict[int, list[int]] = defaultdict(list)
        self.home: dict[int, object] = {}
        self.all_areas: list[int] = []
        self.rooms: list = []

    def rng(self, domain: str) -> random.Random:
        # One stream per domain: a change to one domain leaves the others' rows as they were.
        return random.Random(f"{self.seed}:{domain}")  # nosec B311  # demo data, not secrets

    def n(self, kind: str) -> int:
        return scaled(kind, self.scale)

    def days_ago(self, days: int) -> datetime.date:
        return self.today - datetime.timedelta(days=days)

    def ombud(self, rng, org) -> int | None:
        people = self.representatives.get(org.pk)
        return rng.choice(people) if people else None
