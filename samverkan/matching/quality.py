"""Measuring the matcher: generated postings in bulk, and precision on the labelled set.

Used by benchmarks/matching.py (100 000 postings) and by the quality-floor test (a few hundred).
Everything is deterministic for a given seed.
"""

import random
from dataclasses import dataclass

from samverkan.actors.models import LegalForm, Organisation, Sector
from samverkan.matching.index import bulk_index, suggest
from samverkan.matching.labelled_pairs import PAIRS
from samverkan.matching.models import Posting

NEED, OFFER = Posting.Direction.NEED, Posting.Direction.OFFER

# Themes with their activities, audiences and places, so that generated needs and offers of
# one theme share words and those of different themes mostly do not.
# fmt: off
THEMES = {
    "idrott": (
        ["fotboll", "basket", "simning", "friidrott", "boxning", "innebandy", "gymnastik",
         "handboll", "parkour", "spontanidrott", "cykling", "löpning"],
        ["träningar", "matcher", "idrottsläger", "tränare", "halltider", "ledarutbildning"],
    ),
    "kultur": (
        ["teater", "musik", "dans", "film", "konst", "körsång", "poesi", "graffiti", "hiphop",
         "keramik", "fotografi", "litteratur"],
        ["workshoppar", "föreställningar", "kurser", "utställningar", "festivaler", "repetitioner"],
    ),
    "äldre": (
        ["promenader", "boule", "bingo", "sittgympa", "kaffestunder", "datorkurser",
         "besöksvänner", "högläsning", "seniordans", "trädgårdsarbete"],
        ["träffar", "aktiviteter", "utflykter", "samtalsgrupper", "mötesplatser"],
    ),
    "barn": (
        ["läxhjälp", "lek", "pyssel", "skapande", "läsning", "schack", "programmering", "robotar",
         "naturkunskap", "matematik", "bakning"],
        ["eftermiddagar", "lovaktiviteter", "fritidsklubbar", "sommarlovet", "helgträffar"],
    ),
    "integration": (
        ["svenskträning", "språkcafé", "samhällsinformation", "föräldrastöd", "jobbsökning",
         "mentorskap", "tolkning", "körkortsteori", "studiebesök", "kulturmöten"],
        ["samtalsgrupper", "studiecirklar", "träffar", "vägledning", "nätverk"],
    ),
    "miljö": (
        ["stadsodling", "återbruk", "cykelreparationer", "klimatsmart", "skräpplockning",
         "kompostering", "pollinatörer", "energisparande", "klädbyten", "reparationer"],
        ["verkstäder", "kampanjer", "städdagar", "odlingslotter", "föreläsningar"],
    ),
    "arbete": (
        ["praktikplatser", "jobbcoachning", "cv-skrivning", "sommarjobb", "yrkessvenska",
         "nyföretagande", "arbetsträning", "branschkunskap", "intervjuträning"],
        ["matchning", "utbildningar", "handledning", "kontakter", "mässor"],
    ),
    "trygghet": (
        ["nattvandring", "grannsamverkan", "trygghetsvandring", "belysning", "konflikthantering",
         "brottsförebyggande", "vuxennärvaro", "krisstöd"],
        ["insatser", "vandringar", "utbildningar", "samverkan", "kvällar"],
    ),
    "hälsa": (
        ["motion", "kost", "stresshantering", "sömn", "psykisk hälsa", "rökfrihet",
         "diabetesförebyggande", "friskvård", "yoga", "hälsodialog"],
        ["grupper", "föreläsningar", "kurser", "samtal", "hälsoträffar"],
    ),
    "funktionsrätt": (
        ["tillgänglighet", "parasport", "teckenspråk", "syntolkning", "ledsagning",
         "anpassad idrott", "hörselslingor", "lättläst information"],
        ["utbildningar", "aktiviteter", "anpassningar", "stöd", "träffar"],
    ),
}
AUDIENCES = ["barn", "unga", "tjejer", "killar", "familjer", "äldre", "nyanlända", "kvinnor",
             "föräldrar", "studenter", "pensionärer", "boende"]
KIND_PHRASES = {
    "partner": ("en partner för", "samarbete kring"),
    "premises": ("en lokal för", "lokaler för"),
    "volunteers": ("volontärer till", "frivilliga till"),
    "competence": ("kunskap om", "utbildning i"),
    "funding": ("finansiering av", "bidrag till"),
    "other": ("stöd med", "hjälp med"),
}
NEED_OPENINGS = ["Vi söker", "Vi behöver", "Föreningen letar efter", "Förvaltningen söker"]
OFFER_OPENINGS = ["Vi erbjuder", "Vi kan ge", "Föreningen har", "Förvaltningen erbjuder"]
PLACES = ["Rosengård", "Lindängen", "Holma", "Kroksbäck", "Seved", "Fosie", "Oxie", "Hyllie",
          "Möllevången", "Limhamn", "Husie", "Kirseberg", "Centrum", "Bellevue", "Nydala"]
FILLERS = [
    "Verksamheten är öppen för alla och kostnadsfri.",
    "Vi har goda erfarenheter från tidigare år.",
    "Kontakta oss gärna för mer information.",
    "Det sker på kvällar och helger.",
    "Vi vill nå fler som annars inte deltar.",
    "Arbetet görs i samverkan med andra aktörer i området.",
]
# fmt: on


def _text(rng: random.Random, direction: str, kind: str) -> tuple[str, str]:
    theme = rng.choice(list(THEMES))
    activities, formats = THEMES[theme]
    activity, second = rng.sample(activities, 2)
    audience = rng.choice(AUDIENCES)
    place = rng.choice(PLACES)
    phrase = rng.choice(KIND_PHRASES[kind])
    opening = rng.choice(NEED_OPENINGS if direction == NEED else OFFER_OPENINGS)
    fmt = rng.choice(formats)
    title = f"{activity.capitalize()} för {audience} i {place}"
    text = (
        f"{opening} {phrase} {activity} och {second} för {audience} i {place}. "
        f"Det gäller {fmt} inom {theme}. {rng.choice(FILLERS)} {rng.choice(FILLERS)}"
    )
    return title, text


def _organisations(count: int, prefix: str) -> list[Organisation]:
    """`count` organisations, half city administrations and half associations, reused."""
    wanted = [f"{prefix}-{n}" for n in range(count)]
    existing = {o.slug: o for o in Organisation.objects.filter(slug__in=wanted)}
    missing = [
        Organisation(
            name=f"Testorganisation {n}",
            slug=slug,
            sector=Sector.MUNICIPALITY if n % 2 == 0 else Sector.CIVIL_SOCIETY,
            legal_form=LegalForm.ADMINISTRATION if n % 2 == 0 else LegalForm.ASSOCIATION,
            is_public=False,
        )
        for n, slug in enumerate(wanted)
        if slug not in existing
    ]
    Organisation.objects.bulk_create(missing, batch_size=1000)
    return list(Organisation.objects.filter(slug__in=wanted).order_by("slug"))


def generate_postings(agreement, count: int, *, seed: int = 5, organisations: int = 400) -> int:
    """`count` generated needs and offers (half each), bulk-inserted and indexed."""
    rng = random.Random(seed)  # nosec B311  # seeded demo data, no secret
    orgs = _organisations(organisations, f"generated-{seed}")
    kinds = list(Posting.Kind.values)
    batch_size = 5000
    made = 0
    while made < count:
        batch = []
        for _n in range(min(batch_size, count - made)):
            direction = NEED if rng.random() < 0.5 else OFFER
            kind = rng.choice(kinds)
            title, text = _text(rng, direction, kind)
            batch.append(
                Posting(
                    agreement=agreement,
                    organisation=rng.choice(orgs),
                    direction=direction,
                    kind=kind,
                    title=title,
                    text=text,
                )
            )
        created = Posting.objects.bulk_create(batch, batch_size=1000)
        if created and created[0].pk is None:  # a database that does not return ids
            created = list(Posting.objects.filter(index_length__isnull=True).order_by("pk"))
        bulk_index(created)
        made += len(batch)
    return made


@dataclass
class Quality:
    needs: int
    precision_at_1: float
    precision_at_5: float  # the standard measure: right offers among the top 5, divided by 5
    hit_at_5: float  # the share of needs whose right offer is among the top 5


def load_labelled(agreement) -> list[tuple[Posting, Posting]]:
    """The labelled pairs as postings: each need by its own organisation, each offer by another
    one of the other sector (city need, non-profit offer, and the other way round)."""
    orgs = _organisations(2 * len(PAIRS), "labelled")
    by_slug = {o.slug: o for o in orgs}
    postings = []
    for n, (kind, need_title, need_text, offer_title, offer_text) in enumerate(PAIRS):
        need_org = by_slug[f"labelled-{2 * n}"]  # a city administration
        offer_org = by_slug[f"labelled-{2 * n + 1}"]  # an association
        if n % 2:
            need_org, offer_org = offer_org, need_org
        postings.append(
            Posting(
                agreement=agreement,
                organisation=need_org,
                direction=NEED,
                kind=kind,
                title=need_title,
                text=need_text,
            )
        )
        postings.append(
            Posting(
                agreement=agreement,
                organisation=offer_org,
                direction=OFFER,
                kind=kind,
                title=offer_title,
                text=offer_text,
            )
        )
    created = Posting.objects.bulk_create(postings)
    bulk_index(created)
    return [(created[i], created[i + 1]) for i in range(0, len(created), 2)]


def measure(pairs: list[tuple[Posting, Posting]]) -> Quality:
    at_1 = at_5 = 0
    for need, offer in pairs:
        top = [s.posting.pk for s in suggest(need, limit=5)]
        at_1 += bool(top) and top[0] == offer.pk
        at_5 += offer.pk in top
    count = len(pairs)
    return Quality(
        needs=count,
        precision_at_1=at_1 / count,
        precision_at_5=at_5 / (5 * count),
        hit_at_5=at_5 / count,
    )
