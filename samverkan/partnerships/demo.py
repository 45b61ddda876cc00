"""The Malmöandan demo data of this app: the mapping of collaborations.

The seeds' examples (the 2022 annual report, seed 001):
- "Malmö Tillsammans", the largest single project: Malmö Ideella, Sensus studieförbund,
  NyföretagarCentrum Öresund, stadskontoret, fritidsförvaltningen and funktionsstödsförvaltningen;
  Persborg, Rosengård and Östervärn, citizens' budgets on Sofielund and in Kirseberg; it ended in
  April 2023 with a learning conference on 13 April.
- The IOP "Kraftsamling Herrgården", with an agreement in place since 2021: Rädda Barnen,
  Tillsammans i Förening, Malmö universitet, fritidsförvaltningen, kulturförvaltningen and
  stadskontoret. Its agreement is signed with a complete checklist.
- The dialogue on an IOP for "jämlik hälsa på Lindängen", held through 2022: an IOP in
  preparation, two conditions confirmed. The seed names no parties; the demo's are the Lindängen
  associations and the administrations of health and leisure.
Days, values and the agreements' texts are the demo's own where the seeds give only a year.

Then about 150 plausible collaborations drawn deterministically (a seeded random generator)
from the demo's organisations, across kinds, statuses, the five priority areas, districts and
the mapping years 2018–2026, written in bulk.

Idempotent: collaborations are found by slug within the agreement; what is there is left alone,
and a missing organisation a seed names is created (is_demo) only when no organisation of that
name exists.
"""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from samverkan.actors.models import District, LegalForm, Organisation, Sector
from samverkan.agreements.models import Agreement
from samverkan.areas.models import PriorityArea
from samverkan.core import demo_support
from samverkan.core.slugs import slug_text
from samverkan.partnerships.models import (
    Collaboration,
    CollaborationParty,
    IopAgreement,
    IopCondition,
    IopFollowUp,
)
from samverkan.partnerships.search import index_text

AGREEMENT_SLUG = "malmoandan"
COORDINATOR_EMAIL = "samordnare.stad@demo.samverkan.se"
GENERATED_COUNT = 150
GENERATED_SEED = 2018
FIRST_YEAR, LAST_YEAR = 2018, 2026
D = datetime.date

LEAD, PARTNER, FUNDER = "lead", "partner", "funder"

# name → (slug, sector, legal form) of every organisation the examples name, so that one
# missing from the register is created rather than left out.
SEED_ORGANISATIONS = {
    "Malmö ideella": ("malmo-ideella", Sector.CIVIL_SOCIETY, LegalForm.UMBRELLA),
    "Sensus studieförbund": ("sensus-studieforbund", Sector.CIVIL_SOCIETY, LegalForm.ASSOCIATION),
    "NyföretagarCentrum Öresund": (
        "nyforetagarcentrum-oresund",
        Sector.BUSINESS,
        LegalForm.ECONOMIC_ASSOCIATION,
    ),
    "Stadskontoret": ("stadskontoret", Sector.MUNICIPALITY, LegalForm.ADMINISTRATION),
    "Fritidsförvaltningen": ("fritidsforvaltningen", Sector.MUNICIPALITY, LegalForm.ADMINISTRATION),
    "Funktionsstödsförvaltningen": (
        "funktionsstodsforvaltningen",
        Sector.MUNICIPALITY,
        LegalForm.ADMINISTRATION,
    ),
    "Kulturförvaltningen": ("kulturforvaltningen", Sector.MUNICIPALITY, LegalForm.ADMINISTRATION),
    "Hälsa-, vård- och omsorgsförvaltningen": (
        "halsa-vard-och-omsorgsforvaltningen",
        Sector.MUNICIPALITY,
        LegalForm.ADMINISTRATION,
    ),
    "Rädda Barnen Malmö": ("radda-barnen-malmo", Sector.CIVIL_SOCIETY, LegalForm.ASSOCIATION),
    "Tillsammans i Förening": (
        "tillsammans-i-forening",
        Sector.CIVIL_SOCIETY,
        LegalForm.ASSOCIATION,
    ),
    "Malmö universitet": ("malmo-universitet", Sector.ACADEMIA, LegalForm.UNIVERSITY),
    "Lindängens föräldraföreningar i samverkan": (
        "lindangens-foraldraforeningar-i-samverkan",
        Sector.CIVIL_SOCIETY,
        LegalForm.ASSOCIATION,
    ),
    "Lindängens idrottsförening": (
        "lindangens-idrottsforening",
        Sector.CIVIL_SOCIETY,
        LegalForm.ASSOCIATION,
    ),
}

AREA_UNGA = "ungas-halsa-och-livsstil"
AREA_FRITID = "jamlik-fritid-och-kultur"
AREA_STADSLIV = "stadsliv-allmanna-platser-och-lokaler"
AREA_DELAKTIGHET = "delaktighet-trygghet-demokrati"
AREA_ARBETE = "nya-vagar-till-arbete-och-aktivitet"

EXAMPLES = [
    {
        "slug": "malmo-tillsammans",
        "title": "Malmö Tillsammans",
        "kind": Collaboration.Kind.PROJECT,
        "status": Collaboration.Status.ENDED,
        "starts_on": None,
        "ends_on": D(2023, 4, 30),
        "mapping_year": 2022,
        "description": (
            "Ett samverkansinitiativ mellan Malmö Ideella, Sensus studieförbund, "
            "NyföretagarCentrum Öresund och Malmö stad med stadskontoret, fritidsförvaltningen "
            "och funktionsstödsförvaltningen. Syftet är att främja en hållbar stadsutveckling "
            "genom att arbeta för minskad segregation, ökad sysselsättning, hållbart boende och "
            "förnyelse av de stationsnära områdena Persborg, Rosengård och Östervärn."
        ),
        "results": (
            "Under 2022 genomförde projektet två tester av medborgarbudget (på Sofielund och i "
            "Kirseberg), testade en lokal valuta på Kirseberg, höll round-table-coachning med "
            "idéägare, kompetensutveckling inom idéburen välfärd och en ledarskapsutbildning. "
            "Projektet avslutades i april 2023; den 13 april hölls en lärandekonferens för att "
            "samla och reflektera över erfarenheterna."
        ),
        "parties": [
            ("Malmö ideella", LEAD),
            ("Sensus studieförbund", PARTNER),
            ("NyföretagarCentrum Öresund", PARTNER),
            ("Stadskontoret", PARTNER),
            ("Fritidsförvaltningen", PARTNER),
            ("Funktionsstödsförvaltningen", PARTNER),
        ],
        "areas": [AREA_ARBETE, AREA_STADSLIV],
        "districts": ["Persborg", "Rosengård", "Östervärn", "Sofielund", "Kirseberg"],
    },
    {
        "slug": "kraftsamling-herrgarden",
        "title": "Kraftsamling Herrgården",
        "kind": Collaboration.Kind.IOP,
        "status": Collaboration.Status.RUNNING,
        "starts_on": D(2021, 3, 1),
        "ends_on": None,
        "mapping_year": 2021,
        "description": (
            "Idéburet offentligt partnerskap för barn och unga på Herrgården i Rosengård. "
            "Rädda Barnen, Tillsammans i Förening och Malmö universitet arbetar tillsammans med "
            "fritidsförvaltningen, kulturförvaltningen och stadskontoret för fler meningsfulla "
            "fritidsaktiviteter, trygga mötesplatser och ungas delaktighet i området."
        ),
        "results": (
            "Avtalet har funnits på plats sedan 2021. Malmöandans samordnare har under 2022 "
            "stöttat och vidareutvecklat partnerskapet."
        ),
        "parties": [
            ("Rädda Barnen Malmö", LEAD),
            ("Tillsammans i Förening", PARTNER),
            ("Malmö universitet", PARTNER),
            ("Fritidsförvaltningen", PARTNER),
            ("Kulturförvaltningen", PARTNER),
            ("Stadskontoret", PARTNER),
        ],
        "areas": [AREA_UNGA, AREA_DELAKTIGHET],
        "districts": ["Herrgården", "Rosengård"],
        "iop": {
            "purpose": (
                "Att tillsammans stärka barns och ungas uppväxtvillkor på Herrgården: fler "
                "meningsfulla fritidsaktiviteter, trygga mötesplatser och ungas delaktighet i "
                "områdets utveckling."
            ),
            "starts_on": D(2021, 3, 1),
            "ends_on": D(2025, 12, 31),
            "value": Decimal("3600000.00"),
            "signed_on": D(2021, 2, 22),
            "confirmed": list(IopCondition),
            "internal_note": "Avstämning av ekonomin sker varje halvår med stadskontoret.",
            "follow_ups": [
                (
                    D(2022, 6, 15),
                    "Halvårsuppföljning: läxhjälpen och helgaktiviteterna når fler barn än "
                    "planerat; parterna vill utveckla samarbetet med skolan.",
                ),
                (
                    D(2022, 12, 9),
                    "Årsuppföljning med samordnarna för Malmöandan: partnerskapet vidareutvecklas "
                    "under 2023 med fokus på ungas delaktighet.",
                ),
            ],
        },
    },
    {
        "slug": "jamlik-halsa-pa-lindangen",
        "title": "Jämlik hälsa på Lindängen – hälsodialog om ett IOP",
        "kind": Collaboration.Kind.IOP,
        "status": Collaboration.Status.PLANNED,
        "starts_on": None,
        "ends_on": None,
        "mapping_year": 2022,
        "description": (
            "Under 2022 hölls en löpande dialog med involverade parter kring jämlik hälsa på "
            "Lindängen om att sluta ett IOP-avtal: rörelse, kost och förebyggande av diabetes "
            "typ 2 bland barn, unga och deras familjer, tillsammans med föreningslivet på "
            "Lindängen."
        ),
        "results": "",
        "parties": [
            ("Lindängens föräldraföreningar i samverkan", LEAD),
            ("Lindängens idrottsförening", PARTNER),
            ("Hälsa-, vård- och omsorgsförvaltningen", PARTNER),
            ("Fritidsförvaltningen", PARTNER),
            ("Stadskontoret", PARTNER),
        ],
        "areas": [AREA_UNGA],
        "districts": ["Lindängen"],
        "iop": {
            "purpose": (
                "Jämlik hälsa på Lindängen: fler barn, unga och vuxna som rör sig och äter bra, "
                "med särskild inriktning på att förebygga diabetes typ 2."
            ),
            "starts_on": D(2024, 1, 1),
            "ends_on": D(2026, 12, 31),
            "value": Decimal("1250000.00"),
            "signed_on": None,
            "confirmed": [IopCondition.SHARED_PURPOSE, IopCondition.OWN_CONTRIBUTION],
            "internal_note": "Bedömning av statsstödsreglerna väntar på stadens jurister.",
            "follow_ups": [],
        },
    },
]

# Words for the generated collaborations' titles: (kind, title patterns).
TITLES = {
    Collaboration.Kind.PROJECT: [
        "Läxhjälp och studiero i {d}",
        "Sommarlov i {d}",
        "Språkcafé {d}",
        "Unga ledare i {d}",
        "Trygga stråk i {d}",
        "Föräldrastöd i {d}",
        "Rörelse för seniorer i {d}",
        "Odling och möten i {d}",
    ],
    Collaboration.Kind.NETWORK: [
        "Nätverket för föreningar i {d}",
        "Lokalt brottsförebyggande nätverk {d}",
        "Nätverk för civilsamhällets mötesplatser i {d}",
        "Integrationsnätverket {d}",
    ],
    Collaboration.Kind.DIALOGUE: [
        "Dialogforum om fritid i {d}",
        "Områdesdialog {d}",
        "Dialog om lokaler för föreningslivet i {d}",
        "Ungdomsdialog i {d}",
    ],
    Collaboration.Kind.GRANT_FUNDED: [
        "Idrott för alla i {d}",
        "Kultur i vardagen i {d}",
        "Arbetsträning i {d}",
        "Fritidsbank {d}",
    ],
    Collaboration.Kind.IOP: [
        "Partnerskap för mötesplatsen i {d}",
        "IOP kvinnojour och stödverksamhet {d}",
        "IOP fritidsgård {d}",
    ],
    Collaboration.Kind.OTHER: [
        "Volontärbyrån i {d}",
        "Gemensam vårstädning i {d}",
        "Julmarknad för föreningarna i {d}",
    ],
}
# One-off collaborations among the titles: (month, day, days long) within their year.
ONE_OFF_DAYS = {
    "Gemensam vårstädning i {d}": (4, 25, 1),
    "Julmarknad för föreningarna i {d}": (12, 12, 2),
}
KIND_WEIGHTS = {
    Collaboration.Kind.PROJECT: 40,
    Collaboration.Kind.NETWORK: 15,
    Collaboration.Kind.DIALOGUE: 15,
    Collaboration.Kind.GRANT_FUNDED: 15,
    Collaboration.Kind.IOP: 6,
    Collaboration.Kind.OTHER: 9,
}
DESCRIPTIONS = [
    "Föreningar och staden arbetar tillsammans för att fler barn och unga ska ha en aktiv fritid.",
    "Samarbetet skapar mötesplatser där boende i området lär känna varandra.",
    "Parterna delar lokaler, kunskap och kontakter för att nå fler malmöbor.",
    "Ideella krafter och förvaltningen möts regelbundet för att se behov och hitta lösningar.",
    "Insatsen riktar sig till nyanlända och till dem som står långt från arbetsmarknaden.",
    "Seniorer och unga möts i gemensamma aktiviteter som motverkar ensamhet.",
    "Arbetet bygger på de boendes egna idéer om hur området kan bli tryggare.",
]
RESULTS = [
    "Fler deltagare än planerat; verksamheten fortsätter i föreningens regi.",
    "Ett hundratal träffar har genomförts och nya föreningar har engagerat sig.",
    "Erfarenheterna har samlats i en rapport som delats med andra stadsdelar.",
    "Deltagarna vittnar om ökad trygghet och fler kontakter i området.",
]


def _tally() -> dict[str, int]:
    return {"created": 0, "existing": 0}


def _seed_organisations(counts) -> dict[str, Organisation]:
    """The organisations the examples name, by name; a missing one is created."""
    found = {o.name: o for o in Organisation.objects.filter(name__in=list(SEED_ORGANISATIONS))}
    by_slug = {
        o.slug: o
        for o in Organisation.objects.filter(
            slug__in=[spec[0] for name, spec in SEED_ORGANISATIONS.items() if name not in found]
        )
    }
    for name, (slug, sector, legal_form) in SEED_ORGANISATIONS.items():
        if name in found:
            counts["collaboration_organisations"]["existing"] += 1
            continue
        if slug in by_slug:
            found[name] = by_slug[slug]
            counts["collaboration_organisations"]["existing"] += 1
            continue
        found[name] = Organisation.objects.create(
            name=name,
            slug=slug,
            sector=sector,
            legal_form=legal_form,
            city="Malmö",
            is_demo=True,
        )
        counts["collaboration_organisations"]["created"] += 1
    return found


def _generated_specs() -> list[dict]:
    """The generated collaborations' texts and dates: the same for every load, whatever the
    database holds (the parties are drawn later, per collaboration)."""
    rng = random.Random(GENERATED_SEED)  # nosec B311  # seeded demo data, no secret
    districts = [name for name, _postal, _streets in demo_support.DISTRICTS]
    kinds = list(KIND_WEIGHTS)
    weights = [KIND_WEIGHTS[k] for k in kinds]
    today = timezone.localdate()
    seen: set[str] = {example["slug"] for example in EXAMPLES}
    specs = []
    while len(specs) < GENERATED_COUNT:
        kind = rng.choices(kinds, weights)[0]
        district = rng.choice(districts)
        pattern = rng.choice(TITLES[kind])
        title = pattern.format(d=district)
        mapping_year = rng.randint(FIRST_YEAR, LAST_YEAR)
        slug = slug_text(title)
        if slug in seen:
            title = f"{title} {mapping_year}"
            slug = slug_text(title)
            if slug in seen:
                continue
        seen.add(slug)
        known_start = rng.random() < 0.85
        starts_on = (
            D(mapping_year, 1, 1) + datetime.timedelta(days=rng.randint(-200, 300))
            if known_start
            else None
        )
        start = starts_on or D(mapping_year, 1, 1)
        ends_on = (
            start + datetime.timedelta(days=rng.randint(120, 1500)) if rng.random() < 0.7 else None
        )
        if pattern in ONE_OFF_DAYS:
            # A Christmas market or a spring clean lasts a day or two of its year, so it reads
            # as past, coming or (on its days) running, never as open-ended.
            month, day, length = ONE_OFF_DAYS[pattern]
            starts_on = start = D(mapping_year, month, day)
            ends_on = start + datetime.timedelta(days=length - 1)
        if start > today:
            status = Collaboration.Status.PLANNED
        elif ends_on is not None and ends_on < today:
            status = Collaboration.Status.ENDED
        else:
            status = Collaboration.Status.RUNNING
        specs.append(
            {
                "slug": slug,
                "title": title,
                "kind": kind,
                "status": status,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "mapping_year": max(FIRST_YEAR, min(mapping_year, start.year)),
                "description": rng.choice(DESCRIPTIONS),
                "results": rng.choice(RESULTS) if status == Collaboration.Status.ENDED else "",
                "district": district,
                "n_areas": rng.choice([1, 1, 1, 2]),
                "party_seed": rng.randrange(1_000_000),
            }
        )
    return specs


def _create_iop(collaboration, spec, coordinator, counts) -> None:
    if IopAgreement.objects.filter(collaboration=collaboration).exists():
        counts["iop_agreements"]["existing"] += 1
        return
    confirmed_at = timezone.make_aware(
        datetime.datetime.combine(spec["signed_on"] or D(2022, 11, 15), datetime.time(10, 0))
    ) - datetime.timedelta(days=7)
    fields = {}
    for condition in spec["confirmed"]:
        fields[f"{condition.value}_confirmed_at"] = confirmed_at
        fields[f"{condition.value}_confirmed_by"] = coordinator
        fields[f"{condition.value}_note"] = "Bedömt av samordnarna tillsammans med stadens jurist."
    iop = IopAgreement.objects.create(
        collaboration=collaboration,
        purpose=spec["purpose"],
        starts_on=spec["starts_on"],
        ends_on=spec["ends_on"],
        value=spec["value"],
        signed_on=spec["signed_on"],
        signed_by=coordinator if spec["signed_on"] else None,
        internal_note=spec["internal_note"],
        **fields,
    )
    counts["iop_agreements"]["created"] += 1
    IopFollowUp.objects.bulk_create(
        IopFollowUp(iop=iop, followed_up_on=day, text=text, written_by=coordinator)
        for day, text in spec["follow_ups"]
    )
    counts["iop_follow_ups"]["created"] += len(spec["follow_ups"])


def load() -> dict[str, dict[str, int]]:
    """Demo data of this app; called by samverkan.demo.loader.load_demo() after the actors' and
    areas' demo data exists. Idempotent."""
    counts = {
        "collaboration_organisations": _tally(),
        "collaborations": _tally(),
        "collaboration_parties": _tally(),
        "iop_agreements": _tally(),
        "iop_follow_ups": _tally(),
    }
    agreement = Agreement.objects.filter(slug=AGREEMENT_SLUG).first()
    if agreement is None:
        return counts
    coordinator = get_user_model().objects.filter(email=COORDINATOR_EMAIL).first()
    with transaction.atomic():
        _load(agreement, coordinator, counts)
    return counts


def _load(agreement, coordinator, counts) -> None:
    areas = {a.slug: a for a in PriorityArea.objects.filter(agreement=agreement)}
    area_list = sorted(areas.values(), key=lambda a: (a.position, a.pk))
    districts = {d.name: d for d in District.objects.all()}
    generated = _generated_specs()
    existing = set(
        Collaboration.objects.filter(
            agreement=agreement,
            slug__in=[e["slug"] for e in EXAMPLES] + [g["slug"] for g in generated],
        ).values_list("slug", flat=True)
    )
    counts["collaborations"]["existing"] += len(existing)

    organisations = _seed_organisations(counts)
    rows, parties, area_links, district_links = [], [], [], []
    for spec in EXAMPLES:
        if spec["slug"] in existing:
            continue
        rows.append((spec, _collaboration(agreement, spec)))
        parties.append([(organisations[name], role) for name, role in spec["parties"]])
        area_links.append([areas[s] for s in spec["areas"] if s in areas])
        district_links.append([districts[n] for n in spec["districts"] if n in districts])

    civil = list(
        Organisation.objects.filter(is_demo=True, sector=Sector.CIVIL_SOCIETY).order_by("slug")
    )
    city = list(
        Organisation.objects.filter(
            is_demo=True, sector=Sector.MUNICIPALITY, legal_form=LegalForm.ADMINISTRATION
        ).order_by("slug")
    )
    others = list(
        Organisation.objects.filter(
            is_demo=True, sector__in=[Sector.ACADEMIA, Sector.BUSINESS]
        ).order_by("slug")
    )
    for spec in generated:
        if spec["slug"] in existing or not civil or not city:
            continue
        rng = random.Random(spec["party_seed"])  # nosec B311  # seeded demo data, no secret
        chosen = [(rng.choice(civil), LEAD)]
        for organisation in rng.sample(civil, k=min(len(civil), rng.choice([0, 0, 1, 2]))):
            chosen.append((organisation, PARTNER))
        for organisation in rng.sample(city, k=min(len(city), rng.choice([1, 1, 2]))):
            chosen.append((organisation, PARTNER))
        if others and rng.random() < 0.15:
            chosen.append((rng.choice(others), FUNDER))
        unique = {}
        for organisation, role in chosen:
            unique.setdefault(organisation.pk, (organisation, role))
        rows.append((spec, _collaboration(agreement, spec)))
        parties.append(list(unique.values()))
        area_links.append(rng.sample(area_list, k=min(len(area_list), spec["n_areas"])))
        district_links.append(
            [districts[spec["district"]]] if spec["district"] in districts else []
        )

    created = Collaboration.objects.bulk_create([row for _spec, row in rows])
    counts["collaborations"]["created"] += len(created)
    # bulk_create sets primary keys on PostgreSQL and on SQLite (3.35+, RETURNING).
    party_rows, area_rows, district_rows = [], [], []
    AreaLink = Collaboration.areas.through
    DistrictLink = Collaboration.districts.through
    for collaboration, its_parties, its_areas, its_districts in zip(
        created, parties, area_links, district_links, strict=True
    ):
        party_rows += [
            CollaborationParty(collaboration=collaboration, organisation=o, role=role)
            for o, role in its_parties
        ]
        area_rows += [AreaLink(collaboration=collaboration, priorityarea=a) for a in its_areas]
        district_rows += [
            DistrictLink(collaboration=collaboration, district=d) for d in its_districts
        ]
    CollaborationParty.objects.bulk_create(party_rows)
    AreaLink.objects.bulk_create(area_rows)
    DistrictLink.objects.bulk_create(district_rows)
    counts["collaboration_parties"]["created"] += len(party_rows)
    counts["collaboration_parties"]["existing"] += CollaborationParty.objects.filter(
        collaboration__agreement=agreement, collaboration__slug__in=existing
    ).count()

    by_slug = {c.slug: c for c in created}
    for spec in EXAMPLES:
        if "iop" not in spec:
            continue
        collaboration = (
            by_slug.get(spec["slug"])
            or Collaboration.objects.filter(agreement=agreement, slug=spec["slug"]).first()
        )
        if collaboration is not None and collaboration.kind == Collaboration.Kind.IOP:
            _create_iop(collaboration, _iop_dated(spec["iop"]), coordinator, counts)


def _iop_dated(iop: dict) -> dict:
    """An IOP with the demo's own dates placed relative to today where they describe the
    present: a signed agreement whose period is over is prolonged to the end of next year (the
    collaboration still runs); one in preparation starts on 1 January next year."""
    next_year = timezone.localdate().year + 1
    if iop["signed_on"] is None:
        length = iop["ends_on"].year - iop["starts_on"].year
        return {**iop, "starts_on": D(next_year, 1, 1), "ends_on": D(next_year + length, 12, 31)}
    if iop["ends_on"] < timezone.localdate():
        return {**iop, "ends_on": D(next_year, 12, 31)}
    return iop


def _collaboration(agreement, spec) -> Collaboration:
    return Collaboration(
        agreement=agreement,
        slug=spec["slug"],
        title=spec["title"],
        description=spec["description"],
        kind=spec["kind"],
        status=spec["status"],
        starts_on=spec["starts_on"],
        ends_on=spec["ends_on"],
        results=spec["results"],
        mapping_year=spec["mapping_year"],
        is_public=True,
        is_demo=True,
        search_text=index_text(
            title=spec["title"], description=spec["description"], results=spec["results"]
        ),
    )
