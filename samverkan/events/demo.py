"""The Malmöandan demo events: the events of 2022 that the annual report (seed 001) tells of,
with registrations and attendance, and a few coming events so the calendar has something to
show, one of them full with a waiting list.

2022 (seed 001): the dialogue forum, where about 120 people from the city, civil society,
business and academia took part, on young people's situation on the labour market and their
mental and physical health; two Malmötimmar (young people's way to the labour market;
countering hate and threats, mainly online); nine learning lunches, five of whose themes the
report names (Communities That Care, social entrepreneurship, Klimatkontrakt 2030, a local
currency, the right to sport; the other four are the demo's own, drawn from what the report
tells of the year: the citizens' budgets of Malmö Tillsammans, the IOP Kraftsamling Herrgården,
young people's mental health and young leaders, in the year of the focus area on young
people's safety and participation); the training
"Medskapa förändring" by Malmöakademien, five sessions of which three online and two on site,
where four people had a seat through Malmöandan (a seat quota of four). Dates and times the
report does not give are the demo's own.

Participants are demo users deltagare.N@demo.samverkan.se (the demo password), each from an
organisation of the demo, created in bulk. Events are written through the services
(`by=SYSTEM`, the platform); registrations of past events are written in bulk, as an import
would, since the registration window of a past event is closed. Idempotent: events are found
by slug, participants by e-mail; registrations are written only for an event this load creates.
"""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from samverkan.actors.models import Organisation, Sector
from samverkan.agreements.models import Agreement
from samverkan.areas.models import FocusArea, PriorityArea
from samverkan.core.demo_support import DEMO_PASSWORD
from samverkan.core.permissions import SYSTEM
from samverkan.events import services
from samverkan.events.models import (
    SECTOR_OF_ORGANISATION,
    Event,
    EventKind,
    ParticipantSector,
    PlaceKind,
    Registration,
)
from samverkan.venues.models import Room

AGREEMENT_SLUG = "malmoandan"
VENUE_SLUG = "nobel-21"
ADDRESS = "Nobel 21, Nobelvägen 21, 212 15 Malmö"
PARTICIPANTS = 160
MEMBER_EMAIL = "medlem@demo.samverkan.se"
OMBUD_EMAIL = "ombud@demo.samverkan.se"
CITY, CIVIL, BUSINESS, ACADEMIA, OTHER = (s.value for s in ParticipantSector)
SESSION_LINK = "https://mote.example.org/medskapa-forandring"


def participant_email(n: int) -> str:
    return f"deltagare.{n}@demo.samverkan.se"


def _tally() -> dict[str, int]:
    return {"created": 0, "existing": 0}


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _working_day(day: datetime.date) -> datetime.date:
    """`day`, or the first weekday after it outside the Christmas and New Year break: a coming
    event placed relative to today falls where people hold events."""
    if (day.month, day.day) >= (12, 20):
        day = datetime.date(day.year + 1, 1, 7)
    elif (day.month, day.day) <= (1, 6):
        day = datetime.date(day.year, 1, 7)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


D = datetime.date

# (slug, title, theme, date, area title start or "") of the nine learning lunches of 2022.
LUNCHES_2022 = [
    ("larandelunch-2022-02", "Lärandelunch: Communities That Care (CTC)",
     "Communities That Care (CTC)", D(2022, 2, 10), "Ungas hälsa"),
    ("larandelunch-2022-03", "Lärandelunch: samhällsentreprenörskap",
     "Samhällsentreprenörskap", D(2022, 3, 10), "Nya vägar"),
    ("larandelunch-2022-04", "Lärandelunch: Klimatkontrakt 2030",
     "Klimatkontrakt 2030", D(2022, 4, 21), "Stadsliv"),
    ("larandelunch-2022-05", "Lärandelunch: lokal valuta på Kirseberg",
     "Lokal valuta", D(2022, 5, 12), "Delaktighet"),
    ("larandelunch-2022-06", "Lärandelunch: rätten till idrott",
     "Rätten till idrott", D(2022, 6, 9), "Jämlik fritid"),
    ("larandelunch-2022-09", "Lärandelunch: medborgarbudget på Sofielund och i Kirseberg",
     "Medborgarbudget", D(2022, 9, 15), "Delaktighet"),
    ("larandelunch-2022-10", "Lärandelunch: så blir ett IOP till – Kraftsamling Herrgården",
     "Idéburet offentligt partnerskap (IOP)", D(2022, 10, 6), "Delaktighet"),
    ("larandelunch-2022-11", "Lärandelunch: ungas psykiska hälsa och föreningslivet",
     "Ungas psykiska hälsa", D(2022, 11, 10), "Ungas hälsa"),
    ("larandelunch-2022-12", "Lärandelunch: unga ledare i föreningslivet",
     "Unga ledare och ideellt engagemang", D(2022, 12, 8), "Jämlik fritid"),
]  # fmt: skip


def _people(counts: dict) -> list:
    """The demo participants, created in bulk with the shared demo password hash, each with a
    verified e-mail address."""

    User = get_user_model()
    emails = [participant_email(n) for n in range(1, PARTICIPANTS + 1)]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    missing = [e for e in emails if e not in existing]
    counts["participant_users"]["existing"] += len(existing)
    if missing:
        password = make_password(DEMO_PASSWORD)
        first = ["Amira", "Björn", "Cecilia", "Daniel", "Elif", "Fredrik", "Gunilla", "Hassan",
                 "Ida", "Johan", "Karin", "Leila", "Magnus", "Nadia", "Oskar", "Petra"]  # fmt: skip
        last = ["Lindqvist", "Nilsson", "Yilmaz", "Berg", "Haddad", "Ström", "Novak", "Ek",
                "Holmberg", "Sandberg"]  # fmt: skip
        User.objects.bulk_create(
            User(
                email=email,
                password=password,
                first_name=first[n % len(first)],
                last_name=last[(n // len(first)) % len(last)],
                is_demo=True,
            )
            for n, email in enumerate(missing)
        )
        counts["participant_users"]["created"] += len(missing)
        users = User.objects.filter(email__in=missing)
        EmailAddress.objects.bulk_create(
            EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users
        )
    by_email = {u.email: u for u in User.objects.filter(email__in=emails)}
    return [by_email[e] for e in emails]


def _organisations_by_sector() -> dict[str, list]:
    pools = {CITY: [], CIVIL: [], BUSINESS: [], ACADEMIA: [], OTHER: []}
    for organisation in Organisation.objects.filter(is_demo=True).order_by("pk")[:400]:
        pools[SECTOR_OF_ORGANISATION[Sector(organisation.sector)]].append(organisation)
    return pools


class Participants:
    """Hands out demo participants of a wanted sector, each once per event, with an
    organisation of that sector (or a named one of their own when the demo has none)."""

    OWN_NAMES = {
        BUSINESS: ["Sydsvenska Fastigheter AB", "Öresunds Konsult AB", "Möllans Café"],
        ACADEMIA: ["Lunds universitet", "Malmö universitet"],
        OTHER: ["Länsstyrelsen Skåne", "Arbetsförmedlingen", "Privatperson"],
    }

    def __init__(self, people: list, pools: dict):
        self.people = people
        self.pools = pools

    def rows(self, event: Event, mix: dict[str, int], *, start: int = 0, **fields) -> list:
        """Registrations of len(mix) people, `mix` saying how many of each sector."""
        rows, n = [], start
        for sector, count in mix.items():
            pool = self.pools.get(sector) or []
            for k in range(count):
                person = self.people[n % len(self.people)]
                n += 1
                organisation = pool[(n * 7 + k) % len(pool)] if pool else None
                names = self.OWN_NAMES.get(sector, [""])
                rows.append(
                    Registration(
                        event=event,
                        user=person,
                        organisation=organisation,
                        organisation_name="" if organisation else names[k % len(names)],
                        sector=sector,
                        status=Registration.Status.REGISTERED,
                        is_demo=True,
                        **fields,
                    )
                )
        return rows


def _attend(rows: list, attended: int) -> list:
    """The first `attended` came, the others did not."""
    for n, row in enumerate(rows):
        row.attended = n < attended
    return rows


def load() -> dict[str, dict[str, int]]:
    counts = {
        key: _tally()
        for key in ("events", "event_sessions", "event_quotas", "registrations",
                    "participant_users")
    }  # fmt: skip
    agreement = Agreement.objects.filter(slug=AGREEMENT_SLUG).first()
    if agreement is None:
        return counts
    orgs = {o.slug: o for o in Organisation.objects.filter(slug__in=[
        "stadskontoret", "malmo-ideella", "malmoakademien", "nobel-21", "miso",
        "fritidsforvaltningen", "arbetsmarknads-och-socialforvaltningen", "sensus-studieforbund",
        "kc-kompetenscenter", "malmo-universitet",
    ])}  # fmt: skip
    if "stadskontoret" not in orgs or "malmo-ideella" not in orgs:
        return counts
    people = _people(counts)
    crowd = Participants(people, _organisations_by_sector())
    areas = {a.title: a for a in PriorityArea.objects.filter(agreement=agreement)}
    focus = {f.year: f for f in FocusArea.objects.filter(agreement=agreement)}

    rooms = list(
        Room.objects.filter(venue__agreement=agreement, venue__slug=VENUE_SLUG)
        .select_related("venue")
        .order_by("-capacity", "name")
    )
    coordinators = [orgs["stadskontoret"], orgs["malmo-ideella"]]

    def area(start: str) -> list:
        return [a for title, a in areas.items() if start and title.startswith(start)]

    def place(size: int) -> dict:
        """A room of Nobel 21 big enough (the largest when none is), else its address."""
        if not rooms:
            return {"place_kind": PlaceKind.ADDRESS, "address": ADDRESS}
        fitting = [r for r in rooms if r.capacity >= size]
        return {"place_kind": PlaceKind.ROOM, "room": fitting[-1] if fitting else rooms[0]}

    def event(slug: str, **fields) -> tuple[Event, bool]:
        found = Event.objects.filter(slug=slug).first()
        if found is not None:
            counts["events"]["existing"] += 1
            counts["registrations"]["existing"] += found.registrations.count()
            counts["event_sessions"]["existing"] += found.sessions.count()
            counts["event_quotas"]["existing"] += found.quotas.count()
            return found, False
        fields.setdefault("organisers", coordinators)
        created = services.create_event(
            agreement=agreement, by=SYSTEM, slug=slug, is_published=True, is_demo=True, **fields
        )
        counts["events"]["created"] += 1
        return created, True

    def save(rows: list) -> None:
        Registration.objects.bulk_create(rows, batch_size=500)
        counts["registrations"]["created"] += len(rows)

    # --- 2022 -------------------------------------------------------------------------------
    forum, new = event(
        "dialogforum-2022",
        kind=EventKind.DIALOGUE_FORUM,
        title="Malmöandans dialogforum 2022",
        summary="Det årliga dialogforumet om samverkan mellan sektorerna.",
        text=(
            "Dialogforumet främjar en fortlöpande dialog om förutsättningarna för samverkan "
            "mellan sektorerna kring gemensamma samhällsutmaningar, och ökar inflytandet och "
            "demokratin kring aktörernas uppdrag, ansvar och engagemang.\n\n"
            "Alla deltagare bidrog med tankar och idéer kring 1) ungas situation på "
            "arbetsmarknaden och 2) ungas psykiska och fysiska hälsa."
        ),
        theme="Ungas situation på arbetsmarknaden och ungas psykiska och fysiska hälsa",
        starts_at=_at(D(2022, 10, 13), 13),
        ends_at=_at(D(2022, 10, 13), 16, 30),
        capacity=150,
        areas=area("Ungas hälsa") + area("Nya vägar"),
        focus_area=focus.get(2022),
        **place(120),
    )
    if new:
        # About 120 took part (seed 001): 131 registered, 120 came, from all four sectors.
        rows = crowd.rows(forum, {CITY: 53, CIVIL: 56, BUSINESS: 11, ACADEMIA: 11})
        rows.sort(key=lambda r: r.user.email)
        save(_attend(rows, 120))

    hours = [
        ("malmotimme-2022-unga-och-arbetsmarknaden",
         "Malmötimme: ungdomars väg till arbetsmarknaden",
         "Ungdomars väg till arbetsmarknaden", D(2022, 4, 28), "Nya vägar", 38, 34),
        ("malmotimme-2022-hat-och-hot", "Malmötimme: att motverka hat och hot",
         "Att motverka hat och hot, främst på internet", D(2022, 11, 24), "Delaktighet", 33, 29),
    ]  # fmt: skip
    for n, (slug, title, theme, day, area_start, registered, came) in enumerate(hours):
        hour, new = event(
            slug,
            kind=EventKind.MALMO_HOUR,
            title=title,
            summary="En timme för möten över sektorsgränserna.",
            theme=theme,
            starts_at=_at(day, 15),
            ends_at=_at(day, 16),
            capacity=50,
            areas=area(area_start),
            focus_area=focus.get(2022),
            **place(50),
        )
        if new:
            civil = registered // 2
            mix = {CITY: registered - civil - 3, CIVIL: civil, BUSINESS: 2, OTHER: 1}
            save(_attend(crowd.rows(hour, mix, start=40 * n), came))

    for n, (slug, title, theme, day, area_start) in enumerate(LUNCHES_2022):
        online = n % 3 == 2
        lunch, new = event(
            slug,
            kind=EventKind.LEARNING_LUNCH,
            title=title,
            summary=(
                "Någon från kommunen eller en idéburen organisation presenterar en aktuell "
                "fråga, verksamhet eller ett projekt under lunchen."
            ),
            theme=theme,
            starts_at=_at(day, 12),
            ends_at=_at(day, 13),
            capacity=30,
            areas=area(area_start),
            focus_area=focus.get(2022),
            **(
                {"place_kind": PlaceKind.ONLINE, "online_url": "https://mote.example.org/lunch"}
                if online
                else place(30)
            ),
        )
        if new:
            size = 14 + (n * 5) % 11
            mix = {CITY: size // 2, CIVIL: size - size // 2 - 1, ACADEMIA: 1}
            save(_attend(crowd.rows(lunch, mix, start=7 * n), size - 2))

    training, new = event(
        "medskapa-forandring-2022",
        kind=EventKind.TRAINING,
        title="Medskapa förändring",
        summary="Malmöakademiens utbildning för den som driver processer med många parter.",
        text=(
            "Utbildningen stöttar dem som har ett uppdrag att driva processer med många "
            "involverade parter och intressenter. Den har ett praktiskt fokus och ger deltagarna "
            "möjlighet att pröva metoder och omsätta insikter och lärdomar i sitt arbete.\n\n"
            "Malmöandan erbjuder tjänstepersoner i kommunen och representanter och anställda i "
            "idéburna organisationer fyra platser."
        ),
        theme="Processledning och medskapande",
        starts_at=_at(D(2022, 9, 6), 9),
        ends_at=_at(D(2022, 11, 29), 16),
        capacity=16,
        organisers=[orgs.get("malmoakademien") or coordinators[0], *coordinators],
        focus_area=focus.get(2022),
        place_kind=PlaceKind.ONLINE,
        online_url=SESSION_LINK,
    )
    if new:
        _training_sessions(training, 2022, place, counts)
        quota = services.add_quota(
            event=training, by=SYSTEM, name="Platser genom Malmöandan", seats=4,
            sectors=[CITY, CIVIL],
        )  # fmt: skip
        counts["event_quotas"]["created"] += 1
        # The four through Malmöandan (seed 001), then Malmöakademien's other participants.
        through = crowd.rows(training, {CITY: 2, CIVIL: 2}, start=100, quota=quota)
        others = crowd.rows(training, {ACADEMIA: 4, BUSINESS: 4, OTHER: 3}, start=104)
        save(_attend(through, 4) + _attend(others, 10))

    # --- Coming events, relative to today -----------------------------------------------------
    today = timezone.localdate()
    next_year = today.year + 1
    lunch, new = event(
        "larandelunch-kommande-rorelse",
        kind=EventKind.LEARNING_LUNCH,
        title="Lärandelunch: rörelse i vardagen",
        summary="Hur föreningar och förvaltningar får fler att röra sig varje dag.",
        theme="Rörelse och hälsa",
        starts_at=_at(_working_day(today + datetime.timedelta(days=10)), 12),
        ends_at=_at(_working_day(today + datetime.timedelta(days=10)), 13),
        capacity=30,
        areas=area("Ungas hälsa"),
        focus_area=focus.get(today.year),
        **place(30),
    )
    if new:
        rows = crowd.rows(lunch, {CITY: 5, CIVIL: 7, ACADEMIA: 1}, start=20)
        # The demo ombud has signed up for Föreningen Zig Zag: Mina sidor shows a coming event.
        ombud = get_user_model().objects.filter(email=OMBUD_EMAIL).first()
        zig_zag = Organisation.objects.filter(slug="foreningen-zig-zag").first()
        if ombud is not None and zig_zag is not None:
            rows.append(
                Registration(
                    event=lunch,
                    user=ombud,
                    organisation=zig_zag,
                    sector=CIVIL,
                    status=Registration.Status.REGISTERED,
                    is_demo=True,
                )
            )
        save(rows)

    hour, new = event(
        "malmotimme-kommande-fullbokad",
        kind=EventKind.MALMO_HOUR,
        title="Malmötimme: lokaler för föreningslivet",
        summary="Hur fler lokaler kan delas mellan staden och föreningarna. Fullbokad: ställ "
        "dig på reservlistan.",
        theme="Lokaler och mötesplatser",
        starts_at=_at(_working_day(today + datetime.timedelta(days=21)), 15),
        ends_at=_at(_working_day(today + datetime.timedelta(days=21)), 16),
        capacity=12,
        areas=area("Stadsliv"),
        **place(12),
    )
    if new:
        seated = crowd.rows(hour, {CITY: 6, CIVIL: 6}, start=60)
        now = timezone.now()
        waiting = crowd.rows(hour, {CIVIL: 2, BUSINESS: 1}, start=72)
        for n, row in enumerate(waiting):
            row.status = Registration.Status.WAITLISTED
            row.queued_at = now + datetime.timedelta(seconds=n)
        save(seated + waiting)

    event(
        "workshop-kommande-iop",
        kind=EventKind.WORKSHOP,
        title="Workshop: från idé till idéburet offentligt partnerskap",
        summary="Vad som krävs för ett IOP, med exempel från Malmö.",
        theme="IOP",
        starts_at=_at(_working_day(today + datetime.timedelta(days=45)), 9),
        ends_at=_at(_working_day(today + datetime.timedelta(days=45)), 12),
        capacity=25,
        registration_opens_at=_at(today + datetime.timedelta(days=14), 8),
        **place(25),
    )

    training, new = event(
        f"medskapa-forandring-{next_year}",
        kind=EventKind.TRAINING,
        title=f"Medskapa förändring {next_year}",
        summary="Malmöakademiens utbildning i processledning; fyra platser genom Malmöandan.",
        theme="Processledning och medskapande",
        starts_at=_at(D(next_year, 3, 3), 9),
        ends_at=_at(D(next_year, 5, 26), 16),
        capacity=16,
        organisers=[orgs.get("malmoakademien") or coordinators[0], *coordinators],
        focus_area=focus.get(next_year),
        place_kind=PlaceKind.ONLINE,
        online_url=SESSION_LINK,
    )
    if new:
        _training_sessions(training, next_year, place, counts)
        services.add_quota(
            event=training, by=SYSTEM, name="Platser genom Malmöandan", seats=4,
            sectors=[CITY, CIVIL],
        )  # fmt: skip
        counts["event_quotas"]["created"] += 1
    return counts


def _training_sessions(training: Event, year: int, place, counts: dict) -> None:
    """Five sessions: three online, two on site (seed 001)."""
    weeks = [
        (0, "Introduktion", True),
        (3, "Att leda medskapande processer", True),
        (6, "Träff på plats: metoder i praktiken", False),
        (9, "Att hantera intressenter", True),
        (12, "Träff på plats: avslutning och lärdomar", False),
    ]
    first = training.starts_at.date()
    for weeks_in, title, online in weeks:
        day = first + datetime.timedelta(weeks=weeks_in)
        fields = (
            {"place_kind": PlaceKind.ONLINE, "online_url": SESSION_LINK} if online else place(16)
        )
        hours = (_at(day, 9), _at(day, 12)) if online else (_at(day, 9), _at(day, 16))
        services.add_session(
            event=training, by=SYSTEM, title=title, starts_at=hours[0], ends_at=hours[1], **fields
        )
        counts["event_sessions"]["created"] += 1
