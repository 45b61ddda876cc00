"""The Malmöandan demo data of this app: the plan's five priority areas (texts from the
collaboration plan 2018–2022) with their hosts, contact people and phase history (one area
ended at the end of 2023), the focus area of 2022, the 2023 proposal prepared for the steering
group, the focus areas of the years from 2024 until last year as history, this year's proposal
prepared for the steering group's November meeting of last year, and two open proposals for
next year. "This year" is the year of the day the demo is loaded.

Written through the services, as a coordinator would. Idempotent: areas are found by slug,
people by e-mail, focus areas by year and proposals by title; what is there is left alone.
"""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from samverkan.actors.models import Organisation
from samverkan.agreements.models import Agreement
from samverkan.areas import services
from samverkan.areas.models import (
    FocusArea,
    FocusAreaProposal,
    HostSide,
    Phase,
    PriorityArea,
    SustainabilityGoal,
)
from samverkan.core.demo_support import DEMO_PASSWORD
from samverkan.core.slugs import slug_text

AGREEMENT_SLUG = "malmoandan"
COORDINATOR_CITY = "samordnare.stad@demo.samverkan.se"
COORDINATOR_CIVIL = "samordnare.ideburen@demo.samverkan.se"

# The 2023 proposal the governance demo puts on the steering group's agenda and adopts.
PROPOSAL_2023_TITLE = "Jämlik hälsa – rörelse och kost – med särskild inriktning på diabetes typ 2"
FOCUS_AREA_2022_TITLE = "Ungas trygghet och delaktighet"

# (n, first name, last name) of the contact people: vard.<n>.ideburen / vard.<n>.stad.
HOST_PEOPLE = {
    (1, HostSide.CIVIL_SOCIETY): ("Jonas", "Persson"),
    (1, HostSide.CITY): ("Aisha", "Mohammed"),
    (2, HostSide.CIVIL_SOCIETY): ("Elin", "Sjöberg"),
    (2, HostSide.CITY): ("Mikael", "Andersson"),
    (3, HostSide.CIVIL_SOCIETY): ("Hanna", "Larsson"),
    (3, HostSide.CITY): ("Ali", "Karimi"),
    (4, HostSide.CIVIL_SOCIETY): ("Sofia", "Nordin"),
    (4, HostSide.CITY): ("Peter", "Holm"),
    (5, HostSide.CIVIL_SOCIETY): ("Dragan", "Petrović"),
    (5, HostSide.CITY): ("Karin", "Ek"),
}


def host_email(n: int, side: str) -> str:
    return f"vard.{n}.{'ideburen' if side == HostSide.CIVIL_SOCIETY else 'stad'}@demo.samverkan.se"


D = datetime.date

# The plan's five priority challenges (seed 004), their hosts and the way they have come.
# hostings: (side, organisation slug, contact person n or None, starts_on, ends_on, reference)
# phases: (phase, date, note) after the first phase, which starts on started_on.
AREAS = [
    {
        "n": 1,
        "title": "Ungas hälsa och livsstil",
        "summary": "Goda uppväxtvillkor: barn och unga som rör sig mer och mår bättre.",
        "description": (
            "Det är ett brett samhällsintresse att skapa goda uppväxtvillkor för barn och unga, "
            "såväl under skoltid som på barnens fritid. Fysisk rörelse är något som stärker "
            "barns och ungas hälsa, koncentrationsförmåga, självkänsla och som dessutom har ett "
            "starkt samband med psykiskt välmående.\n\n"
            "Genom ökad samverkan mellan staden och idéburen sektor kan barn och unga få det "
            "stöd och den stimulans de behöver för att bli mera rörliga och aktiva i sin vardag."
        ),
        "goals": [3, 4, 10],
        "started_on": D(2019, 2, 1),
        "hostings": [
            ("civil", "miso", 1, D(2019, 5, 1), None, "Värdskapsavtal STK-2019-311"),
            ("city", "fritidsforvaltningen", 1, D(2019, 5, 1), None, "Värdskapsavtal STK-2019-311"),
        ],
        "phases": [
            (
                Phase.DIALOGUE,
                D(2019, 5, 1),
                "Värdarna utsedda; dialoger med föreningar och skolor.",
            ),
            (
                Phase.DEVELOPMENT,
                D(2021, 3, 15),
                "Samarbeten om rörelse på fritids och spontanidrott i Rosengård och Lindängen.",
            ),
        ],
    },
    {
        "n": 2,
        "title": "Jämlik fritid och kultur",
        "summary": "Fler Malmöbor i ett aktivt fritids- och kulturliv, på mer jämlika villkor.",
        "description": (
            "Det finns betydande skillnader mellan olika grupper i samhället när det gäller "
            "aktivt deltagande inom idrott och andra fritidsaktiviteter inom kulturlivet. Detta "
            "är välgrundat i forskning och undersökningar på både nationell och lokal nivå. Kön, "
            "ålder, utbildningsnivå, utländsk bakgrund och funktionsvariation är några av de "
            "faktorer som påverkar möjligheterna att delta.\n\n"
            "Samarbeten mellan staden och idéburen sektor är en nyckelfaktor för att engagera "
            "fler Malmöbor i ett aktivt fritids- och kulturliv och därigenom skapa mer jämlika "
            "villkor för malmöbor i olika åldrar och med olika bakgrund och förutsättningar."
        ),
        "goals": [5, 10],
        "started_on": D(2019, 2, 1),
        "hostings": [
            ("civil", "foreningen-zig-zag", 2, D(2019, 6, 1), None, "Värdskapsavtal STK-2019-312"),
            ("city", "kulturforvaltningen", 2, D(2019, 6, 1), None, "Värdskapsavtal STK-2019-312"),
        ],
        "phases": [
            (
                Phase.DIALOGUE,
                D(2019, 6, 1),
                "Dialoger om avgiftsfria kultur- och fritidsaktiviteter.",
            ),
            (Phase.DEVELOPMENT, D(2021, 9, 1), "Pilot med kulturkompisar och öppna scener."),
        ],
    },
    {
        "n": 3,
        "title": "Stadsliv, allmänna platser och lokaler",
        "summary": "Mötesplatser, gröna stadsrum och lokaler för föreningslivet.",
        "description": (
            "Stadens gemensamma rum har stor betydelse för Malmöbornas välfärd och gemenskap. "
            "Ett mångsidigt utbud av mötesplatser, gröna stadsrum, rekreationsområden, kultur-, "
            "fritids- och idrottsanläggningar ger möjlighet till aktiviteter, kultur, lärande "
            "och lek för alla åldrar och grupper i samhället.\n\n"
            "Tillgången till olika typer av lokaler, anläggningar och platser är viktig för de "
            "idéburna organisationerna. Samverkan mellan Malmö stad och idéburen sektor är "
            "central i den fortsatta utvecklingen och utformningen av staden."
        ),
        "goals": [11],
        "started_on": D(2019, 9, 1),
        "hostings": [
            ("civil", "nobel-21", 3, D(2020, 1, 15), None, "Värdskapsavtal STK-2020-027"),
            (
                "city",
                "fastighets-och-gatukontoret",
                3,
                D(2020, 1, 15),
                None,
                "Värdskapsavtal STK-2020-027",
            ),
        ],
        "phases": [
            (
                Phase.DIALOGUE,
                D(2020, 1, 15),
                "Kartläggning av föreningslivets behov av lokaler och platser.",
            ),
        ],
    },
    {
        "n": 4,
        "title": "Delaktighet, trygghet, demokrati",
        "summary": "Fler Malmöbor som får en röst, och trygghet som byggs tillsammans.",
        "description": (
            "Stadens mångfald är en tillgång som skapar en stimulerande och kreativ stad. Att "
            "fler Malmöbor med olika behov och intressen får en röst och deltar i informella och "
            "formella beslut stärker demokratin. Malmö stad och idéburen sektor kan gemensamt "
            "utveckla platser där människor kan skapa, uttrycka sig, agera och påverka.\n\n"
            "Tillit, förtroende, social förankring och delaktighet är några av de faktorer som "
            "har betydelse för den upplevda tryggheten. Även den fysiska miljön och samhällets "
            "synliga närvaro har stor inverkan. Det trygghetsskapande och brottsförebyggande "
            "arbetet är ett brett samhällsuppdrag som kräver samverkan mellan myndigheter, "
            "organisationer, föreningar och medborgare."
        ),
        "goals": [10, 16],
        "started_on": D(2019, 2, 1),
        "hostings": [
            # The first non-profit host handed over after two years: kept as history.
            (
                "civil",
                "radda-barnen-malmo",
                None,
                D(2019, 4, 1),
                D(2020, 12, 31),
                "Värdskapsavtal STK-2019-298",
            ),
            (
                "civil",
                "malmo-ideella",
                4,
                D(2021, 1, 1),
                D(2023, 12, 31),
                "Värdskapsavtal STK-2020-655",
            ),
            (
                "city",
                "stadskontoret",
                4,
                D(2019, 4, 1),
                D(2023, 12, 31),
                "Värdskapsavtal STK-2019-298",
            ),
        ],
        # The area has run its course: its hosts' agreements and the area end together.
        "ended_on": D(2023, 12, 31),
        "phases": [
            (Phase.DIALOGUE, D(2019, 4, 1), "Trygghetsvandringar och dialoger i Herrgården."),
            (
                Phase.DEVELOPMENT,
                D(2020, 6, 1),
                "IOP-dialog som ledde till Kraftsamling Herrgården.",
            ),
            (
                Phase.RESULTS,
                D(2022, 10, 1),
                "Erfarenheterna från Kraftsamling Herrgården sammanställs och sprids.",
            ),
            (
                Phase.EVALUATION,
                D(2023, 9, 1),
                "Området utvärderas och avslutas vid årsskiftet; arbetet lever vidare i "
                "Kraftsamling Herrgården.",
            ),
        ],
    },
    {
        "n": 5,
        "title": "Nya vägar till arbete och aktivitet",
        "summary": "Fler Malmöbor i arbete, med föreningslivet som väg in.",
        "description": (
            "Antal förvärvsarbetande med arbetsplats i Malmö är större än någonsin tidigare. "
            "Ändå så är arbetslösheten hög bland Malmöborna. Detta eftersom företagen ofta "
            "anställer personer som inte bor i Malmö för att få rätt kompetens.\n\n"
            "Det finns stora skillnader i andelen arbetslösa i olika grupper bland Malmöborna. "
            "Arbetslösheten är högre bland ungdomar, högre bland utrikesfödda oavsett "
            "utbildningsnivå, samt högre för män än för kvinnor i alla grupper. Att öka andelen "
            "Malmöbor i jobb, och jobbtillfällena i Malmö, är med andra ord en utmaning.\n\n"
            "Idéburen sektor och Malmö stad, liksom aktörer i övriga samhällssektorer, behöver "
            "samverka för att öka graden av sysselsättning hos Malmöborna. Idéburen sektor är en "
            "möjlig arbetsgivare. Samtidigt är deltagande i föreningsliv en starkt bidragande "
            "faktor till ökat socialt kapital, vilket i sin tur är viktigt för att få ett arbete."
        ),
        "goals": [8, 10],
        "started_on": D(2019, 9, 1),
        "hostings": [
            ("civil", "kc-kompetenscenter", 5, D(2020, 3, 1), None, "Värdskapsavtal STK-2020-088"),
            (
                "city",
                "arbetsmarknads-och-socialforvaltningen",
                5,
                D(2020, 3, 1),
                None,
                "Värdskapsavtal STK-2020-088",
            ),
        ],
        "phases": [
            (
                Phase.DIALOGUE,
                D(2020, 3, 1),
                "Dialoger om ungas väg till arbetsmarknaden och samhällsentreprenörskap.",
            ),
        ],
    },
]

FOCUS_2022 = {
    "year": 2022,
    "title": FOCUS_AREA_2022_TITLE,
    "description": (
        "Styrgruppen valde fokusområdet ungas trygghet och delaktighet för 2022. Det innebär i "
        "praktiken att de arrangemang som genomförs under året ska ha koppling till "
        "fokusområdet. Vid dialogforumet, med cirka 120 deltagare, samtalade deltagarna om ungas "
        "situation på arbetsmarknaden och ungas psykiska och fysiska hälsa."
    ),
    "areas": ["delaktighet-trygghet-demokrati", "ungas-halsa-och-livsstil"],
}

PROPOSAL_2023 = {
    "year": 2023,
    "title": PROPOSAL_2023_TITLE,
    "motivation": (
        "Valet av tema bygger på en insikt av den dramatiska ökningen av övervikt, fetma och "
        "stillasittande, inte minst hos barn och unga, vilket leder till att andelen som får "
        "diabetes typ 2 också ökar. Föreningslivet och staden kan tillsammans göra rörelse och "
        "bra kost till en del av vardagen, till exempel genom dialogen om ett IOP för jämlik "
        "hälsa på Lindängen."
    ),
    "areas": ["ungas-halsa-och-livsstil", "jamlik-fritid-och-kultur"],
    "proposed_by": host_email(1, HostSide.CIVIL_SOCIETY),
    "supporters": [
        "ombud@demo.samverkan.se",
        "tjansteperson@demo.samverkan.se",
        "medlem@demo.samverkan.se",
        host_email(1, HostSide.CITY),
        host_email(2, HostSide.CIVIL_SOCIETY),
        host_email(5, HostSide.CITY),
    ],
    "preparation": (
        "Samordnarna föreslår att styrgruppen väljer förslaget som fokusområde för 2023. Det "
        "knyter an till dialogforumets samtal om ungas fysiska och psykiska hälsa och till "
        "områdena Ungas hälsa och livsstil och Jämlik fritid och kultur."
    ),
}

# Focus areas after the seeds' 2023, one per year in turn: (title, motivation, area slugs).
# The years between 2023 and last year are recorded as history; this year's goes the way a
# decision does on the platform: proposed in the autumn before, prepared by the coordinators
# and adopted by the steering group in November (the governance demo holds that meeting).
LATER_FOCUS_THEMES = [
    (
        "Vägar till arbete för unga – föreningslivet som språngbräda",
        "Arbetslösheten är högst bland unga Malmöbor. Föreningslivet ger erfarenheter, "
        "kontakter och referenser som leder vidare till jobb och studier.",
        ["nya-vagar-till-arbete-och-aktivitet", "ungas-halsa-och-livsstil"],
    ),
    (
        "Mötesplatser och lokaler för föreningslivet",
        "Föreningar saknar lokaler där de kan träffas och ha verksamhet. Staden och föreningarna "
        "kan tillsammans öppna och dela fler lokaler i stadsdelarna.",
        ["stadsliv-allmanna-platser-och-lokaler", "jamlik-fritid-och-kultur"],
    ),
    (
        "Gemenskap över generationerna – mot ofrivillig ensamhet",
        "Många äldre och unga Malmöbor känner sig ensamma. Föreningar och förvaltningar kan "
        "skapa fler aktiviteter där generationerna möts.",
        ["jamlik-fritid-och-kultur", "ungas-halsa-och-livsstil"],
    ),
    (
        "Fritid för alla – avgiftsfria aktiviteter för barn och unga",
        "Alla barn har inte råd med en aktiv fritid. Avgiftsfria aktiviteter i föreningarnas regi "
        "ger fler barn och unga en plats i föreningslivet.",
        ["jamlik-fritid-och-kultur", "ungas-halsa-och-livsstil"],
    ),
    (
        "Föreningslivet i klimatomställningen",
        "Föreningar driver odling, cykelkök och bytesdagar. Med stöd av staden kan fler lokala "
        "initiativ växa och nå fler Malmöbor.",
        ["stadsliv-allmanna-platser-och-lokaler", "nya-vagar-till-arbete-och-aktivitet"],
    ),
]
FIRST_LATER_YEAR = 2024


def focus_theme(year: int) -> dict:
    """The demo's focus area of a year after 2023: title, motivation and areas."""
    title, motivation, areas = LATER_FOCUS_THEMES[
        (year - FIRST_LATER_YEAR) % len(LATER_FOCUS_THEMES)
    ]
    return {"year": year, "title": title, "motivation": motivation, "areas": areas}


def current_proposal(year: int) -> dict:
    """The proposal that becomes the focus area of `year`, prepared for the steering group's
    November meeting of the year before."""
    theme = focus_theme(year)
    return {
        **theme,
        "proposed_by": host_email(2, HostSide.CIVIL_SOCIETY),
        "supporters": [
            "ombud@demo.samverkan.se",
            "tjansteperson@demo.samverkan.se",
            host_email(1, HostSide.CIVIL_SOCIETY),
            host_email(3, HostSide.CITY),
        ],
        "preparation": (
            f"Samordnarna föreslår att styrgruppen väljer förslaget som fokusområde för {year}. "
            "Det fick flest stöd bland förslagen och knyter an till årets dialogforum."
        ),
    }


OPEN_PROPOSALS = [
    {
        "title": "Psykisk hälsa bland unga – mötesplatser och vuxna som finns där",
        "motivation": (
            "Många unga i Malmö mår psykiskt dåligt och saknar trygga vuxna på fritiden. "
            "Föreningslivet, fritidsgårdarna och skolorna kan tillsammans skapa fler "
            "mötesplatser där unga blir sedda, med stöd av stadens förvaltningar."
        ),
        "areas": ["ungas-halsa-och-livsstil", "delaktighet-trygghet-demokrati"],
        "proposed_by": "ombud@demo.samverkan.se",
        "supporters": [
            "medlem@demo.samverkan.se",
            host_email(2, HostSide.CITY),
            host_email(4, HostSide.CIVIL_SOCIETY),
        ],
    },
    {
        "title": "Klimatomställning i vardagen – lokala initiativ i stadsdelarna",
        "motivation": (
            "Föreningar i Malmös stadsdelar driver redan odling, cykelkök och bytesdagar. Med "
            "stöd från staden och Klimatkontrakt 2030 kan fler initiativ växa och nå fler "
            "Malmöbor, och skapa både gemenskap och arbetstillfällen."
        ),
        "areas": ["stadsliv-allmanna-platser-och-lokaler", "nya-vagar-till-arbete-och-aktivitet"],
        "proposed_by": host_email(3, HostSide.CIVIL_SOCIETY),
        "supporters": ["tjansteperson@demo.samverkan.se", host_email(5, HostSide.CIVIL_SOCIETY)],
    },
]


class _Tally(dict):
    def add(self, kind: str, created: bool, n: int = 1) -> None:
        entry = self.setdefault(kind, {"created": 0, "existing": 0})
        entry["created" if created else "existing"] += n


def _load_host_people(tally: _Tally) -> dict:

    User = get_user_model()
    people, password = {}, None
    for (n, side), (first_name, last_name) in HOST_PEOPLE.items():
        email = host_email(n, side)
        user = User.objects.filter(email__iexact=email).first()
        tally.add("host_contact_people", user is None)
        if user is None:
            # Hashing is slow on purpose: the demo people share one documented password.
            password = password or make_password(DEMO_PASSWORD)
            user = User.objects.create(
                email=email,
                password=password,
                first_name=first_name,
                last_name=last_name,
                is_demo=True,
            )
        # Without a verified address the login would stop at "confirm your e-mail".
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        people[(n, side)] = user
    return people


def _load_area(spec: dict, agreement, coordinator, people: dict, tally: _Tally) -> None:
    slug = slug_text(spec["title"])
    existing = PriorityArea.objects.filter(
        Q(slug=slug) | Q(title=spec["title"]), agreement=agreement
    ).first()
    if existing is not None:
        tally.add("priority_areas", False)
        tally.add("hostings", False, existing.hostings.count())
        tally.add("phase_changes", False, existing.phase_changes.count())
        return
    area = services.create_area(
        agreement=agreement,
        title=spec["title"],
        summary=spec["summary"],
        description=spec["description"],
        goals=SustainabilityGoal.objects.filter(number__in=spec["goals"]),
        started_on=spec["started_on"],
        position=spec["n"],
        from_plan=True,
        by=coordinator,
        is_demo=True,
    )
    tally.add("priority_areas", True)
    tally.add("phase_changes", True)  # the first phase, recorded by create_area
    organisations = {
        o.slug: o for o in Organisation.objects.filter(slug__in=[h[1] for h in spec["hostings"]])
    }
    for side, slug, person, starts_on, ends_on, reference in spec["hostings"]:
        if slug not in organisations:
            continue
        services.start_hosting(
            area=area,
            side=side,
            organisation=organisations[slug],
            contact_person=people.get((person, side)) if person else None,
            starts_on=starts_on,
            ends_on=ends_on,
            agreement_reference=reference,
            by=coordinator,
        )
        tally.add("hostings", True)
    for phase, changed_on, note in spec["phases"]:
        services.change_phase(
            area=area, phase=phase, changed_on=changed_on, note=note, by=coordinator
        )
        tally.add("phase_changes", True)
    if spec.get("ended_on"):
        services.update_area(area=area, ended_on=spec["ended_on"], by=coordinator)


def _load_proposal(spec: dict, agreement, year: int, users: dict, tally: _Tally):
    proposal = FocusAreaProposal.objects.filter(agreement=agreement, title=spec["title"]).first()
    if proposal is not None:
        tally.add("focus_area_proposals", False)
        tally.add("proposal_supports", False, proposal.supports.count())
        return None
    proposal = services.propose_focus_area(
        agreement=agreement,
        year=year,
        title=spec["title"],
        motivation=spec["motivation"],
        areas=list(PriorityArea.objects.filter(agreement=agreement, slug__in=spec["areas"])),
        by=users[spec["proposed_by"]],
        allow_past_year=True,
        is_demo=True,
    )
    tally.add("focus_area_proposals", True)
    for email in spec["supporters"]:
        if email in users:
            services.support_proposal(proposal=proposal, by=users[email])
            tally.add("proposal_supports", True)
    return proposal


def load() -> dict[str, dict[str, int]]:
    """Demo data of this app; called by samverkan.demo.loader.load_demo() after the actors'
    demo data (organisations, coordinators, demo users) exists. Idempotent."""
    tally = _Tally()
    agreement = Agreement.objects.filter(slug=AGREEMENT_SLUG).first()
    User = get_user_model()
    coordinator = User.objects.filter(email=COORDINATOR_CITY).first()
    if agreement is None or coordinator is None:
        return {}
    with transaction.atomic():
        people = _load_host_people(tally)
        for spec in AREAS:
            _load_area(spec, agreement, coordinator, people, tally)

        if FocusArea.objects.filter(agreement=agreement, year=FOCUS_2022["year"]).exists():
            tally.add("focus_areas", False)
        else:
            services.record_focus_area(
                agreement=agreement,
                year=FOCUS_2022["year"],
                title=FOCUS_2022["title"],
                description=FOCUS_2022["description"],
                areas=PriorityArea.objects.filter(
                    agreement=agreement, slug__in=FOCUS_2022["areas"]
                ),
                by=coordinator,
                is_demo=True,
            )
            tally.add("focus_areas", True)

        this_year = timezone.localdate().year
        for year in range(FIRST_LATER_YEAR, this_year):
            _load_history_focus_area(agreement, focus_theme(year), coordinator, tally)

        prepared = [PROPOSAL_2023]
        if this_year >= FIRST_LATER_YEAR:
            prepared.append(current_proposal(this_year))
        emails = set()
        for spec in prepared + OPEN_PROPOSALS:
            emails |= {spec["proposed_by"], *spec["supporters"]}
        users = {u.email: u for u in User.objects.filter(email__in=emails)}
        civil_coordinator = User.objects.filter(email=COORDINATOR_CIVIL).first()
        for spec in prepared:
            decided = FocusArea.objects.filter(agreement=agreement, year=spec["year"]).exists()
            made = FocusAreaProposal.objects.filter(agreement=agreement, title=spec["title"])
            if decided and not made.exists():
                continue  # decided already: a proposal now would have nothing to become
            proposal = _load_proposal(spec, agreement, spec["year"], users, tally)
            if proposal is None:
                continue
            services.prepare_proposal(
                proposal=proposal, note=spec["preparation"], by=civil_coordinator or coordinator
            )
            # Made in the autumn before the year it is for, not at the time of loading.
            FocusAreaProposal.objects.filter(pk=proposal.pk).update(
                created_at=timezone.make_aware(datetime.datetime(spec["year"] - 1, 9, 20, 10, 0))
            )
        for n, spec in enumerate(OPEN_PROPOSALS):
            proposal = _load_proposal(spec, agreement, this_year + 1, users, tally)
            if proposal is not None:
                # Proposed during the past weeks, not all at the moment of loading.
                FocusAreaProposal.objects.filter(pk=proposal.pk).update(
                    created_at=timezone.now() - datetime.timedelta(days=12 + 17 * n, hours=3)
                )
    return dict(tally)


def _load_history_focus_area(agreement, theme: dict, coordinator, tally: _Tally) -> None:
    if FocusArea.objects.filter(agreement=agreement, year=theme["year"]).exists():
        tally.add("focus_areas", False)
        return
    services.record_focus_area(
        agreement=agreement,
        year=theme["year"],
        title=theme["title"],
        description=(
            f"Styrgruppen valde fokusområdet för {theme['year']} året innan. {theme['motivation']}"
        ),
        areas=PriorityArea.objects.filter(agreement=agreement, slug__in=theme["areas"]),
        by=coordinator,
        is_demo=True,
    )
    tally.add("focus_areas", True)
