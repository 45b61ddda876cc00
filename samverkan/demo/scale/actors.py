"""Organisations (with districts, areas of interest, umbrellas and the register's search
columns), people with verified e-mail addresses, and who represents which organisation."""

import datetime
import itertools
from collections import defaultdict

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from samverkan.actors.models import (
    LegalForm,
    Organisation,
    Representation,
    Sector,
)
from samverkan.core.search_terms import stems
from samverkan.core.slugs import slug_text
from samverkan.demo import data
from samverkan.demo.bulk import insert, insert_new
from samverkan.demo.loader import _genitive, organisation_number
from samverkan.demo.scale.common import EMAIL_DOMAIN, PREFIX, TZ
from samverkan.demo.scale.vocabulary import (
    ACADEMIA_NAMES,
    AUTHORITY_NAMES,
    BUSINESS_NAMES,
    FIRST_NAMES,
    LAST_NAMES,
    MUNICIPAL_UNITS,
    NAME_SUFFIXES,
    REPRESENTATIVE_TITLES,
    SECTOR_SHARES,
    THEMES,
)

# -- organisations -----------------------------------------------------------------------------


def organisations(ctx) -> dict[str, int]:
    """Organisations of every sector with districts, areas of interest, umbrellas and the
    register's search columns (as actors.search.reindex_organisation computes them)."""
    rng = ctx.rng("organisations")
    count = ctx.n("organisations")
    existing = dict(Organisation.objects.filter(is_demo=True).values_list("slug", "id"))
    umbrellas = [existing[s] for s in (data.MISO, data.MALMO_IDEELLA) if s in existing]
    taken_names = set(Organisation.objects.values_list("name", flat=True))
    taken_slugs = set(existing)
    taken_numbers = set(
        Organisation.objects.filter(sector=Sector.CIVIL_SOCIETY)
        .exclude(organisation_number="")
        .values_list("organisation_number", flat=True)
    )
    postal = {name: (code, streets) for name, code, streets in data.DISTRICTS}
    keys = list(data.CATEGORIES)
    weights = [data.CATEGORIES[k]["weight"] for k in keys]
    sectors = [s for s, _w in SECTOR_SHARES]
    shares = [w for _s, w in SECTOR_SHARES]
    orgs, district_links, area_links, umbrella_links = [], [], [], []
    number = 803000000

    def unique(name: str) -> str:
        """The name, or when it is taken the name with a part of town or a founding year."""
        extras = itertools.chain(
            (
                rng.choice(NAME_SUFFIXES) if rng.random() < 0.4 else str(rng.randint(1900, 2024))
                for _ in range(30)
            ),
            (str(n) for n in itertools.count(2)),
        )
        candidate = name
        while True:
            slug = PREFIX + slug_text(candidate)
            if candidate not in taken_names and slug not in taken_slugs:
                taken_names.add(candidate)
                taken_slugs.add(slug)
                return candidate
            candidate = f"{name} {next(extras)}"

    while len(orgs) < count:
        district = rng.choice(ctx.districts)
        sector = rng.choices(sectors, shares)[0]
        nationality, country = rng.choice(data.NATIONALITIES)
        words = {
            "d": district.name,
            "dg": _genitive(district.name),
            "w": rng.choice(data.NAME_WORDS),
            "n": nationality,
            "nl": nationality.lower(),
            "c": country,
            "t": rng.choice(THEMES)[0],
        }
        part_of, org_umbrellas, number_text = None, [], ""
        if sector == Sector.CIVIL_SOCIETY:
            category = data.CATEGORIES[rng.choices(keys, weights)[0]]
            name = rng.choice(category["names"]).format(**words)
            legal_form = category["legal_form"]
            description = " ".join(
                [
                    rng.choice(category["descriptions"]).format(**words),
                    *rng.sample(data.GENERAL_SENTENCES, 2),
                ]
            )
            areas = category["interest_areas"][: rng.randint(1, len(category["interest_areas"]))]
            if umbrellas and rng.random() < 0.5:
                org_umbrellas = [rng.choice(umbrellas)]
            if rng.random() < 0.92:
                while True:
                    number_text = organisation_number(str(number))
                    number += 1
                    if number_text not in taken_numbers:
                        break
        elif sector == Sector.MUNICIPALITY:
            pattern, parent = rng.choice(MUNICIPAL_UNITS)
            name = pattern.format(**words)
            legal_form = LegalForm.ADMINISTRATION
            part_of = existing.get(parent)
            number_text = data.MALMO_STAD_ORGANISATION_NUMBER
            description = f"En av Malmö stads verksamheter i {district.name}."
            areas = [rng.choice(list(ctx.interest_areas))]
        else:
            pattern = rng.choice(
                {
                    Sector.BUSINESS: BUSINESS_NAMES,
                    Sector.ACADEMIA: ACADEMIA_NAMES,
                    Sector.AUTHORITY: AUTHORITY_NAMES,
                }[sector]
            )
            name = pattern.format(**words)
            legal_form = {
                Sector.BUSINESS: LegalForm.COMPANY,
                Sector.ACADEMIA: LegalForm.UNIVERSITY,
                Sector.AUTHORITY: LegalForm.AUTHORITY,
            }[sector]
            description = f"Samarbetar med föreningslivet i {district.name} om {words['t']}."
            areas = [rng.choice(list(ctx.interest_areas))]
        name = unique(name)
        slug = PREFIX + slug_text(name)
        org_districts = [district]
        if rng.random() < 0.25:
            other = rng.choice(ctx.districts)
            if other != district:
                org_districts.append(other)
        org_districts.sort(key=lambda d: d.name)
        area_objs = sorted((ctx.interest_areas[a] for a in areas), key=lambda a: a.name)
        code, streets = postal.get(district.name, ("", [district.name]))
        host = slug[len(PREFIX) :][:40].strip("-")
        search_text = "\n".join(
            [name, description, data.CITY]
            + [d.name for d in org_districts]
            + [a.name for a in area_objs]
        )
        created = datetime.datetime.combine(
            ctx.days_ago(rng.randint(0, 2000)), datetime.time(12), tzinfo=TZ
        )
        org = Organisation(
            name=name,
            slug=slug,
            sector=sector,
            legal_form=legal_form,
            organisation_number=number_text,
            description=description,
            email=f"{host}@example.se" if rng.random() < 0.6 else "",
            phone=f"040-{rng.randint(100000, 999999)}" if rng.random() < 0.4 else "",
            website=f"https://{host}.example.org" if rng.random() < 0.3 else "",
            street_address=f"{rng.choice(streets)} {rng.randint(1, 120)}",
            postal_code=code,
            city=data.CITY,
            part_of_id=part_of,
            is_demo=True,
            created_at=created,
            updated_at=created,
            search_text=search_text,
            search_stems=" ".join(stems(search_text)),
        )
        orgs.append(org)
        district_links.append((org, org_districts))
        area_links.append((org, area_objs))
        umbrella_links.append((org, org_umbrellas))
    insert_new(orgs)
    through_d = Organisation.districts.through
    through_a = Organisation.interest_areas.through
    through_u = Organisation.umbrellas.through
    links = insert(
        [through_d(organisation_id=o.pk, district_id=d.pk) for o, ds in district_links for d in ds],
        with_pk=False,
    )
    links += insert(
        [
            through_a(organisation_id=o.pk, interestarea_id=a.pk)
            for o, areas in area_links
            for a in areas
        ],
        with_pk=False,
    )
    links += insert(
        [
            through_u(from_organisation_id=o.pk, to_organisation_id=u)
            for o, us in umbrella_links
            for u in us
        ],
        with_pk=False,
    )
    ctx.orgs = orgs
    ctx.org_districts = {o.pk: [d.pk for d in ds] for o, ds in district_links}
    ctx.by_sector = defaultdict(list)
    for org in orgs:
        ctx.by_sector[org.sector].append(org)
    return {"organisations": len(orgs), "organisation_links": links}


# -- people and representations ----------------------------------------------------------------


def people(ctx) -> dict[str, int]:
    """People with the demo password and a verified e-mail address, so they can log in."""
    rng = ctx.rng("people")
    User = get_user_model()
    users = []
    for i in range(ctx.n("people")):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        joined = datetime.datetime.combine(
            ctx.days_ago(rng.randint(1, 2000)), datetime.time(9), tzinfo=TZ
        )
        users.append(
            User(
                email=f"{PREFIX}{i + 1:06d}@{EMAIL_DOMAIN}",
                password=ctx.password,
                first_name=first,
                last_name=last,
                is_demo=True,
                date_joined=joined,
            )
        )
    insert_new(users)
    addresses = insert(
        [EmailAddress(user_id=u.pk, email=u.email, verified=True, primary=True) for u in users],
        with_pk=False,
    )
    ctx.users = users
    return {"users": len(users), "email_addresses": addresses}


def representations(ctx) -> dict[str, int]:
    """Who acts for which organisation; one open representation per person and organisation."""
    rng = ctx.rng("representations")
    rows, seen = [], set()
    # Who acts for which organisation (ctx.representatives, ctx.home): the other domains pick
    # their ombud, contact people and participants' organisations from here.
    count = ctx.n("representations")
    statuses = [
        (Representation.Status.CONFIRMED, 0.85),
        (Representation.Status.PENDING, 0.10),
        (Representation.Status.ENDED, 0.05),
    ]
    i = 0
    while len(rows) < count and i < count * 3:
        user = ctx.users[i % len(ctx.users)]
        i += 1
        org = rng.choice(ctx.orgs)
        if (user.pk, org.pk) in seen:
            continue
        seen.add((user.pk, org.pk))
        status = rng.choices([s for s, _w in statuses], [w for _s, w in statuses])[0]
        requested = user.date_joined + datetime.timedelta(days=rng.randint(0, 30))
        decided = status != Representation.Status.PENDING
        rows.append(
            Representation(
                user_id=user.pk,
                organisation_id=org.pk,
                title=rng.choice(REPRESENTATIVE_TITLES),
                status=status,
                requested_at=requested,
                decided_at=requested + datetime.timedelta(days=2) if decided else None,
                decided_by_id=ctx.coordinator_id if decided else None,
            )
        )
        if status == Representation.Status.CONFIRMED:
            ctx.representatives[org.pk].append(user.pk)
            ctx.home.setdefault(user.pk, org)
    insert(rows, with_pk=False)
    return {"representations": len(rows)}
