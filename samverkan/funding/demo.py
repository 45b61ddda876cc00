"""The Malmöandan demo of funding and the agreement's budget.

Funders and about twenty calls: Malmö stad's grants, Allmänna arvsfonden, foundations, EU
funds. Their dates are relative to today, so the demo always has open calls, one with its
deadline in ten days, one that opens later and one that has closed. The eligibility and amounts
are plausible, not copied from the funders' current rules.

The budget follows the seeds: the city board grants 1 000 000 kr a year to the coordination of
the non-profit side (Malmö Ideella) until 2026 and 100 000 kr in 2020 to the city office for
competence-raising (seed 000, STK-2020-227; seed 001). The seeds give no breakdown of the
spending: the 2022 account is built from what the annual report 2022 (seed 001) says was done
(four steering-group meetings, a dialogue forum of about 120 people, two Malmötimmar, nine
learning lunches, four places on "Medskapa förändring", communication on LinkedIn, Instagram
and Facebook) and adds up to the grant, as the city office found the money used as intended.
The sums per entry are the demo's own. Other years vary around it; the current year has entries
up to today only.

Idempotent: funders and calls are found by slug, grants by agreement, year and purpose,
expenses by agreement, date and description.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from samverkan.actors.models import District, LegalForm, Organisation, Sector
from samverkan.agreements.models import Agreement
from samverkan.areas.models import PriorityArea
from samverkan.core.permissions import SYSTEM
from samverkan.funding import services
from samverkan.funding.models import Expense, ExpenseCategory, Funder, FundingCall, Grant

AGREEMENT_SLUG = "malmoandan"
D = Decimal
CIVIL = [Sector.CIVIL_SOCIETY]
NONPROFIT_FORMS = [
    LegalForm.ASSOCIATION,
    LegalForm.FOUNDATION,
    LegalForm.RELIGIOUS_COMMUNITY,
    LegalForm.UMBRELLA,
]
ASSOCIATIONS = [LegalForm.ASSOCIATION, LegalForm.UMBRELLA]
SOUTH = ["Lindängen", "Holma", "Kroksbäck", "Hermodsdal"]
EAST = ["Rosengård", "Herrgården", "Persborg", "Augustenborg", "Seved", "Sofielund"]

# Area titles of the areas demo, by the start of the title.
YOUTH_HEALTH = "Ungas hälsa"
LEISURE = "Jämlik fritid"
CITY_LIFE = "Stadsliv"
PARTICIPATION = "Delaktighet"
WORK = "Nya vägar"

FUNDERS = [
    # slug, name, kind, website, organisation slug, description
    (
        "malmo-stad-fritidsforvaltningen",
        "Malmö stad – Fritidsförvaltningen",
        "municipality",
        "https://malmo.se/foreningsbidrag",
        "fritidsforvaltningen",
        "Föreningsbidrag till föreningar med barn- och ungdomsverksamhet i Malmö.",
    ),
    (
        "malmo-stad-kulturforvaltningen",
        "Malmö stad – Kulturförvaltningen",
        "municipality",
        "https://malmo.se/kulturstod",
        "kulturforvaltningen",
        "Kulturstöd till föreningar, fria grupper och arrangörer i Malmö.",
    ),
    (
        "malmo-stad-arbetsmarknads-och-socialforvaltningen",
        "Malmö stad – Arbetsmarknads- och socialförvaltningen",
        "municipality",
        "https://malmo.se/stod-till-ideburna-organisationer",
        "arbetsmarknads-och-socialforvaltningen",
        "Stöd till idéburna organisationer som kompletterar stadens sociala arbete.",
    ),
    (
        "malmo-stad-stadskontoret",
        "Malmö stad – Stadskontoret",
        "municipality",
        "https://malmo.se",
        "stadskontoret",
        "Utvecklingsmedel för trygghet och delaktighet i stadens lokalområden.",
    ),
    (
        "allmanna-arvsfonden",
        "Allmänna arvsfonden",
        "state",
        "https://www.arvsfonden.se",
        "",
        "Stödjer nyskapande projekt som ideella föreningar driver för och med barn, unga, "
        "personer med funktionsnedsättning och äldre.",
    ),
    (
        "mucf",
        "Myndigheten för ungdoms- och civilsamhällesfrågor (MUCF)",
        "state",
        "https://www.mucf.se",
        "",
        "Statsbidrag till det civila samhällets organisationer.",
    ),
    (
        "boverket",
        "Boverket",
        "state",
        "https://www.boverket.se",
        "",
        "Bidrag till kommuner för utvecklingsarbete i socioekonomiskt utsatta områden.",
    ),
    (
        "postkodstiftelsen",
        "Postkodstiftelsen",
        "foundation",
        "https://www.postkodstiftelsen.se",
        "",
        "Delar ut överskottet från Svenska Postkodlotteriet till det civila samhället.",
    ),
    (
        "stiftelsen-skanes-kulturfond",
        "Stiftelsen Skånes Kulturfond",
        "foundation",
        "",
        "",
        "En lokal stiftelse som stödjer kulturprojekt för barn och unga i Skåne.",
    ),
    (
        "malmo-idrottens-stiftelse",
        "Stiftelsen Malmöidrottens framtid",
        "foundation",
        "",
        "",
        "En lokal stiftelse som stödjer idrott för barn och unga i Malmös lokalområden.",
    ),
    (
        "skaneidrotten",
        "Skåneidrotten – Idrottslyftet",
        "other",
        "https://www.rf.se/skane",
        "",
        "Idrottslyftets medel till idrottsföreningar i Skåne.",
    ),
    (
        "esf-radet",
        "Svenska ESF-rådet – ESF+",
        "eu",
        "https://www.esf.se",
        "",
        "Europeiska socialfonden+ för kompetensförsörjning och vägar till arbete.",
    ),
    (
        "erasmus-plus-ungdom",
        "Erasmus+ Ungdom (MUCF)",
        "eu",
        "https://www.mucf.se/erasmus",
        "",
        "EU:s program för ungdomsutbyten och samarbeten.",
    ),
]


def _call(
    slug,
    funder,
    title,
    days,
    description,
    *,
    local=True,
    opens=None,
    sectors=CIVIL,
    forms=(),
    areas=(),
    districts=(),
    amount=(None, None),
    note="",
    link="",
):
    return {
        "slug": slug,
        "funder": funder,
        "title": title,
        "deadline_in": days,  # days from today; None = rolling
        "opens_in": opens,
        "description": description,
        "local": local,
        "sectors": sectors,
        "legal_forms": forms,
        "areas": areas,
        "districts": districts,
        "amount": amount,
        "note": note,
        "link": link,
    }


CALLS = [
    _call(
        "stod-till-ideburna-organisationer",
        "malmo-stad-arbetsmarknads-och-socialforvaltningen",
        "Stöd till idéburna organisationer",
        45,
        "Bidrag till idéburna organisationer vars verksamhet kompletterar stadens sociala "
        "arbete: stöd till personer i utsatta livssituationer, mötesplatser och "
        "förebyggande insatser.",
        forms=NONPROFIT_FORMS,
        areas=[PARTICIPATION, WORK],
        amount=("50000", "500000"),
        note="Organisationen ska vara registrerad i Malmö stads föreningsregister.",
    ),
    _call(
        "aktivitetsbidrag",
        "malmo-stad-fritidsforvaltningen",
        "Aktivitetsbidrag för barn- och ungdomsverksamhet",
        10,
        "Bidrag per deltagartillfälle för föreningar med regelbunden verksamhet för barn och "
        "unga 7–20 år. Redovisa vårens sammankomster senast sista ansökningsdag.",
        forms=ASSOCIATIONS,
        areas=[LEISURE, YOUTH_HEALTH],
        amount=(None, "150000"),
        note="Föreningen ska ha minst tio medlemmar i åldern 7–20 år.",
    ),
    _call(
        "lokalbidrag",
        "malmo-stad-fritidsforvaltningen",
        "Lokalbidrag till föreningar",
        60,
        "Bidrag till kostnader för egna eller hyrda lokaler som används för barn- och "
        "ungdomsverksamhet.",
        forms=ASSOCIATIONS,
        areas=[CITY_LIFE, LEISURE],
        amount=("10000", "300000"),
    ),
    _call(
        "arrangemangsbidrag",
        "malmo-stad-fritidsforvaltningen",
        "Arrangemangsbidrag för öppna aktiviteter",
        None,
        "Stöd till enstaka öppna arrangemang för barn och unga, till exempel lovaktiviteter "
        "och turneringar. Ansök senast sex veckor före arrangemanget.",
        forms=ASSOCIATIONS,
        amount=("2000", "30000"),
    ),
    _call(
        "sommarlovsaktiviteter",
        "malmo-stad-fritidsforvaltningen",
        "Sommarlovsaktiviteter för barn och unga",
        75,
        "Bidrag till kostnadsfria sommarlovsaktiviteter i Malmös lokalområden.",
        opens=30,
        forms=ASSOCIATIONS,
        areas=[LEISURE],
        districts=SOUTH + EAST,
        amount=("10000", "200000"),
    ),
    _call(
        "kulturstod-projektbidrag",
        "malmo-stad-kulturforvaltningen",
        "Projektbidrag för kultur",
        25,
        "Stöd till tidsbegränsade kulturprojekt som når nya publiker och deltagare i Malmö.",
        forms=NONPROFIT_FORMS,
        areas=[LEISURE],
        amount=("20000", "250000"),
    ),
    _call(
        "arrangorsstod-kultur",
        "malmo-stad-kulturforvaltningen",
        "Verksamhetsstöd till kulturarrangörer",
        80,
        "Årligt stöd till ideella arrangörer som regelbundet arrangerar konserter, "
        "föreställningar eller läsecirklar.",
        forms=NONPROFIT_FORMS,
        areas=[LEISURE],
        amount=("25000", "400000"),
    ),
    _call(
        "trygghet-och-delaktighet-lokalomraden",
        "malmo-stad-stadskontoret",
        "Trygghet och delaktighet i lokalområdena",
        30,
        "Utvecklingsmedel för insatser som stärker tryggheten och invånarnas delaktighet, "
        "gärna i samverkan mellan föreningar och förvaltningar.",
        sectors=[Sector.CIVIL_SOCIETY, Sector.MUNICIPALITY],
        areas=[PARTICIPATION],
        districts=SOUTH,
        amount=("25000", "300000"),
    ),
    _call(
        "arvsfonden-projektstod",
        "allmanna-arvsfonden",
        "Arvsfondens projektstöd",
        None,
        "Stöd till nyskapande projekt i upp till tre år som utvecklar verksamhet för och med "
        "barn, unga, personer med funktionsnedsättning eller äldre.",
        local=False,
        forms=NONPROFIT_FORMS,
        amount=("100000", "6000000"),
        link="https://www.arvsfonden.se/projektstod",
    ),
    _call(
        "arvsfonden-lokalstod",
        "allmanna-arvsfonden",
        "Arvsfondens lokalstöd",
        None,
        "Stöd till att bygga om eller anpassa lokaler för verksamhet för barn, unga och "
        "personer med funktionsnedsättning.",
        local=False,
        forms=ASSOCIATIONS,
        areas=[],
        amount=("50000", "5000000"),
        link="https://www.arvsfonden.se/lokalstod",
    ),
    _call(
        "arvsfonden-jamlik-halsa",
        "allmanna-arvsfonden",
        "Arvsfonden tema: jämlik hälsa för unga",
        20,
        "Temasatsning på projekt som minskar skillnaderna i hälsa bland barn och unga, "
        "till exempel rörelse och kost.",
        local=False,
        forms=NONPROFIT_FORMS,
        amount=("200000", "3000000"),
        link="https://www.arvsfonden.se",
    ),
    _call(
        "mucf-demokrati",
        "mucf",
        "Bidrag till demokratiprojekt",
        40,
        "Statsbidrag till projekt som stärker ungas delaktighet i demokratin.",
        local=False,
        forms=NONPROFIT_FORMS,
        amount=("100000", "1500000"),
        link="https://www.mucf.se/bidrag",
    ),
    _call(
        "boverket-utsatta-omraden",
        "boverket",
        "Stöd till utvecklingsprojekt i utsatta områden",
        55,
        "Bidrag till kommuner för projekt som bryter segregation i socioekonomiskt utsatta "
        "områden, gärna tillsammans med civilsamhället.",
        local=False,
        sectors=[Sector.MUNICIPALITY],
        amount=("500000", "10000000"),
        link="https://www.boverket.se",
    ),
    _call(
        "postkodstiftelsen-projektstod",
        "postkodstiftelsen",
        "Postkodstiftelsens projektstöd",
        35,
        "Stöd till projekt som gör skillnad för människor, miljö och samhälle, inom "
        "Postkodlotteriets förmånstagarområden.",
        local=False,
        forms=NONPROFIT_FORMS,
        amount=("200000", "5000000"),
        link="https://www.postkodstiftelsen.se",
    ),
    _call(
        "postkodstiftelsen-varens-utlysning",
        "postkodstiftelsen",
        "Postkodstiftelsen: vårens utlysning",
        -20,
        "Vårens utlysning för projekt om barn och ungas psykiska hälsa.",
        local=False,
        forms=NONPROFIT_FORMS,
        amount=("200000", "2000000"),
    ),
    _call(
        "skanes-kulturfond",
        "stiftelsen-skanes-kulturfond",
        "Kulturprojekt för barn och unga",
        50,
        "Stöd till kulturprojekt där barn och unga själva deltar och skapar.",
        local=False,
        forms=NONPROFIT_FORMS,
        amount=("10000", "100000"),
    ),
    _call(
        "malmoidrottens-framtid",
        "malmo-idrottens-stiftelse",
        "Idrott i lokalområdena",
        15,
        "Stöd till idrottsföreningar som startar verksamhet för barn och unga i Malmös "
        "södra och östra lokalområden.",
        forms=ASSOCIATIONS,
        areas=[YOUTH_HEALTH, LEISURE],
        districts=SOUTH + EAST,
        amount=("5000", "75000"),
    ),
    _call(
        "idrottslyftet",
        "skaneidrotten",
        "Idrottslyftet",
        None,
        "Medel till idrottsföreningar för att fler barn och unga ska idrotta längre.",
        local=False,
        forms=[LegalForm.ASSOCIATION],
        amount=(None, "50000"),
    ),
    _call(
        "esf-motverka-utanforskap",
        "esf-radet",
        "ESF+: motverka utanförskap",
        70,
        "Projektmedel för insatser som för personer långt från arbetsmarknaden närmare "
        "arbete eller studier.",
        local=False,
        sectors=[Sector.CIVIL_SOCIETY, Sector.MUNICIPALITY, Sector.ACADEMIA],
        amount=("1000000", "20000000"),
        link="https://www.esf.se",
    ),
    _call(
        "erasmus-ungdomsutbyten",
        "erasmus-plus-ungdom",
        "Erasmus+: ungdomsutbyten",
        100,
        "Bidrag till ungdomsutbyten där grupper av unga från flera länder möts kring ett "
        "gemensamt tema.",
        local=False,
        forms=NONPROFIT_FORMS,
        amount=(None, "600000"),
    ),
    _call(
        "erasmus-smaskaliga-partnerskap",
        "erasmus-plus-ungdom",
        "Erasmus+: småskaliga partnerskap",
        120,
        "Stöd till mindre organisationer som vill samarbeta med organisationer i andra länder.",
        local=False,
        sectors=[Sector.CIVIL_SOCIETY, Sector.MUNICIPALITY],
        amount=("300000", "600000"),
    ),
]

COORDINATION_PURPOSE = "Samordning av den idéburna sektorn inom Malmöandan"
COMPETENCE_PURPOSE = "Kompetenshöjande insatser inom Malmöandan"
MONTHLY_PERSONNEL = {
    2020: D("52000"), 2021: D("55000"), 2022: D("58000"), 2023: D("60000"),
    2024: D("62000"), 2025: D("63500"), 2026: D("65000"),
}  # fmt: skip

P, R, A, C, K, OTHER = (
    ExpenseCategory.PERSONNEL,
    ExpenseCategory.PREMISES,
    ExpenseCategory.ACTIVITIES,
    ExpenseCategory.COMMUNICATION,
    ExpenseCategory.COMPETENCE,
    ExpenseCategory.OTHER,
)

# 2022 as the annual report 2022 tells it; sums to the grant of 1 000 000 kr.
EXPENSES_2022 = [
    (3, 10, A, "Styrgruppsmöte 1 av 4: lokal och fika", D("1250")),
    (5, 12, A, "Styrgruppsmöte 2 av 4: lokal och fika", D("1250")),
    (9, 15, A, "Styrgruppsmöte 3 av 4: lokal och fika", D("1250")),
    (11, 24, A, "Styrgruppsmöte 4 av 4: lokal och fika", D("1250")),
    (10, 20, A, "Dialogforum 2022 (cirka 120 deltagare): lokal, förtäring och dokumentation",
     D("68500")),
    (4, 7, A, "Malmötimme: ungdomars väg till arbetsmarknaden", D("14250")),
    (11, 10, A, "Malmötimme: att motverka hat och hot på internet", D("13750")),
    (2, 15, A, "Lärandeluncher, nio tillfällen under året", D("13500")),
    (2, 1, K, "Utbildningen Medskapa förändring, Malmöakademien: fyra platser", D("50000")),
    (1, 31, C, "Hemsida och sociala medier (LinkedIn, Instagram, Facebook)", D("36000")),
    (10, 31, C, "Film och rapport från dialogforum 2022", D("15000")),
    (12, 15, OTHER, "Revision, bokföring och administration", D("40000")),
]  # fmt: skip


def _year_entries(year: int) -> list[tuple]:
    """(month, day, category, description, amount, grant purpose) of one year."""
    entries = [
        (m, 25, P, f"Samordnare för idéburen sektor, lön och sociala avgifter {year}-{m:02d}",
         MONTHLY_PERSONNEL[year], COORDINATION_PURPOSE)
        for m in range(1, 13)
    ]  # fmt: skip
    entries += [
        (q * 3 - 2, 5, R, f"Kontorsplats och mötesrum på Nobel 21, kvartal {q} {year}",
         D("12000") if year >= 2021 else D("11000"), COORDINATION_PURPOSE)
        for q in range(1, 5)
    ]  # fmt: skip
    if year == 2022:
        return entries + [(*e, COORDINATION_PURPOSE) for e in EXPENSES_2022]
    if year == 2020:
        entries += [
            (10, 15, A, "Dialogforum 2020 (digitalt)", D("24500"), COORDINATION_PURPOSE),
            (3, 12, A, "Malmötimme om samverkan under pandemin (digital)", D("6250"),
             COORDINATION_PURPOSE),
            (2, 20, K, "Utbildning i IOP för tjänstepersoner och föreningar", D("45000"),
             COMPETENCE_PURPOSE),
            (9, 22, K, "Workshopserie om samverkan över sektorerna (digital)", D("30000"),
             COMPETENCE_PURPOSE),
            (11, 17, K, "Föreläsning: idéburen välfärd", D("18500"), COMPETENCE_PURPOSE),
            (6, 30, C, "Hemsida och sociala medier", D("28000"), COORDINATION_PURPOSE),
            (12, 15, OTHER, "Revision, bokföring och administration", D("38000"),
             COORDINATION_PURPOSE),
        ]  # fmt: skip
        return entries
    forum = {2021: D("31000"), 2023: D("71250.50"), 2024: D("72400"), 2025: D("74980"),
             2026: D("76000")}[year]  # fmt: skip
    places = 4 if year != 2021 else 3
    entries += [
        (10, 18, A, f"Dialogforum {year}: lokal, förtäring och dokumentation", forum,
         COORDINATION_PURPOSE),
        (4, 6, A, f"Malmötimme våren {year}", D("14400"), COORDINATION_PURPOSE),
        (11, 9, A, f"Malmötimme hösten {year}", D("14100"), COORDINATION_PURPOSE),
        (2, 14, A, f"Lärandeluncher {year}", D("12487.50"), COORDINATION_PURPOSE),
        (2, 1, K, f"Medskapa förändring, Malmöakademien: {places} platser", D("12500") * places,
         COORDINATION_PURPOSE),
        (1, 31, C, f"Hemsida och sociala medier {year}", D("36500"), COORDINATION_PURPOSE),
        (12, 12, OTHER, "Revision, bokföring och administration", D("41000"),
         COORDINATION_PURPOSE),
    ]  # fmt: skip
    return entries


def _tally() -> dict[str, int]:
    return {"created": 0, "existing": 0}


def _load_funders(counts) -> dict[str, Funder]:
    funders = {f.slug: f for f in Funder.objects.filter(slug__in=[row[0] for row in FUNDERS])}
    organisations = {
        o.slug: o
        for o in Organisation.objects.filter(slug__in=[row[4] for row in FUNDERS if row[4]])
    }
    for slug, name, kind, website, org_slug, description in FUNDERS:
        if slug in funders:
            counts["funders"]["existing"] += 1
            continue
        funders[slug] = services.create_funder(
            by=SYSTEM,
            slug=slug,
            name=name,
            kind=kind,
            website=website,
            description=description,
            organisation=organisations.get(org_slug),
            is_demo=True,
        )
        counts["funders"]["created"] += 1
    return funders


def _load_calls(agreement, funders, today, counts) -> None:
    existing = set(
        FundingCall.objects.filter(slug__in=[c["slug"] for c in CALLS]).values_list(
            "slug", flat=True
        )
    )
    areas = list(PriorityArea.objects.filter(agreement=agreement))
    districts = {d.name: d for d in District.objects.all()}
    for spec in CALLS:
        if spec["slug"] in existing:
            counts["funding_calls"]["existing"] += 1
            continue
        deadline = (
            today + datetime.timedelta(days=spec["deadline_in"])
            if spec["deadline_in"] is not None
            else None
        )
        if spec["opens_in"] is not None:
            opens_on = today + datetime.timedelta(days=spec["opens_in"])
        elif deadline is not None:
            opens_on = min(today, deadline) - datetime.timedelta(days=60)
        else:
            opens_on = None
        low, high = spec["amount"]
        services.create_call(
            by=SYSTEM,
            slug=spec["slug"],
            funder=funders[spec["funder"]],
            agreement=agreement if spec["local"] else None,
            title=spec["title"],
            description=spec["description"],
            eligibility_note=spec["note"],
            sectors=spec["sectors"],
            legal_forms=spec["legal_forms"],
            areas=[a for a in areas if any(a.title.startswith(t) for t in spec["areas"])]
            if spec["local"]
            else [],
            districts=[districts[n] for n in spec["districts"] if n in districts],
            amount_min=D(low) if low else None,
            amount_max=D(high) if high else None,
            opens_on=opens_on,
            deadline=deadline,
            link=spec["link"] or funders[spec["funder"]].website,
            is_demo=True,
        )
        counts["funding_calls"]["created"] += 1


def _load_budget(agreement, today, counts) -> None:
    malmo_ideella = Organisation.objects.filter(slug="malmo-ideella").first()
    city_office = Organisation.objects.filter(slug="stadskontoret").first()
    grants = {(g.year, g.purpose): g for g in Grant.objects.filter(agreement=agreement)}
    wanted = [
        (
            year,
            COORDINATION_PURPOSE,
            malmo_ideella,
            "Malmö Ideella",
            D("1000000"),
            "STK-2020-227" if year == 2020 else "",
        )
        for year in range(2020, 2027)
    ] + [(2020, COMPETENCE_PURPOSE, city_office, "Stadskontoret", D("100000"), "STK-2020-227")]
    for year, purpose, recipient, name, amount, reference in wanted:
        if (year, purpose) in grants:
            counts["grants"]["existing"] += 1
            continue
        grants[(year, purpose)] = services.record_grant(
            agreement=agreement,
            by=SYSTEM,
            year=year,
            purpose=purpose,
            amount=amount,
            recipient=recipient,
            recipient_name="" if recipient else name,
            decided_by="Kommunstyrelsen",
            reference=reference,
            is_demo=True,
        )
        counts["grants"]["created"] += 1
    existing = set(
        Expense.objects.filter(agreement=agreement).values_list("spent_on", "description")
    )
    for year in range(2020, 2027):
        for month, day, category, description, amount, purpose in _year_entries(year):
            spent_on = datetime.date(year, month, day)
            if spent_on > today:
                continue
            if (spent_on, description) in existing:
                counts["expenses"]["existing"] += 1
                continue
            services.record_expense(
                agreement=agreement,
                by=SYSTEM,
                year=year,
                spent_on=spent_on,
                category=category,
                description=description,
                amount=amount,
                grant=grants.get((year, purpose)),
                is_demo=True,
            )
            counts["expenses"]["created"] += 1


def load() -> dict:
    counts = {
        "funders": _tally(),
        "funding_calls": _tally(),
        "grants": _tally(),
        "expenses": _tally(),
    }
    agreement = Agreement.objects.filter(slug=AGREEMENT_SLUG).first()
    if agreement is None:
        return counts
    today = timezone.localdate()
    funders = _load_funders(counts)
    _load_calls(agreement, funders, today, counts)
    _load_budget(agreement, today, counts)
    return counts
