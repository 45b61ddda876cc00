"""Demo data of this app: Malmöandan's steering group and working group, the four steering-group
meetings of 2022 with adjusted and published minutes (§ 1–§ 11), the March 2023 meeting that
approved the 2022 report, and meetings placed relative to the day of loading: last November's,
which adopted this year's focus area, one held about two months ago and the next one, planned
about three weeks ahead.

Called by samverkan.demo.loader.load_demo() after the areas' demo (which makes the prepared
focus-area proposal for 2023 that the November meeting adopts). Everything goes through the
services, as a coordinator would enter it. Idempotent: bodies are found by slug, members by
e-mail and meetings by body and time; an existing meeting is left as it is.
"""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from samverkan.actors.models import Organisation
from samverkan.agreements.models import Agreement
from samverkan.areas import demo as areas_demo
from samverkan.areas.models import FocusArea, FocusAreaProposal, Hosting
from samverkan.core import demo_support
from samverkan.governance import services
from samverkan.governance.models import Body, Meeting, Membership, MinutesParagraph, Seat, Statement

AGREEMENT = "malmoandan"
COORDINATOR_CITY = "samordnare.stad@demo.samverkan.se"
COORDINATOR_CIVIL = "samordnare.ideburen@demo.samverkan.se"
FOCUS_2023 = "Jämlik hälsa – rörelse och kost – med särskild inriktning på diabetes typ 2"
APPOINTED_BY_CITY = "Kommunstyrelsens arbetsutskott"
NOBEL = "Nobel 21, Nobelvägen 21"
TOWN_HALL = "Stadshuset, August Palms plats 1"
TERM_START = datetime.date(2022, 1, 1)

# (n, first name, last name, seat, organisation slug, chair): fictional people.
MEMBERS = [
    (1, "Karin", "Ståhl", Seat.CITY, "kommunstyrelsen", True),
    (2, "Ahmed", "Yusuf", Seat.CITY, "kommunstyrelsen", False),
    (3, "Birgitta", "Holm", Seat.CITY, "kommunstyrelsen", False),
    (4, "Lena", "Åkesson", Seat.CIVIL_SOCIETY, demo_support.MALMO_IDEELLA, False),
    (5, "Mikael", "Persson", Seat.CIVIL_SOCIETY, demo_support.MISO, False),
    (6, "Fatima", "Karimi", Seat.CIVIL_SOCIETY, "sensus-studieforbund", False),
    (7, "Jonas", "Lindgren", Seat.CIVIL_SOCIETY, "radda-barnen-malmo", False),
    (8, "Elin", "Söderberg", Seat.CIVIL_SOCIETY, "foreningen-zig-zag", False),
]


def _tally() -> dict[str, int]:
    return {"created": 0, "existing": 0}


def _at(day: datetime.date, hour: int = 13) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _member_users(counts) -> dict[int, object]:
    User = get_user_model()
    users, password = {}, None
    for n, first, last, _seat, _org, _chair in MEMBERS:
        email = f"ledamot.{n}@demo.samverkan.se"
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            password = password or make_password(demo_support.DEMO_PASSWORD)
            user = User.objects.create(
                email=email, password=password, first_name=first, last_name=last, is_demo=True
            )
            counts["governance_users"]["created"] += 1
        else:
            counts["governance_users"]["existing"] += 1
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        users[n] = user
    return users


def _body(agreement, counts, *, by, **fields) -> tuple[Body, bool]:
    body = Body.objects.filter(agreement=agreement, slug=fields["slug"]).first()
    if body is not None:
        counts["bodies"]["existing"] += 1
        return body, False
    counts["bodies"]["created"] += 1
    return services.create_body(agreement=agreement, by=by, is_demo=True, **fields), True


def _membership(body, user, counts, *, by, **fields) -> Membership:
    existing = Membership.objects.filter(body=body, user=user).first()
    if existing is not None:
        counts["memberships"]["existing"] += 1
        return existing
    counts["memberships"]["created"] += 1
    return services.add_membership(body=body, user=user, by=by, **fields)


def _steering_group(agreement, users, coordinators, counts, *, by) -> Body:
    body, _new = _body(
        agreement,
        counts,
        by=by,
        kind=Body.Kind.STEERING_GROUP,
        name="Styrgruppen för Malmöandan",
        slug="styrgruppen",
        description=(
            "Styrgruppen ansvarar för den övergripande styrningen av Malmöandan. Den består av "
            "åtta personer: tre från Malmö stad, som kommunstyrelsens arbetsutskott utser, och "
            "fem från den idéburna sektorn. Samordnarna är adjungerade utan rösträtt och "
            "återrapporterar fortlöpande till gruppen. Styrgruppen tar in förslag till "
            "fokusområden och beslutar varje år om nästa års fokusområde."
        ),
        city_voting_seats=3,
        civil_voting_seats=5,
    )
    orgs = {o.slug: o for o in Organisation.objects.filter(slug__in=[m[4] for m in MEMBERS])}
    for n, _first, _last, seat, org, chair in MEMBERS:
        _membership(
            body,
            users[n],
            counts,
            by=by,
            seat=seat,
            organisation=orgs.get(org),
            is_chair=chair,
            starts_on=TERM_START,
            appointed_by=APPOINTED_BY_CITY if seat == Seat.CITY else "Malmö ideella och MISO",
        )
    for user, seat, org in coordinators:
        _membership(
            body,
            user,
            counts,
            by=by,
            seat=seat,
            role=Membership.Role.ADJOINED,
            organisation=Organisation.objects.filter(slug=org).first(),
            starts_on=TERM_START,
        )
    return body


def _working_group(agreement, coordinators, counts, *, by) -> Body:
    body, _new = _body(
        agreement,
        counts,
        by=by,
        kind=Body.Kind.WORKING_GROUP,
        name="Arbetsgruppen",
        slug="arbetsgruppen",
        description=(
            "Arbetsgruppen planerar och följer upp arbetet i samarbetsplanen. Den består av "
            "samordnarna och värdarna för de prioriterade områdena; andra kan adjungeras."
        ),
    )
    for user, seat, org in coordinators:
        _membership(
            body,
            user,
            counts,
            by=by,
            seat=seat,
            organisation=Organisation.objects.filter(slug=org).first(),
            starts_on=TERM_START,
        )
    hostings = (
        Hosting.objects.filter(area__agreement=agreement, contact_person__isnull=False)
        .select_related("contact_person", "organisation")
        .order_by("area__position", "side")[:4]
    )
    seen = {user.pk for user, _seat, _org in coordinators}
    for hosting in hostings:
        if hosting.contact_person_id in seen:
            continue
        seen.add(hosting.contact_person_id)
        seat = Seat.CITY if hosting.side == "city" else Seat.CIVIL_SOCIETY
        _membership(
            body,
            hosting.contact_person,
            counts,
            by=by,
            seat=seat,
            organisation=hosting.organisation,
            starts_on=max(TERM_START, hosting.starts_on),
        )
    return body


def _focus_proposal(agreement, title: str, year: int):
    proposal = FocusAreaProposal.objects.filter(
        agreement=agreement, title=title, status=FocusAreaProposal.Status.PREPARED
    ).first()
    if proposal is None or FocusArea.objects.filter(agreement=agreement, year=year).exists():
        return None  # The areas' demo is missing or has decided it already: no adoption.
    return proposal


def _meeting(body, spec, members, counts, *, by):
    """One meeting: agenda, attendance, paragraphs, statements, adjustment."""
    starts_at = _at(spec["day"])
    found = Meeting.objects.filter(body=body, starts_at=starts_at)
    if spec.get("window"):
        # A meeting placed relative to the day of loading: one loaded on another day, near
        # it, is the same meeting.
        window = datetime.timedelta(days=spec["window"])
        found = Meeting.objects.filter(
            body=body, starts_at__range=(starts_at - window, starts_at + window)
        )
    if found.exists():
        counts["meetings"]["existing"] += 1
        return
    counts["meetings"]["created"] += 1
    meeting = services.schedule_meeting(
        body=body,
        starts_at=starts_at,
        place=spec["place"],
        chair=members[1].user,
        secretary=members["city"].user,
        by=by,
        allow_past=True,
        is_demo=True,
    )
    items = {}
    for key, title, proposal in spec["agenda"]:
        items[key] = services.add_agenda_item(
            meeting=meeting, title=title, focus_proposal=proposal, by=by
        )
    if spec.get("planned"):
        return
    present = [m for key, m in members.items() if key not in spec["absent"]]
    services.record_attendance(meeting=meeting, present=present, by=by)
    for p in spec["paragraphs"]:
        paragraph = services.add_paragraph(
            meeting=meeting,
            title=p["title"],
            text=p.get("text", ""),
            agenda_item=items.get(p.get("item")),
            decision=p.get("decision", ""),
            method=p.get("method", MinutesParagraph.Method.NOTED),
            votes_for=p.get("votes_for"),
            votes_against=p.get("votes_against"),
            focus_area_adopted=True if items.get(p.get("item")) and p.get("focus") else None,
            by=by,
        )
        counts["minutes_paragraphs"]["created"] += 1
        for kind, member_key, text in p.get("statements", []):
            services.add_statement(
                paragraph=paragraph, kind=kind, membership=members[member_key], text=text, by=by
            )
    adjusted_on = spec["day"] + datetime.timedelta(days=7)
    services.adjust_minutes(
        meeting=meeting,
        adjusters=[members[key].user for key in spec["adjusters"]],
        adjusted_on=adjusted_on,
        published_at=_at(adjusted_on, 10),
        by=by,
    )


def _meetings_2022(proposal) -> list[dict]:
    consensus = MinutesParagraph.Method.CONSENSUS
    vote = MinutesParagraph.Method.VOTE
    focus_title = "Fokusområde 2023"
    focus = {
        "item": "focus",
        "title": focus_title,
        "text": (
            "Samordnarna har berett de förslag till fokusområde för 2023 som kommit in. "
            "Förslaget om jämlik hälsa knyter an till dialogen om ett IOP för jämlik hälsa "
            "på Lindängen."
        ),
        "decision": f"Styrgruppen beslutar att fokusområdet för 2023 ska vara ”{FOCUS_2023}”.",
        "method": consensus,
        "focus": proposal is not None,
    }
    return [
        {
            "day": datetime.date(2022, 2, 15),
            "place": NOBEL,
            "absent": {8},
            "adjusters": [4],
            "agenda": [
                ("open", "Mötets öppnande och val av justerare", None),
                ("report", "Årsrapport 2021", None),
                ("focus", "Fokusområde 2022: ungas trygghet och delaktighet", None),
            ],
            "paragraphs": [
                {
                    "item": "open",
                    "title": "Mötets öppnande och val av justerare",
                    "text": "Ordföranden öppnar mötet. Lena Åkesson utses att justera protokollet.",
                },
                {
                    "item": "report",
                    "title": "Årsrapport 2021",
                    "text": (
                        "Samordnarna presenterar årsrapporten för 2021, som stadskontoret "
                        "lämnar till kommunstyrelsen."
                    ),
                    "decision": "Styrgruppen godkänner årsrapporten för 2021.",
                    "method": consensus,
                },
                {
                    "item": "focus",
                    "title": "Fokusområde 2022: ungas trygghet och delaktighet",
                    "text": "Samordnarna redogör för planerade aktiviteter inom årets fokusområde.",
                },
            ],
        },
        {
            "day": datetime.date(2022, 5, 17),
            "place": TOWN_HALL,
            "absent": {3, 6},
            "adjusters": [5],
            "agenda": [
                ("comms", "Kommunikationsplan 2022", None),
                ("forum", "Dialogforum 2022", None),
            ],
            "paragraphs": [
                {
                    "item": "comms",
                    "title": "Kommunikationsplan 2022",
                    "text": (
                        "Förslag till kommunikationsplan med nyhetsbrev, Malmötimmar, "
                        "lärandeluncher och sociala medier."
                    ),
                    "decision": "Styrgruppen antar kommunikationsplanen för 2022.",
                    "method": consensus,
                },
                {
                    "item": "forum",
                    "title": "Dialogforum 2022",
                    "text": "Dialogforumet planeras till hösten med omkring 120 deltagare.",
                },
            ],
        },
        {
            "day": datetime.date(2022, 9, 20),
            "place": NOBEL,
            "absent": {2},
            "adjusters": [1, 7],
            "agenda": [
                ("budget", "Budget 2023 för den idéburna samordningen", None),
                ("nobel", "Återrapportering från Nobel 21", None),
            ],
            "paragraphs": [
                {
                    "item": "budget",
                    "title": "Budget 2023 för den idéburna samordningen",
                    "text": (
                        "Förslaget innebär ett oförändrat bidrag om 1 000 000 kronor till den "
                        "idéburna sektorns samordning, varav 100 000 kronor till "
                        "kompetenshöjande insatser. Jonas Lindgren yrkar att bidraget höjs "
                        "till 1 200 000 kronor. Ordföranden ställer proposition och begär "
                        "votering."
                    ),
                    "decision": (
                        "Styrgruppen föreslår kommunstyrelsen ett oförändrat bidrag om "
                        "1 000 000 kronor för 2023."
                    ),
                    "method": vote,
                    "votes_for": 5,
                    "votes_against": 2,
                    "statements": [
                        (
                            Statement.Kind.RESERVATION,
                            7,
                            "Jag reserverar mig mot beslutet till förmån för eget yrkande. "
                            "Samordningen behöver förstärkas om samarbetsplanen ska kunna "
                            "genomföras i tid.",
                        ),
                        (
                            Statement.Kind.DISSENTING,
                            8,
                            "Den idéburna sektorns oberoende förutsätter att samordningen har "
                            "resurser att driva egna frågor, inte bara kommunens.",
                        ),
                    ],
                },
                {
                    "item": "nobel",
                    "title": "Återrapportering från Nobel 21",
                    "text": "Föreningscentret har cirka 545 besökare i veckan.",
                },
            ],
        },
        {
            "day": datetime.date(2022, 11, 29),
            "place": TOWN_HALL,
            "absent": {5},
            "adjusters": [6],
            "agenda": [
                ("focus", focus_title, proposal),
                ("dates", "Mötesplan 2023", None),
                ("annual", "Årsrapport 2022", None),
            ],
            "paragraphs": [
                focus,
                {
                    "item": "dates",
                    "title": "Mötesplan 2023",
                    "decision": "Styrgruppen fastställer fyra möten under 2023.",
                    "method": consensus,
                },
                {
                    "item": "annual",
                    "title": "Årsrapport 2022",
                    "text": "Samordnarna påbörjar arbetet med årsrapporten för 2022.",
                },
            ],
        },
        {
            "day": datetime.date(2023, 3, 21),
            "place": NOBEL,
            "absent": {3},
            "adjusters": [4],
            "agenda": [
                ("open", "Mötets öppnande och val av justerare", None),
                ("report", "Årsrapport 2022", None),
            ],
            "paragraphs": [
                {
                    "item": "open",
                    "title": "Mötets öppnande och val av justerare",
                    "text": "Ordföranden öppnar mötet. Lena Åkesson utses att justera protokollet.",
                },
                {
                    "item": "report",
                    "title": "Årsrapport 2022",
                    "text": (
                        "Samordnarna presenterar årsrapporten för 2022, som publiceras på "
                        "webbplatsen och lämnas till kommunstyrelsen."
                    ),
                    "decision": "Styrgruppen godkänner årsrapporten för 2022.",
                    "method": consensus,
                },
            ],
        },
    ]


def _meetings_relative(proposal, today: datetime.date) -> list[dict]:
    """The meetings that describe the present, placed relative to `today`: last November's,
    which decided this year's focus area; one held about two months ago (when that falls in
    this year); the next one, planned about three weeks ahead."""
    consensus = MinutesParagraph.Method.CONSENSUS
    year = today.year
    specs = []
    if year - 1 > 2022:  # November 2022 is among the meetings of 2022
        theme = areas_demo.focus_theme(year)
        november = datetime.date(year - 1, 11, 24)
        specs.append(
            {
                "day": november,
                "place": TOWN_HALL,
                "absent": {2},
                "adjusters": [5],
                "agenda": [
                    ("focus", f"Fokusområde {year}", proposal),
                    ("dates", f"Mötesplan {year}", None),
                ],
                "paragraphs": [
                    {
                        "item": "focus",
                        "title": f"Fokusområde {year}",
                        "text": (
                            f"Samordnarna har berett de förslag till fokusområde för {year} "
                            "som kommit in."
                        ),
                        "decision": (
                            f"Styrgruppen beslutar att fokusområdet för {year} ska vara "
                            f"”{theme['title']}”."
                        ),
                        "method": consensus,
                        "focus": proposal is not None,
                    },
                    {
                        "item": "dates",
                        "title": f"Mötesplan {year}",
                        "decision": f"Styrgruppen fastställer fyra möten under {year}.",
                        "method": consensus,
                    },
                ],
            }
        )
    recent = today - datetime.timedelta(days=63)
    if recent.year == year:
        specs.append(
            {
                "day": recent,
                "window": 45,
                "place": NOBEL,
                "absent": {6},
                "adjusters": [7],
                "agenda": [
                    ("follow", f"Uppföljning av fokusområdet {year}", None),
                    ("nobel", "Återrapportering från Nobel 21", None),
                ],
                "paragraphs": [
                    {
                        "item": "follow",
                        "title": f"Uppföljning av fokusområdet {year}",
                        "text": (
                            "Samordnarna redogör för årets aktiviteter inom fokusområdet: "
                            "lärandeluncher, en Malmötimme och planeringen av dialogforumet."
                        ),
                    },
                    {
                        "item": "nobel",
                        "title": "Återrapportering från Nobel 21",
                        "text": "Föreningscentret är välbesökt; fler föreningar bokar kvällstid.",
                    },
                ],
            }
        )
    ahead = today + datetime.timedelta(days=21)
    if (ahead.month, ahead.day) >= (12, 20) or (ahead.month, ahead.day) <= (1, 6):
        # Not over Christmas and New Year: the second week of January instead.
        ahead = datetime.date(ahead.year + (ahead.month == 12), 1, 8)
    ahead += datetime.timedelta(days=(1 - ahead.weekday()) % 7)  # a Tuesday
    agenda = [
        ("open", "Mötets öppnande och val av justerare", None),
        ("proposals", f"Förslag till fokusområde för {ahead.year + 1}", None),
    ]
    if ahead.month <= 4:  # last year's report is approved in the spring
        agenda.append(("report", f"Årsrapport {ahead.year - 1}", None))
    specs.append({"day": ahead, "window": 45, "place": NOBEL, "planned": True, "agenda": agenda})
    return specs


def load() -> dict[str, dict[str, int]]:
    """Demo data of this app; called by samverkan.demo.loader.load_demo(). Idempotent."""
    kinds = ("governance_users", "bodies", "memberships", "meetings", "minutes_paragraphs")
    counts = {kind: _tally() for kind in kinds}
    agreement = Agreement.objects.filter(slug=AGREEMENT).first()
    User = get_user_model()
    by = User.objects.filter(email=COORDINATOR_CITY).first()
    civil = User.objects.filter(email=COORDINATOR_CIVIL).first()
    if agreement is None or by is None or civil is None:
        return counts
    coordinators = [
        (by, Seat.CITY, "stadskontoret"),
        (civil, Seat.CIVIL_SOCIETY, demo_support.MALMO_IDEELLA),
    ]
    users = _member_users(counts)
    steering = _steering_group(agreement, users, coordinators, counts, by=by)
    _working_group(agreement, coordinators, counts, by=by)
    members = {
        n: Membership.objects.get(body=steering, user=user, ends_on__isnull=True)
        for n, user in users.items()
    }
    members["city"] = Membership.objects.get(body=steering, user=by, ends_on__isnull=True)
    members["civil"] = Membership.objects.get(body=steering, user=civil, ends_on__isnull=True)

    today = timezone.localdate()
    proposal_2023 = _focus_proposal(agreement, FOCUS_2023, 2023)
    this_years = _focus_proposal(agreement, areas_demo.focus_theme(today.year)["title"], today.year)
    specs = _meetings_2022(proposal_2023) + _meetings_relative(this_years, today)
    for spec in sorted(specs, key=lambda spec: spec["day"]):
        _meeting(steering, spec, members, counts, by=by)
    counts["minutes_paragraphs"]["existing"] = (
        MinutesParagraph.objects.filter(body=steering).count()
        - counts["minutes_paragraphs"]["created"]
    )
    return counts
