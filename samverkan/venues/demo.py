"""The Malmöandan demo centre: Nobel 21 at Nobelvägen 21 (seed 001, the 2022 annual report),
its rooms, opening hours, closed days and booking rules; the bookings of 2022, exactly 2850
meetings held (plus a few cancelled ones, which do not count), spread over the rooms, weekdays
and evenings without overlaps; daily visitor counts of 2022 that average 545 a week; and a few
coming bookings and a weekly series so the availability pages show something.

The 2022 rows are generated from a fixed seed, so every load gives the same year, and written
in bulk (a few thousand rows in well under a second). Idempotent: the venue and its rooms are
found by slug, hours by weekday, closed days by date; the year's bookings and visitor counts
are written only when the venue has none of that year yet, and the coming bookings only when
it has no coming demo bookings.
"""

import datetime
import random

from django.db.models import Q
from django.utils import timezone

from samverkan.actors.models import LegalForm, Organisation, Sector
from samverkan.agreements.models import Agreement
from samverkan.venues.models import (
    Booking,
    BookingRules,
    BookingSeries,
    ClosedDay,
    OpeningHours,
    Room,
    Venue,
    VisitorCount,
)

AGREEMENT_SLUG = "malmoandan"
YEAR = 2022
MEETINGS_2022 = 2850  # "Det arrangerades 2850 möten ... på centret" (seed 001)
VISITORS_PER_WEEK_2022 = 545  # "cirka 545 besökare per vecka" (seed 001)
CANCELLED_2022 = 64
SEED = 2022_0545
T = datetime.time
D = datetime.date

VENUE = {
    "slug": "nobel-21",
    "name": "Nobel 21",
    "street_address": "Nobelvägen 21",
    "postal_code": "212 15",
    "city": "Malmö",
    "description": (
        "Föreningscentret Nobel 21 i Sofielund är en mötesplats för föreningslivet, "
        "näringslivet och Malmö stads förvaltningar: en levande plats där idéer utvecklas och "
        "förverkligas. Här bokar föreningar och förvaltningar rum för möten, seminarier, "
        "workshops och andra träffar. Under 2022 hade centret cirka 545 besökare i veckan och "
        "2 850 möten."
    ),
    "accessibility": (
        "Entré i gatuplan med automatisk dörröppnare. Hiss till alla våningar och "
        "tillgänglighetsanpassade toaletter på varje plan. Hörslinga i Stora salen och "
        "Konferensrummet. Ledarhundar är välkomna."
    ),
}

# (slug, name, seats, equipment, accessibility, weight): the weight is how much of the year's
# bookings the room gets.
ROOMS = [
    (
        "stora-salen",
        "Stora salen",
        120,
        "Projektor och duk, ljudanläggning med fyra mikrofoner, scen, hörslinga.",
        "Entréplan. Ramp upp till scenen, hörslinga, platser för rullstol längst fram.",
        0.5,
    ),
    (
        "konferensrummet",
        "Konferensrummet",
        30,
        "Projektor, whiteboard, utrustning för videomöten, hörslinga.",
        "Plan 1, hiss. Hörslinga.",
        1.1,
    ),
    (
        "workshoprummet",
        "Workshoprummet",
        24,
        "Flyttbara bord, whiteboardväggar, blädderblock, projektor.",
        "Plan 1, hiss. Höj- och sänkbart bord.",
        1.0,
    ),
    (
        "studiecirkelrummet",
        "Studiecirkelrummet",
        16,
        "Whiteboard, skärm med HDMI.",
        "Plan 2, hiss.",
        1.2,
    ),
    (
        "motesrummet-mollan",
        "Mötesrummet Möllan",
        10,
        "Skärm med HDMI, whiteboard.",
        "Plan 2, hiss.",
        1.2,
    ),
    (
        "motesrummet-seved",
        "Mötesrummet Seved",
        8,
        "Skärm, whiteboard.",
        "Plan 2, hiss. Smal dörr (80 cm).",
        1.0,
    ),
    (
        "koket",
        "Köket och caféet",
        30,
        "Storkök med spis, ugnar, diskmaskin och kaffebryggare; caféytan har 30 sittplatser.",
        "Entréplan. Arbetsbänk i sittande höjd.",
        0.6,
    ),
]

# weekday → (opens, closes); Sunday closed.
OPENING_HOURS = {
    0: (T(8), T(22)),
    1: (T(8), T(22)),
    2: (T(8), T(22)),
    3: (T(8), T(22)),
    4: (T(8), T(20)),
    5: (T(10), T(18)),
}

# The bookable slots of a day, with how often organisations want them (evenings, when
# volunteers have time, are popular).
SLOTS = {
    "weekday": [
        (T(9), T(12), 0.8),
        (T(13), T(16), 0.7),
        (T(17), T(19), 1.3),
        (T(19), T(21, 30), 1.2),
    ],
    "friday": [(T(9), T(12), 0.8), (T(13), T(16), 0.6), (T(17), T(19, 30), 0.8)],
    "saturday": [(T(10), T(13), 0.9), (T(14), T(17), 0.8)],
}
SEASON = {
    **{1: 0.9, 2: 1.0, 3: 1.1, 4: 1.0, 5: 1.0, 6: 0.8},
    **{7: 0.3, 8: 0.7, 9: 1.1, 10: 1.1, 11: 1.1, 12: 0.8},
}

HOLIDAYS_2022 = [
    (D(2022, 1, 1), "Nyårsdagen"),
    (D(2022, 1, 6), "Trettondedag jul"),
    (D(2022, 4, 15), "Långfredagen"),
    (D(2022, 4, 18), "Annandag påsk"),
    (D(2022, 5, 26), "Kristi himmelsfärds dag"),
    (D(2022, 6, 6), "Sveriges nationaldag"),
    (D(2022, 6, 24), "Midsommarafton"),
    (D(2022, 12, 24), "Julafton"),
    (D(2022, 12, 26), "Annandag jul"),
    (D(2022, 12, 31), "Nyårsafton"),
]
# Holidays with a fixed date, closed every year.
FIXED_HOLIDAYS = [
    ((1, 1), "Nyårsdagen"),
    ((1, 6), "Trettondedag jul"),
    ((5, 1), "Första maj"),
    ((6, 6), "Sveriges nationaldag"),
    ((12, 24), "Julafton"),
    ((12, 25), "Juldagen"),
    ((12, 26), "Annandag jul"),
    ((12, 31), "Nyårsafton"),
]

PURPOSES = {
    Sector.CIVIL_SOCIETY: [
        "Styrelsemöte",
        "Medlemsmöte",
        "Studiecirkel",
        "Årsmöte",
        "Läxhjälp",
        "Språkcafé",
        "Föreningsträff",
        "Planeringsmöte inför sommarlovet",
        "Workshop om medskapande",
        "Kurs i föreningskunskap",
        "Samtalsgrupp",
        "Öppet möte för nya medlemmar",
    ],
    Sector.MUNICIPALITY: [
        "Dialogmöte med civilsamhället",
        "Informationsmöte om föreningsbidrag",
        "Utbildningsdag",
        "Seminarium om idéburet offentligt partnerskap",
        "Samverkansmöte",
        "Workshop med föreningar i Sofielund",
    ],
    Sector.ACADEMIA: ["Seminarium", "Forskningscirkel om civilsamhället"],
    Sector.BUSINESS: ["Frukostmöte om samhällsentreprenörskap", "Workshop"],
}
SECTOR_WEIGHTS = {
    Sector.CIVIL_SOCIETY: 0.74,
    Sector.MUNICIPALITY: 0.2,
    Sector.ACADEMIA: 0.04,
    Sector.BUSINESS: 0.02,
}


def _tally() -> dict[str, int]:
    return {"created": 0, "existing": 0}


def _aware(day: datetime.date, at: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, at))


def _slots_of(day: datetime.date):
    if day.weekday() <= 3:
        return SLOTS["weekday"]
    if day.weekday() == 4:
        return SLOTS["friday"]
    if day.weekday() == 5:
        return SLOTS["saturday"]
    return []


def _open_days(year: int, closed: set) -> list[datetime.date]:
    day, days = D(year, 1, 1), []
    while day.year == year:
        if day.weekday() in OPENING_HOURS and day not in closed:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def _bookers(rng: random.Random) -> dict[str, list[Organisation]]:
    """The demo organisations that book, by sector: some 90 associations, the
    administrations, the university and a company or two when the demo has them."""
    organisations = Organisation.objects.filter(is_demo=True).exclude(
        legal_form=LegalForm.COMMITTEE
    )
    by_sector: dict[str, list[Organisation]] = {}
    for organisation in organisations.order_by("slug"):
        by_sector.setdefault(organisation.sector, []).append(organisation)
    civil = by_sector.get(Sector.CIVIL_SOCIETY, [])
    if len(civil) > 90:
        by_sector[Sector.CIVIL_SOCIETY] = rng.sample(civil, 90)
    return {sector: orgs for sector, orgs in by_sector.items() if sector in SECTOR_WEIGHTS}


def _pick_organisation(rng, bookers):
    sectors = [s for s in SECTOR_WEIGHTS if bookers.get(s)]
    sector = rng.choices(sectors, weights=[SECTOR_WEIGHTS[s] for s in sectors])[0]
    organisation = rng.choice(bookers[sector])
    return organisation, rng.choice(PURPOSES[sector])


def _booking_rows(venue, rooms: dict[str, Room], closed: set) -> list[Booking]:
    """The year's bookings: every (room, open day, slot) is a candidate, weighted by the room,
    the slot and the season; the heaviest MEETINGS_2022 + CANCELLED_2022 draws (weighted
    sampling without replacement, Efraimidis–Spirakis) are booked, so none overlap."""
    rng = random.Random(SEED)  # nosec B311  # seeded demo data, no secret
    bookers = _bookers(rng)
    if not bookers:
        return []
    weights = {slug: weight for slug, *_rest, weight in ROOMS}
    candidates = []
    for day in _open_days(YEAR, closed):
        for slug, room in rooms.items():
            for starts, ends, slot_weight in _slots_of(day):
                weight = weights[slug] * slot_weight * SEASON[day.month]
                candidates.append((rng.random() ** (1 / weight), room, day, starts, ends))
    candidates.sort(key=lambda c: c[0], reverse=True)
    chosen = candidates[: MEETINGS_2022 + CANCELLED_2022]
    rng.shuffle(chosen)
    rows = []
    for index, (_key, room, day, starts, ends) in enumerate(chosen):
        organisation, purpose = _pick_organisation(rng, bookers)
        # Some meetings start half an hour into the slot or end half an hour early.
        start = _aware(day, starts) + datetime.timedelta(minutes=rng.choice([0, 0, 0, 30]))
        end = _aware(day, ends) - datetime.timedelta(minutes=rng.choice([0, 0, 30]))
        cancelled = index < CANCELLED_2022
        rows.append(
            Booking(
                room=room,
                organisation=organisation,
                starts_at=start,
                ends_at=end,
                purpose=purpose,
                expected_participants=max(2, round(room.capacity * rng.uniform(0.35, 0.95))),
                status=Booking.Status.CANCELLED if cancelled else Booking.Status.CONFIRMED,
                created_at=start - datetime.timedelta(days=rng.randint(3, 60)),
                cancelled_at=start - datetime.timedelta(days=1) if cancelled else None,
                is_demo=True,
            )
        )
    return rows


def _visitor_rows(venue, closed: set) -> list[VisitorCount]:
    """A count for every open day of the year, summing to 545 a week over its 365/7 weeks."""
    rng = random.Random(SEED + 1)  # nosec B311  # seeded demo data, no secret
    days = _open_days(YEAR, closed)
    total = round(VISITORS_PER_WEEK_2022 * 365 / 7)
    day_weight = {0: 1.0, 1: 1.05, 2: 1.05, 3: 1.0, 4: 0.8, 5: 0.55}
    weights = [day_weight[d.weekday()] * SEASON[d.month] * rng.uniform(0.85, 1.15) for d in days]
    shares = [total * w / sum(weights) for w in weights]
    counts = [int(share) for share in shares]
    # Largest remainders get the visitors the rounding down left over, so the sum is exact.
    for i in sorted(range(len(days)), key=lambda i: shares[i] - counts[i], reverse=True)[
        : total - sum(counts)
    ]:
        counts[i] += 1
    recorded = timezone.make_aware(datetime.datetime(YEAR + 1, 1, 2, 9))
    return [
        VisitorCount(
            venue=venue,
            date=day,
            visitors=count,
            source=VisitorCount.Source.IMPORT,
            recorded_at=recorded,
            is_demo=True,
        )
        for day, count in zip(days, counts, strict=True)
    ]


def _coming_rows(venue, rooms: dict[str, Room], today: datetime.date):
    """A dozen coming bookings over the next two weeks and a weekly series of homework help
    (läxhjälp) by Föreningen Zig Zag, the demo ombud's association."""
    rng = random.Random(SEED + 2)  # nosec B311  # seeded demo data, no secret
    closed = set(
        ClosedDay.objects.filter(
            venue=venue, date__range=(today, today + datetime.timedelta(days=70))
        ).values_list("date", flat=True)
    )
    bookers = _bookers(random.Random(SEED))  # nosec B311  # seeded demo data, no secret
    zigzag = Organisation.objects.filter(slug="foreningen-zig-zag").first()
    fritid = Organisation.objects.filter(slug="fritidsforvaltningen").first()
    days = [
        today + datetime.timedelta(days=n)
        for n in range(1, 15)
        if (today + datetime.timedelta(days=n)).weekday() in OPENING_HOURS
        and today + datetime.timedelta(days=n) not in closed
    ]
    rows = []
    room_list = [rooms[slug] for slug, *_rest in ROOMS if slug in rooms]
    for n, day in enumerate(days[:12]):
        room = room_list[n % len(room_list)]
        starts, ends, _weight = rng.choice(_slots_of(day))
        if room.slug == "studiecirkelrummet" and day.weekday() == 1:
            continue  # the series' slot
        organisation, purpose = _pick_organisation(rng, bookers)
        if n == 0 and zigzag:
            organisation, purpose = zigzag, "Styrelsemöte"
        if n == 1 and fritid:
            organisation, purpose = fritid, "Informationsmöte om föreningsbidrag"
        rows.append(
            Booking(
                room=room,
                organisation=organisation,
                starts_at=_aware(day, starts),
                ends_at=_aware(day, ends),
                purpose=purpose,
                expected_participants=max(2, room.capacity // 2),
                is_demo=True,
            )
        )
    series = None
    if zigzag and "studiecirkelrummet" in rooms:
        room = rooms["studiecirkelrummet"]
        first = today + datetime.timedelta(days=(1 - today.weekday()) % 7 or 7)  # next Tuesday
        last = first + datetime.timedelta(weeks=7)
        series = BookingSeries(
            room=room,
            organisation=zigzag,
            first_date=first,
            last_date=last,
            starts_at=T(17),
            ends_at=T(19),
            purpose="Läxhjälp för mellanstadiet",
            expected_participants=12,
            skipped=[
                {"date": d.isoformat(), "reason": "Nobel 21 är stängt den dagen."}
                for d in sorted(closed)
                if first <= d <= last and d.weekday() == 1
            ],
            is_demo=True,
        )
        day = first
        while day <= last:
            if day not in closed:
                rows.append(
                    Booking(
                        room=room,
                        organisation=zigzag,
                        series=series,
                        starts_at=_aware(day, T(17)),
                        ends_at=_aware(day, T(19)),
                        purpose=series.purpose,
                        expected_participants=12,
                        is_demo=True,
                    )
                )
            day += datetime.timedelta(weeks=1)
    return series, rows


def load() -> dict:
    counts = {
        key: _tally()
        for key in (
            "venues",
            "rooms",
            "opening_hours",
            "closed_days",
            "booking_rules",
            "bookings",
            "booking_series",
            "visitor_counts",
        )
    }
    agreement = Agreement.objects.filter(slug=AGREEMENT_SLUG).first()
    if agreement is None:
        return counts

    venue, created = Venue.objects.get_or_create(
        agreement=agreement,
        slug=VENUE["slug"],
        defaults={**{k: v for k, v in VENUE.items() if k != "slug"}, "is_demo": True},
    )
    counts["venues"]["created" if created else "existing"] += 1

    rooms: dict[str, Room] = {}
    for slug, name, seats, equipment, accessibility, _weight in ROOMS:
        room, created = Room.objects.get_or_create(
            venue=venue,
            slug=slug,
            defaults={
                "name": name,
                "capacity": seats,
                "equipment": equipment,
                "accessibility_notes": accessibility,
            },
        )
        rooms[slug] = room
        counts["rooms"]["created" if created else "existing"] += 1

    for weekday, (opens, closes) in OPENING_HOURS.items():
        _hours, created = OpeningHours.objects.get_or_create(
            venue=venue, weekday=weekday, defaults={"opens_at": opens, "closes_at": closes}
        )
        counts["opening_hours"]["created" if created else "existing"] += 1

    this_year = timezone.localdate().year
    holidays = list(HOLIDAYS_2022) + [
        (D(year, month, day), name)
        for year in (this_year, this_year + 1)
        for (month, day), name in FIXED_HOLIDAYS
    ]
    for date, reason in holidays:
        _day, created = ClosedDay.objects.get_or_create(
            venue=venue, date=date, defaults={"reason": reason}
        )
        counts["closed_days"]["created" if created else "existing"] += 1

    _rules, created = BookingRules.objects.get_or_create(
        venue=venue,
        defaults={
            "longest_booking": datetime.timedelta(hours=8),
            "days_ahead": 180,
            "minimum_notice": datetime.timedelta(hours=2),
        },
    )
    counts["booking_rules"]["created" if created else "existing"] += 1

    year_start, next_year = _aware(D(YEAR, 1, 1), T.min), _aware(D(YEAR + 1, 1, 1), T.min)
    of_year = Booking.objects.filter(
        room__venue=venue, starts_at__gte=year_start, starts_at__lt=next_year
    )
    if of_year.exists():
        counts["bookings"]["existing"] += of_year.count()
    else:
        closed_2022 = {date for date, _name in HOLIDAYS_2022}
        rows = _booking_rows(venue, rooms, closed_2022)
        Booking.objects.bulk_create(rows, batch_size=1000)
        counts["bookings"]["created"] += len(rows)

    coming = Booking.objects.filter(room__venue=venue, is_demo=True, starts_at__gt=timezone.now())
    if coming.exists():
        counts["bookings"]["existing"] += coming.count()
        counts["booking_series"]["existing"] += (
            BookingSeries.objects.filter(room__venue=venue, is_demo=True)
            .filter(Q(last_date__gte=timezone.localdate()))
            .count()
        )
    else:
        series, rows = _coming_rows(venue, rooms, timezone.localdate())
        if series is not None:
            series.save()
            counts["booking_series"]["created"] += 1
        Booking.objects.bulk_create(rows, batch_size=1000)
        counts["bookings"]["created"] += len(rows)

    visitors_of_year = VisitorCount.objects.filter(venue=venue, date__year=YEAR)
    if visitors_of_year.exists():
        counts["visitor_counts"]["existing"] += visitors_of_year.count()
    else:
        rows = _visitor_rows(venue, {date for date, _name in HOLIDAYS_2022})
        VisitorCount.objects.bulk_create(rows, batch_size=1000)
        counts["visitor_counts"]["created"] += len(rows)
    return counts
