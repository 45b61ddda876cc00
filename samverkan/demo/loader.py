"""Writes the Malmöandan demo data of `samverkan.demo.data` into the database.

Every row is looked up by its slug or e-mail first, so a second load creates nothing. Rows that
are already there are left as they are: changes made while trying out the demo survive a reload.
The ~300 generated associations are inserted in bulk, then given their districts, areas of
interest and umbrella organisations, then indexed for search.
"""

import random
import time
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from stdnum import luhn

from samverkan.actors import services
from samverkan.actors.models import (
    District,
    InterestArea,
    LegalForm,
    Organisation,
    Representation,
    Sector,
)
from samverkan.actors.search import reindex_organisation
from samverkan.agreements.models import Agreement
from samverkan.areas import demo as areas_demo
from samverkan.core.models import Notification
from samverkan.core.notify import notify_person
from samverkan.core.slugs import slug_text
from samverkan.demo import data
from samverkan.events import demo as events_demo
from samverkan.events.models import Event
from samverkan.funding import demo as funding_demo
from samverkan.governance import demo as governance_demo
from samverkan.learning import demo as learning_demo
from samverkan.matching import demo as matching_demo
from samverkan.partnerships import demo as partnerships_demo
from samverkan.plans import demo as plans_demo
from samverkan.reports import demo as reports_demo
from samverkan.venues import demo as venues_demo

# First digits of the made-up organisation numbers of generated organisations: 8 for
# non-profit associations and foundations, 7 for economic associations.
_GENERATED_NUMBER_PREFIX = {LegalForm.ECONOMIC_ASSOCIATION: "7696"}
_DEFAULT_NUMBER_PREFIX = "8024"

# What the summary calls each kind of row.
LABELS = {
    "agreements": "Överenskommelser / agreements",
    "districts": "Områden / districts",
    "interest_areas": "Intresseområden / areas of interest",
    "organisations": "Organisationer / organisations",
    "users": "Användare / users",
    "email_addresses": "Verifierade e-postadresser / verified e-mails",
    "representations": "Ombudskap / representations",
    "host_contact_people": "Kontaktpersoner för värdskap / host contact people",
    "priority_areas": "Samhällsutmaningar / priority areas",
    "phase_changes": "Fasbyten / phase changes",
    "hostings": "Värdskap / hostings",
    "focus_areas": "Fokusområden / focus areas",
    "focus_area_proposals": "Förslag till fokusområden / focus-area proposals",
    "proposal_supports": "Stöd för förslag / proposal supports",
    "governance_users": "Ledamöter / body members (people)",
    "bodies": "Organ / bodies",
    "memberships": "Uppdrag i organ / memberships",
    "meetings": "Möten / meetings",
    "minutes_paragraphs": "Protokollsparagrafer / minutes paragraphs",
    "plans": "Samarbetsplaner / plans",
    "plan_activities": "Planens aktiviteter / plan activities",
    "plan_status_changes": "Statusändringar / status changes",
    "plan_revisions": "Revideringar / plan revisions",
    "events": "Evenemang / events",
    "event_sessions": "Tillfällen / event sessions",
    "event_quotas": "Platskvoter / seat quotas",
    "registrations": "Anmälningar / registrations",
    "participant_users": "Deltagare / participants (people)",
    "materials": "Material i metodbanken / materials",
    "courses": "Kurser / courses",
    "course_modules": "Kursmoduler / course modules",
    "course_progress": "Deltagare i kurser / learners",
    "collaboration_organisations": "Organisationer i samarbeten / collaboration organisations",
    "collaborations": "Samarbeten / collaborations",
    "collaboration_parties": "Parter i samarbeten / collaboration parties",
    "iop_agreements": "IOP-avtal / IOP agreements",
    "iop_follow_ups": "Uppföljningar av IOP / IOP follow-ups",
    "postings": "Behov och erbjudanden / needs and offers",
    "matches": "Matchningar / matches",
    "funders": "Finansiärer / funders",
    "funding_calls": "Utlysningar / funding calls",
    "grants": "Bidrag till överenskommelsen / agreement grants",
    "expenses": "Utgifter / expenses",
    "channel_figures": "Siffror för externa kanaler / outside channel figures",
    "annual_reports": "Årsrapporter / annual reports",
}


@dataclass
class Tally:
    created: int = 0
    existing: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"created": self.created, "existing": self.existing}


def organisation_number(first_nine: str) -> str:
    """A valid organisation number (NNNNNN-NNNN) from its first nine digits (Luhn check digit)."""
    digits = first_nine + luhn.calc_check_digit(first_nine)
    return f"{digits[:6]}-{digits[6:]}"


def _genitive(name: str) -> str:
    return name if name[-1] in "sxz" else f"{name}s"


def _blank_spec(**fields) -> dict:
    spec = {
        "organisation_number": "",
        "description": "",
        "email": "",
        "phone": "",
        "website": "",
        "street_address": "",
        "postal_code": "",
        "city": data.CITY,
        "districts": [],
        "interest_areas": [],
        "umbrellas": [],
        "part_of": None,
    }
    spec.update(fields)
    return spec


def _municipal_specs() -> list[dict]:
    town_hall = {"street_address": "August Palms plats 1", "postal_code": "205 80"}
    specs = []
    for name, slug, description in data.COMMITTEES:
        specs.append(
            _blank_spec(
                name=name,
                slug=slug,
                sector=Sector.MUNICIPALITY,
                legal_form=LegalForm.COMMITTEE,
                organisation_number=data.MALMO_STAD_ORGANISATION_NUMBER,
                description=description,
                interest_areas=data.MUNICIPAL_INTEREST_AREAS.get(slug, []),
                **town_hall,
            )
        )
    for name, slug, committee, description in data.ADMINISTRATIONS:
        specs.append(
            _blank_spec(
                name=name,
                slug=slug,
                sector=Sector.MUNICIPALITY,
                legal_form=LegalForm.ADMINISTRATION,
                organisation_number=data.MALMO_STAD_ORGANISATION_NUMBER,
                description=description,
                interest_areas=data.MUNICIPAL_INTEREST_AREAS.get(slug, []),
                email=f"{slug}@example.se",
                website=f"https://malmo.example.org/{slug}",
                part_of=committee,
                **town_hall,
            )
        )
    return specs


def _named_specs() -> list[dict]:
    postal_codes = {name: postal for name, postal, _streets in data.DISTRICTS}
    specs = []
    for entry in data.NAMED_ORGANISATIONS:
        fields = {k: v for k, v in entry.items() if k != "number"}
        fields["organisation_number"] = organisation_number(entry["number"])
        if fields.get("street_address"):
            fields["postal_code"] = postal_codes[entry["districts"][0]]
        specs.append(_blank_spec(**fields))
    return specs


def generated_associations(
    count: int = data.GENERATED_COUNT, *, seed: int = data.GENERATED_SEED, reserved=()
) -> list[dict]:
    """`count` plausible Malmö associations, the same ones for the same seed: the showcase names
    of `data.SHOWCASE_ASSOCIATIONS` first, then names drawn from the categories' patterns.
    Slugs in `reserved` are avoided."""
    rng = random.Random(seed)  # nosec B311  # seeded demo data, no secret
    addresses = {name: (postal, streets) for name, postal, streets in data.DISTRICTS}
    district_names = list(addresses)
    keys = list(data.CATEGORIES)
    weights = [data.CATEGORIES[k]["weight"] for k in keys]
    seen = set(reserved)
    specs: list[dict] = []

    def context(district: str) -> dict:
        nationality, country = rng.choice(data.NATIONALITIES)
        return {
            "d": district,
            "dg": _genitive(district),
            "w": rng.choice(data.NAME_WORDS),
            "n": nationality,
            "nl": nationality.lower(),
            "c": country,
        }

    def add(name: str, district: str, key: str, ctx: dict) -> None:
        slug = slug_text(name)
        if slug in seen:
            return
        seen.add(slug)
        category = data.CATEGORIES[key]
        areas = list(category["interest_areas"][: rng.randint(1, len(category["interest_areas"]))])
        if rng.random() < 0.2:
            extra = rng.choice(data.INTEREST_AREAS)
            if extra not in areas:
                areas.append(extra)
        districts = [district]
        if rng.random() < 0.25:
            other = rng.choice(district_names)
            if other != district:
                districts.append(other)
        umbrella = category["umbrella"]
        share = 0.85 if umbrella == data.MISO else 0.4
        umbrellas = [umbrella] if umbrella and rng.random() < share else []
        description = " ".join(
            [
                rng.choice(category["descriptions"]).format(**ctx),
                *rng.sample(data.GENERAL_SENTENCES, 2),
            ]
        )
        postal, streets = addresses[district]
        has_address = rng.random() < 0.9
        host = slug[:48].strip("-")
        legal_form = category["legal_form"]
        prefix = _GENERATED_NUMBER_PREFIX.get(legal_form, _DEFAULT_NUMBER_PREFIX)
        number = organisation_number(f"{prefix}{len(specs):05d}") if rng.random() < 0.92 else ""
        specs.append(
            _blank_spec(
                name=name,
                slug=slug,
                sector=Sector.CIVIL_SOCIETY,
                legal_form=legal_form,
                organisation_number=number,
                description=description,
                email=f"{host}@example.se" if rng.random() < 0.6 else "",
                phone=f"040-{rng.randint(100000, 999999)}" if rng.random() < 0.4 else "",
                website=f"https://{host}.example.org" if rng.random() < 0.35 else "",
                street_address=f"{rng.choice(streets)} {rng.randint(1, 120)}"
                if has_address
                else "",
                postal_code=postal if has_address else "",
                districts=districts,
                interest_areas=areas,
                umbrellas=umbrellas,
            )
        )

    for name, district, key in data.SHOWCASE_ASSOCIATIONS:
        if len(specs) < count:
            add(name, district, key, context(district))
    while len(specs) < count:
        key = rng.choices(keys, weights)[0]
        district = rng.choice(district_names)
        ctx = context(district)
        name = rng.choice(data.CATEGORIES[key]["names"]).format(**ctx)
        add(name, district, key, ctx)
    return specs


def organisation_specs() -> list[dict]:
    """Every demo organisation as a dict of fields and relations (names and slugs)."""
    fixed = _municipal_specs() + _named_specs()
    return fixed + generated_associations(reserved={spec["slug"] for spec in fixed})


def _load_agreement() -> Tally:
    if Agreement.objects.filter(slug=data.AGREEMENT["slug"]).exists():
        return Tally(existing=1)
    # The start page presents one agreement: leave an installation's own choice alone.
    has_primary = Agreement.objects.filter(is_primary=True).exists()
    Agreement.objects.create(
        **data.AGREEMENT, plan_text=data.PLAN_TEXT, is_primary=not has_primary, is_demo=True
    )
    return Tally(created=1)


def _load_districts() -> tuple[Tally, dict[str, District]]:
    tally, by_name = Tally(), {}
    for name, _postal, _streets in data.DISTRICTS:
        slug = slug_text(name)
        district = District.objects.filter(
            Q(slug=slug) | Q(municipality=data.MUNICIPALITY, name=name)
        ).first()
        if district is None:
            district = District.objects.create(name=name, slug=slug, municipality=data.MUNICIPALITY)
            tally.created += 1
        else:
            tally.existing += 1
        by_name[name] = district
    return tally, by_name


def _load_interest_areas() -> tuple[Tally, dict[str, InterestArea]]:
    tally, by_name = Tally(), {}
    for name in data.INTEREST_AREAS:
        slug = slug_text(name)
        area = InterestArea.objects.filter(Q(slug=slug) | Q(name=name)).first()
        if area is None:
            area = InterestArea.objects.create(name=name, slug=slug)
            tally.created += 1
        else:
            tally.existing += 1
        by_name[name] = area
    return tally, by_name


_ORGANISATION_FIELDS = [
    "name",
    "slug",
    "sector",
    "legal_form",
    "organisation_number",
    "description",
    "email",
    "phone",
    "website",
    "street_address",
    "postal_code",
    "city",
]


def _load_organisations(districts: dict, areas: dict) -> Tally:
    specs = organisation_specs()
    existing = set(
        Organisation.objects.filter(slug__in=[s["slug"] for s in specs]).values_list(
            "slug", flat=True
        )
    )
    new = [s for s in specs if s["slug"] not in existing]
    if not new:
        return Tally(existing=len(existing))

    # A civil-society number someone registered in the meantime stays theirs.
    taken = set(
        Organisation.objects.filter(sector=Sector.CIVIL_SOCIETY)
        .exclude(organisation_number="")
        .values_list("organisation_number", flat=True)
    )
    rows = []
    for spec in new:
        fields = {name: spec[name] for name in _ORGANISATION_FIELDS}
        if spec["sector"] == Sector.CIVIL_SOCIETY and fields["organisation_number"] in taken:
            fields["organisation_number"] = ""
        rows.append(Organisation(**fields, is_demo=True))
    Organisation.objects.bulk_create(rows, batch_size=500)

    wanted = {s["slug"] for s in specs} | {u for s in new for u in s["umbrellas"]}
    wanted |= {s["part_of"] for s in new if s["part_of"]}
    ids = dict(Organisation.objects.filter(slug__in=wanted).values_list("slug", "id"))
    created = {o.slug: o for o in Organisation.objects.filter(slug__in=[s["slug"] for s in new])}

    with_parent = []
    for spec in new:
        if spec["part_of"] and spec["part_of"] in ids:
            organisation = created[spec["slug"]]
            organisation.part_of_id = ids[spec["part_of"]]
            with_parent.append(organisation)
    Organisation.objects.bulk_update(with_parent, ["part_of"])

    through_districts = Organisation.districts.through
    through_areas = Organisation.interest_areas.through
    through_umbrellas = Organisation.umbrellas.through
    through_districts.objects.bulk_create(
        through_districts(organisation_id=ids[s["slug"]], district_id=districts[name].id)
        for s in new
        for name in s["districts"]
    )
    through_areas.objects.bulk_create(
        through_areas(organisation_id=ids[s["slug"]], interestarea_id=areas[name].id)
        for s in new
        for name in s["interest_areas"]
    )
    through_umbrellas.objects.bulk_create(
        through_umbrellas(from_organisation_id=ids[s["slug"]], to_organisation_id=ids[u])
        for s in new
        for u in s["umbrellas"]
        if u in ids
    )

    # Search reads names, districts and areas: index only once the relations are in place.
    for organisation in Organisation.objects.filter(
        slug__in=[s["slug"] for s in new]
    ).prefetch_related("districts", "interest_areas"):
        reindex_organisation(organisation)
    return Tally(created=len(new), existing=len(existing))


def _load_users() -> tuple[Tally, Tally, dict]:
    User = get_user_model()
    users_tally, emails_tally, users = Tally(), Tally(), {}
    # Hashing is slow on purpose; the demo users share one documented password, so hash it once.
    hashes: dict[str, str] = {}
    for spec in data.DEMO_USERS:
        user = User.objects.filter(email__iexact=spec.email).first()
        if user is None:
            if spec.password not in hashes:
                hashes[spec.password] = make_password(spec.password)
            user = User.objects.create(
                email=spec.email.lower(),
                password=hashes[spec.password],
                first_name=spec.first_name,
                last_name=spec.last_name,
                is_staff=spec.is_superuser,
                is_superuser=spec.is_superuser,
                is_demo=True,
            )
            user.groups.add(*(Group.objects.get_or_create(name=name)[0] for name in spec.groups))
            users_tally.created += 1
        else:
            users_tally.existing += 1
        users[spec.email] = user
        # Verification is mandatory: without a verified address the login would stop at
        # "confirm your e-mail".
        _address, made = EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        if made:
            emails_tally.created += 1
        else:
            emails_tally.existing += 1
    return users_tally, emails_tally, users


def _load_representations(users: dict) -> Tally:
    tally = Tally()
    for spec in data.DEMO_USERS:
        if not spec.represents:
            continue
        organisation = Organisation.objects.filter(slug=spec.represents).first()
        if organisation is None:
            continue
        user = users[spec.email]
        open_statuses = [Representation.Status.PENDING, Representation.Status.CONFIRMED]
        if Representation.objects.filter(
            user=user, organisation=organisation, status__in=open_statuses
        ).exists():
            tally.existing += 1
            continue
        # Through the services, as a person would; a demo load sends no e-mail.
        representation = services.request_representation(
            user=user,
            organisation=organisation,
            title=spec.title,
            motivation=spec.motivation,
            notify=False,
        )
        if spec.representation_status == Representation.Status.CONFIRMED:
            services.confirm_representation(
                representation=representation, by=users[spec.confirmed_by], notify=False
            )
        tally.created += 1
    return tally


def _load_notifications(users: dict) -> Tally:
    """A few notices for the representative and the member, so that Notices and the header's
    count show something (one of the representative's read); a kind a person has is kept."""
    tally = Tally()
    ombud, member = users.get("ombud@demo.samverkan.se"), users.get("medlem@demo.samverkan.se")
    dashboard = reverse("site:dashboard")
    wanted = []
    if ombud is not None:
        title = format_lazy(
            _("New request to represent {organisation}"), organisation="Föreningen Zig Zag"
        )
        wanted.append((ombud, "representation_request", title, dashboard, False))
        title = _("Your booking was cancelled by the venue")
        wanted.append((ombud, "booking_cancelled", title, dashboard, True))
    event = Event.objects.filter(is_demo=True).order_by("starts_at", "pk").first()
    if member is not None and event is not None:
        title = format_lazy(_("You have a seat: {title}"), title=event.title)
        wanted.append((member, "waitlist_promoted", title, event.get_absolute_url(), False))
    for user, kind, title, url, read in wanted:
        if Notification.objects.filter(recipient=user, kind=kind).exists():
            tally.existing += 1
            continue
        notification = notify_person(user=user, kind=kind, title=title, url=url)
        if read:
            Notification.objects.filter(pk=notification.pk).update(read_at=timezone.now())
        tally.created += 1
    return tally


def load_demo(stdout=None) -> dict[str, dict[str, int]]:
    """Load the Malmöandan demo: the agreement and its plan, Malmö's districts, areas of
    interest, committees and administrations, the organisations the source documents name,
    300 generated associations and one demo user per role (password `data.DEMO_PASSWORD`,
    e-mail verified), with their representations.

    Guarantees: everything it creates is marked `is_demo`; it is idempotent (rows are found by
    slug or e-mail, and a second load creates nothing and changes nothing that is there); every
    organisation it creates is indexed for search with its relations; it all happens in one
    transaction. Writes a summary and the demo logins to `stdout`, when given one, after commit.

    Returns, per kind of row, how many were created and how many were already there.
    """
    started = time.monotonic()
    with transaction.atomic():
        counts: dict[str, Tally] = {"agreements": _load_agreement()}
        counts["districts"], districts = _load_districts()
        counts["interest_areas"], areas = _load_interest_areas()
        counts["organisations"] = _load_organisations(districts, areas)
        counts["users"], counts["email_addresses"], users = _load_users()
        counts["representations"] = _load_representations(users)
        result = {name: tally.as_dict() for name, tally in counts.items()}
        # Each app loads its own demo data, in dependency order.
        for app_demo in (
            areas_demo,
            governance_demo,
            plans_demo,
            venues_demo,
            events_demo,
            learning_demo,
            partnerships_demo,
            matching_demo,
            funding_demo,
            reports_demo,
        ):
            result.update(app_demo.load())
        result["notifications"] = _load_notifications(users).as_dict()
    if stdout is not None:
        write_summary(stdout, result, seconds=time.monotonic() - started)
    return result


def write_summary(stdout, counts: dict[str, dict[str, int]], *, seconds: float) -> None:
    stdout.write(f"Demodata för Malmöandan / Malmöandan demo data ({seconds:.1f} s):\n")
    for name, tally in counts.items():
        stdout.write(
            f"  {LABELS.get(name, name):<46} {tally['created']:>4} nya / created, "
            f"{tally['existing']:>4} fanns redan / already there\n"
        )
    stdout.write(f"\nDemoinloggningar / demo logins (lösenord / password: {data.DEMO_PASSWORD}):\n")
    for user in data.DEMO_USERS:
        stdout.write(f"  {user.email:<40} {user.role}\n")
