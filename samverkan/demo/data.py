"""The Malmöandan demo data: the agreement, Malmö's districts, committees and administrations, the
organisations the source documents name, vocabulary for generated associations, and demo users.

Plain data only; `samverkan.demo.loader` writes it. Texts are Swedish because a visitor reads them.
Addresses and organisation numbers are made up; e-mail and web addresses use example domains.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

from samverkan.accounts.roles import CASE_OFFICER, COORDINATOR, MODERATOR
from samverkan.actors.models import LegalForm, Sector

# Shared with the apps' demo modules, which sit below samverkan.demo (see core/demo_support.py).
from samverkan.core.demo_support import DEMO_PASSWORD, DISTRICTS, MALMO_IDEELLA, MISO  # noqa: F401


def _unwrap(text: str) -> str:
    """Paragraphs separated by blank lines; wrapped lines joined, list items ("- ") kept apart."""
    paragraphs = []
    for block in text.strip().split("\n\n"):
        lines: list[str] = []
        for line in block.splitlines():
            if line.startswith("- ") or not lines:
                lines.append(line)
            else:
                lines[-1] += " " + line.strip()
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


# --- The agreement ------------------------------------------------------------------------------

AGREEMENT = {
    "name": "Överenskommelse Malmöandan",
    "slug": "malmoandan",
    "municipality": "Malmö",
    "signed_on": datetime.date(2017, 6, 14),
    "summary": _unwrap(
        """
Överenskommelse Malmöandan är en lokal överenskommelse om samverkan mellan hela den idéburna
sektorn i Malmö och Malmö stad. Den antogs av kommunfullmäktige den 14 juni 2017 och beskriver en
gemensam vision, värderingar och strategi för samverkan. Det övergripande syftet är att öka
demokratin, delaktigheten och jämlikheten i Malmö.

Arbetet följer en samarbetsplan med prioriterade samhällsutmaningar, värdskap för varje område,
dialogforum, utbildning och ett föreningscenter. Stadskontoret samordnar för Malmö stads del och
paraplyorganisationerna Malmö ideella och MISO för den idéburna sektorn.
"""
    ),
    "vision": (
        "Visionen är en mer jämlik, öppen och demokratisk stad. Vi ska klara de utmaningar som vi "
        "i Malmö står inför. Vi lär av varandra, och vill förändra tillsammans."
    ),
    "plan_title": "Samarbetsplan 2018–2022",
}

# The main text of the collaboration plan 2018–2022 (seed 004), cleaned of layout artefacts.
PLAN_TEXT = _unwrap((Path(__file__).parent / "plan_2018_2022.txt").read_text(encoding="utf-8"))

# --- Places and themes ---------------------------------------------------------------------------

MUNICIPALITY = "Malmö"
CITY = "Malmö"


INTEREST_AREAS = [
    "Idrott",
    "Kultur",
    "Hälsa",
    "Barn och unga",
    "Äldre",
    "Integration",
    "Utbildning",
    "Miljö",
    "Funktionsrätt",
    "Trygghet",
    "Arbete och sysselsättning",
    "Demokrati",
    "Religion och livsåskådning",
    "Socialt arbete",
    "Boende",
]

# --- Organisations the source documents name ------------------------------------------------------

# Every municipal committee and administration shares Malmö stad's organisation number.
MALMO_STAD_ORGANISATION_NUMBER = "212000-1124"

# fmt: off
# (name, slug, description)
COMMITTEES = [
    ("Kommunstyrelsen", "kommunstyrelsen",
     "Leder och samordnar Malmö stads verksamhet och ansvarar för Malmöandans samarbetsplan."),
    ("Fritidsnämnden", "fritidsnamnden",
     "Ansvarar för fritid, idrott och föreningsstöd, bidrag och bokning av lokaler."),
    ("Kulturnämnden", "kulturnamnden",
     "Ansvarar för stadens kulturinstitutioner, bibliotek och stöd till det fria kulturlivet."),
    ("Arbetsmarknads- och socialnämnden", "arbetsmarknads-och-socialnamnden",
     "Ansvarar för arbetsmarknadsinsatser, försörjningsstöd och socialtjänst."),
    ("Funktionsstödsnämnden", "funktionsstodsnamnden",
     "Ansvarar för stöd och service till personer med funktionsnedsättning."),
    ("Hälsa-, vård- och omsorgsnämnden", "halsa-vard-och-omsorgsnamnden",
     "Ansvarar för hemtjänst, vård- och omsorgsboenden och hälsofrämjande insatser för äldre."),
    ("Tekniska nämnden", "tekniska-namnden",
     "Ansvarar för gator, parker, torg och andra allmänna platser i Malmö."),
    ("Stadsbyggnadsnämnden", "stadsbyggnadsnamnden",
     "Ansvarar för stadsplanering, bygglov och stadens fysiska utveckling."),
    ("Grundskolenämnden", "grundskolenamnden",
     "Ansvarar för Malmö stads grundskolor och fritidshem."),
    ("Förskolenämnden", "forskolenamnden", "Ansvarar för Malmö stads förskolor."),
    ("Gymnasie- och vuxenutbildningsnämnden", "gymnasie-och-vuxenutbildningsnamnden",
     "Ansvarar för gymnasieskola, vuxenutbildning och svenska för invandrare."),
    ("Miljönämnden", "miljonamnden",
     "Ansvarar för miljö- och hälsoskydd, livsmedelskontroll och klimatarbete."),
    ("Servicenämnden", "servicenamnden",
     "Ansvarar för stadens gemensamma service, bland annat lokaler, måltider och kontaktcenter."),
    ("Överförmyndarnämnden", "overformyndarnamnden",
     "Tillsyn över gode män, förvaltare och förmyndare."),
    ("Valnämnden", "valnamnden", "Ansvarar för genomförandet av val i Malmö."),
]

# (name, slug, committee slug, description)
ADMINISTRATIONS = [
    ("Stadskontoret", "stadskontoret", "kommunstyrelsen",
     "Kommunstyrelsens förvaltning. Samordnar Malmöandan för Malmö stads del och har en "
     "samordnare för samverkan med idéburen sektor."),
    ("Fritidsförvaltningen", "fritidsforvaltningen", "fritidsnamnden",
     "Föreningsstöd, föreningsregister, bidrag och bokning av idrotts- och fritidsanläggningar. "
     "Ansvarar för e-tjänsten för registrering av föreningar."),
    ("Kulturförvaltningen", "kulturforvaltningen", "kulturnamnden",
     "Driver bland annat Stadsbiblioteket, Malmö Museer och Kulturskolan och ger stöd till "
     "kulturföreningar."),
    ("Arbetsmarknads- och socialförvaltningen", "arbetsmarknads-och-socialforvaltningen",
     "arbetsmarknads-och-socialnamnden",
     "Arbetsmarknadsinsatser, försörjningsstöd och socialtjänst för barn, unga och vuxna."),
    ("Funktionsstödsförvaltningen", "funktionsstodsforvaltningen", "funktionsstodsnamnden",
     "Boenden, daglig verksamhet och personlig assistans för personer med funktionsnedsättning."),
    ("Hälsa-, vård- och omsorgsförvaltningen", "halsa-vard-och-omsorgsforvaltningen",
     "halsa-vard-och-omsorgsnamnden",
     "Hemtjänst, vård- och omsorgsboenden och mötesplatser för äldre."),
    ("Fastighets- och gatukontoret", "fastighets-och-gatukontoret", "tekniska-namnden",
     "Förvaltar stadens mark, gator, parker och lokaler."),
    ("Stadsbyggnadskontoret", "stadsbyggnadskontoret", "stadsbyggnadsnamnden",
     "Planerar Malmös fysiska utveckling och handlägger bygglov."),
    ("Grundskoleförvaltningen", "grundskoleforvaltningen", "grundskolenamnden",
     "Driver Malmö stads grundskolor och fritidshem."),
    ("Förskoleförvaltningen", "forskoleforvaltningen", "forskolenamnden",
     "Driver Malmö stads förskolor."),
    ("Gymnasie- och vuxenutbildningsförvaltningen", "gymnasie-och-vuxenutbildningsforvaltningen",
     "gymnasie-och-vuxenutbildningsnamnden",
     "Driver gymnasieskolor, Komvux och sfi i Malmö."),
    ("Miljöförvaltningen", "miljoforvaltningen", "miljonamnden",
     "Arbetar med miljötillsyn, klimatomställning och hållbar utveckling, bland annat "
     "Klimatkontrakt 2030."),
    ("Serviceförvaltningen", "serviceforvaltningen", "servicenamnden",
     "Stadens gemensamma service: lokaler, måltider, fordon och Malmö stads kontaktcenter."),
]

MUNICIPAL_INTEREST_AREAS = {
    "kommunstyrelsen": ["Demokrati"],
    "stadskontoret": ["Demokrati", "Integration", "Trygghet"],
    "fritidsnamnden": ["Idrott", "Barn och unga"],
    "fritidsforvaltningen": ["Idrott", "Barn och unga", "Hälsa"],
    "kulturnamnden": ["Kultur"],
    "kulturforvaltningen": ["Kultur", "Barn och unga"],
    "arbetsmarknads-och-socialforvaltningen": ["Arbete och sysselsättning", "Socialt arbete"],
    "funktionsstodsforvaltningen": ["Funktionsrätt"],
    "halsa-vard-och-omsorgsforvaltningen": ["Äldre", "Hälsa"],
    "fastighets-och-gatukontoret": ["Boende", "Miljö", "Trygghet"],
    "stadsbyggnadskontoret": ["Boende"],
    "grundskoleforvaltningen": ["Utbildning", "Barn och unga"],
    "forskoleforvaltningen": ["Utbildning", "Barn och unga"],
    "gymnasie-och-vuxenutbildningsforvaltningen": ["Utbildning", "Arbete och sysselsättning"],
    "miljoforvaltningen": ["Miljö"],
}

# fmt: on

# Organisations of other sectors and of the non-profit sector that the documents name.
# "number" is the first nine digits of a made-up organisation number; the loader adds the
# check digit. "umbrellas" are slugs of umbrella organisations above them in this list.
NAMED_ORGANISATIONS = [
    {
        "name": "Malmö ideella",
        "slug": MALMO_IDEELLA,
        "sector": Sector.CIVIL_SOCIETY,
        "legal_form": LegalForm.UMBRELLA,
        "number": "802000001",
        "description": (
            "Paraplyorganisation för den idéburna sektorn i Malmö. Samordnar Malmöandans "
            "samarbetsplan för den idéburna sektorns del, med bidrag från kommunstyrelsen, och "
            "företräder föreningar, stiftelser och trossamfund i dialogen med Malmö stad."
        ),
        "districts": ["Sofielund"],
        "interest_areas": ["Demokrati", "Integration", "Socialt arbete"],
        "street_address": "Nobelvägen 21",
        "email": "malmoideella@example.se",
        "website": "https://malmoideella.example.org",
    },
    {
        "name": "Malmö Idrottsföreningars Samorganisation (MISO)",
        "slug": MISO,
        "sector": Sector.CIVIL_SOCIETY,
        "legal_form": LegalForm.UMBRELLA,
        "number": "802000002",
        "description": (
            "Samorganisation för Malmös idrottsföreningar. Företräder idrotten i Malmöandan "
            "tillsammans med Malmö ideella och verkar för rätten till idrott och jämlik fritid."
        ),
        "districts": ["Centrum"],
        "interest_areas": ["Idrott", "Barn och unga", "Hälsa"],
        "street_address": "Baltzarsgatan 18",
        "email": "miso@example.se",
        "website": "https://miso.example.org",
    },
    {
        "name": "Sensus studieförbund",
        "slug": "sensus-studieforbund",
        "sector": Sector.CIVIL_SOCIETY,
        "legal_form": LegalForm.ASSOCIATION,
        "number": "802000003",
        "description": (
            "Studieförbund som ordnar studiecirklar, kurser och kulturarrangemang i Malmö. "
            "Samverkanspart i projektet Malmö Tillsammans."
        ),
        "districts": ["Centrum", "Persborg", "Rosengård", "Östervärn"],
        "interest_areas": ["Utbildning", "Kultur", "Integration"],
        "street_address": "Östra Förstadsgatan 34",
        "email": "sensus.malmo@example.se",
        "website": "https://sensus.example.org",
        "umbrellas": [MALMO_IDEELLA],
    },
    {
        "name": "Rädda Barnen Malmö",
        "slug": "radda-barnen-malmo",
        "sector": Sector.CIVIL_SOCIETY,
        "legal_form": LegalForm.ASSOCIATION,
        "number": "802000004",
        "description": (
            "Lokalförening av Rädda Barnen som arbetar för barns rättigheter, med läxhjälp, "
            "mötesplatser och stöd till föräldrar. Part i IOP-avtalet Kraftsamling Herrgården."
        ),
        "districts": ["Herrgården", "Rosengård"],
        "interest_areas": ["Barn och unga", "Socialt arbete", "Trygghet"],
        "street_address": "Ramels väg 40",
        "email": "raddabarnen.malmo@example.se",
        "website": "https://raddabarnen.example.org",
        "umbrellas": [MALMO_IDEELLA],
    },
    {
        "name": "Tillsammans i Förening",
        "slug": "tillsammans-i-forening",
        "sector": Sector.CIVIL_SOCIETY,
        "legal_form": LegalForm.ASSOCIATION,
        "number": "802000005",
        "description": (
            "Förening i Herrgården som samlar boende kring läxhjälp, idrott och kultur för barn "
            "och unga. Part i IOP-avtalet Kraftsamling Herrgården."
        ),
        "districts": ["Herrgården"],
        "interest_areas": ["Barn och unga", "Integration", "Idrott"],
        "street_address": "Hårds väg 7",
        "email": "tillsammansiforening@example.se",
        "umbrellas": [MALMO_IDEELLA],
    },
    {
        "name": "Föreningen Zig Zag",
        "slug": "foreningen-zig-zag",
        "sector": Sector.CIVIL_SOCIETY,
        "legal_form": LegalForm.ASSOCIATION,
        "number": "802000006",
        "description": (
            "Ideell förening som skapar mötesplatser för unga och vuxna genom kultur, dans och "
            "samtal. Har deltagit i Malmöandan sedan starten."
        ),
        "districts": ["Möllevången", "Seved"],
        "interest_areas": ["Kultur", "Barn och unga", "Demokrati"],
        "street_address": "Bergsgatan 33",
        "email": "zigzag@example.se",
        "website": "https://zigzag.example.org",
        "umbrellas": [MALMO_IDEELLA],
    },
    {
        "name": "KC Kompetenscenter",
        "slug": "kc-kompetenscenter",
        "sector": Sector.CIVIL_SOCIETY,
        "legal_form": LegalForm.ASSOCIATION,
        "number": "802000007",
        "description": (
            "Idéburen organisation som stärker unga och vuxna på vägen till arbete och studier "
            "genom coachning, utbildning och praktik."
        ),
        "districts": ["Rosengård", "Centrum"],
        "interest_areas": ["Arbete och sysselsättning", "Utbildning", "Integration"],
        "street_address": "Amiralsgatan 91",
        "email": "kc@example.se",
        "umbrellas": [MALMO_IDEELLA],
    },
    {
        "name": "Malmöakademien",
        "slug": "malmoakademien",
        "sector": Sector.CIVIL_SOCIETY,
        "legal_form": LegalForm.OTHER,
        "number": "802000008",
        "description": (
            "Håller utbildningen ”Medskapa förändring” för tjänstepersoner och företrädare för "
            "idéburna organisationer som driver processer med många inblandade parter."
        ),
        "districts": ["Centrum"],
        "interest_areas": ["Utbildning", "Demokrati"],
        "email": "malmoakademien@example.se",
        "website": "https://malmoakademien.example.org",
    },
    {
        "name": "Nobel 21",
        "slug": "nobel-21",
        "sector": Sector.CIVIL_SOCIETY,
        "legal_form": LegalForm.ASSOCIATION,
        "number": "802000009",
        "description": (
            "Föreningscentret på Nobelvägen 21: en levande plats där idéer utvecklas och "
            "förverkligas. Lokaler för möten, seminarier och workshops för föreningslivet, "
            "näringslivet och Malmö stads förvaltningar; 2022 cirka 545 besökare i veckan och "
            "2 850 möten."
        ),
        "districts": ["Sofielund"],
        "interest_areas": ["Demokrati", "Kultur", "Integration"],
        "street_address": "Nobelvägen 21",
        "email": "nobel21@example.se",
        "website": "https://nobel21.example.org",
        "umbrellas": [MALMO_IDEELLA],
    },
    {
        "name": "NyföretagarCentrum Öresund",
        "slug": "nyforetagarcentrum-oresund",
        "sector": Sector.CIVIL_SOCIETY,
        "legal_form": LegalForm.FOUNDATION,
        "number": "802000010",
        "description": (
            "Ideell stiftelse som ger blivande företagare kostnadsfri rådgivning. Samverkanspart "
            "i Malmö Tillsammans, med fokus på sysselsättning och samhällsentreprenörskap i "
            "Persborg, Rosengård och Östervärn."
        ),
        "districts": ["Persborg", "Rosengård", "Östervärn"],
        "interest_areas": ["Arbete och sysselsättning"],
        "street_address": "Stora Varvsgatan 11",
        "email": "nyforetagarcentrum@example.se",
        "website": "https://nyforetagarcentrum.example.org",
    },
    {
        "name": "Malmö universitet",
        "slug": "malmo-universitet",
        "sector": Sector.ACADEMIA,
        "legal_form": LegalForm.UNIVERSITY,
        "number": "202100477",
        "description": (
            "Universitet med forskning om bland annat urbana studier, hälsa och samhälle. Part i "
            "IOP-avtalet Kraftsamling Herrgården."
        ),
        "districts": ["Västra Hamnen"],
        "interest_areas": ["Utbildning", "Hälsa"],
        "street_address": "Nordenskiöldsgatan 1",
        "email": "malmouniversitet@example.se",
        "website": "https://mau.example.org",
    },
]

# Seeded names that show the register's search and Swedish order (Å, Ä, Ö after Z).
# (name, district, category key)
SHOWCASE_ASSOCIATIONS = [
    ("Idrottsföreningen Kroksbäck", "Kroksbäck", "sport"),
    ("Rosengårds idrottsförening", "Rosengård", "sport"),
    ("Lindängens idrottsförening", "Lindängen", "sport"),
    ("Idrottsföreningen Hermodsdal", "Hermodsdal", "sport"),
    ("Ängens bollklubb", "Bunkeflo", "sport"),
    ("Öresunds kulturförening", "Västra Hamnen", "culture"),
    ("Åkerns trädgårdsförening", "Oxie", "gardening"),
    ("Ärtholmens koloniförening", "Hermodsdal", "gardening"),
    ("Östervärns hyresgästförening", "Östervärn", "tenants"),
    ("Örtagårdens seniorförening", "Husie", "seniors"),
    ("Ådalens scoutkår", "Klagshamn", "scouts"),
    ("Älvans läxhjälpsförening", "Seved", "youth"),
    ("Ystadvägens grannförening", "Sofielund", "safety"),
    ("Föreningen Kraftsamling Herrgården", "Herrgården", "youth"),
    ("Lindängens föräldraföreningar i samverkan", "Lindängen", "youth"),
]

# --- Vocabulary for the generated associations ---------------------------------------------------
# Patterns: {d} district, {dg} district in the genitive, {w} a name word, {n} a nationality
# adjective and {c} its country.

# fmt: off
NAME_WORDS = [
    "Solrosen", "Gemenskapen", "Framtiden", "Bryggan", "Ljuset", "Vänskapen", "Regnbågen",
    "Fyren", "Kompassen", "Mosaiken", "Nyckeln", "Ankaret", "Ekot", "Hamnen", "Stjärnan",
    "Tranan", "Kastanjen", "Linden", "Pilen", "Gnistan", "Vågen", "Näckrosen", "Staren",
    "Ekorren", "Bron", "Kvarnen", "Spiran", "Kometen", "Trasten", "Fröet",
]

NATIONALITIES = [
    ("Somaliska", "Somalia"), ("Bosniska", "Bosnien och Hercegovina"), ("Irakiska", "Irak"),
    ("Syriska", "Syrien"), ("Afghanska", "Afghanistan"), ("Kurdiska", "Kurdistan"),
    ("Eritreanska", "Eritrea"), ("Polska", "Polen"), ("Chilenska", "Chile"),
    ("Palestinska", "Palestina"), ("Serbiska", "Serbien"), ("Iranska", "Iran"),
    ("Vietnamesiska", "Vietnam"), ("Gambiska", "Gambia"), ("Ukrainska", "Ukraina"),
    ("Turkiska", "Turkiet"), ("Albanska", "Albanien"), ("Etiopiska", "Etiopien"),
]

# fmt: on

GENERAL_SENTENCES = [
    "Alla är välkomna att bli medlemmar.",
    "Verksamheten drivs av ideella krafter.",
    "Vi samarbetar gärna med skolor, andra föreningar och Malmö stad.",
    "Medlemsavgiften är låg så att ingen ska behöva avstå av ekonomiska skäl.",
    "Föreningen bildades på 1990-talet och har i dag drygt hundra medlemmar.",
    "Vi träffas i lokaler vi hyr av staden och i föreningscentret Nobel 21.",
    "Föreningen är öppen för nya idéer och nya samarbeten.",
    "Våra aktiviteter är kostnadsfria för barn och unga.",
    "Vi söker fler ledare och volontärer.",
    "Styrelsen väljs på årsmötet i mars.",
]

# Each category: weight (how often it is drawn), legal form, areas of interest, the umbrella
# its members usually join, name patterns and description openings.
# fmt: off
CATEGORIES = {
    "sport": {
        "weight": 24,
        "legal_form": LegalForm.ASSOCIATION,
        "interest_areas": ["Idrott", "Barn och unga", "Hälsa"],
        "umbrella": MISO,
        "names": [
            "{dg} idrottsförening", "Idrottsföreningen {d}", "{d} IF", "IF {w}", "{d} BK",
            "BK {w}", "{d} FF", "FC {d}", "{d} Basketklubb", "{dg} handbollsklubb",
            "{d} Simsällskap", "{dg} boxningsklubb", "{d} Cykelklubb", "{d} Brottarklubb",
            "Kampsportsklubben {w}", "{dg} tennisklubb", "{d} Innebandyklubb",
            "{dg} friidrottsklubb", "{d} Cricketklubb", "{d} Taekwondoklubb",
            "{dg} bordtennisklubb", "Gymnastikföreningen {w}", "{dg} idrottssällskap",
        ],
        "descriptions": [
            "Idrottsförening i {d} med träning för barn, unga och vuxna flera dagar i veckan.",
            "Vi har lag i seriespel för flickor och pojkar och en motionsgrupp för vuxna i {d}.",
            "Klubben tränar i idrottshallen i {d} och arrangerar en sommarcup varje år.",
            "Breddidrott för alla åldrar i {d}, med särskilda grupper för nybörjare.",
        ],
    },
    "culture": {
        "weight": 12,
        "legal_form": LegalForm.ASSOCIATION,
        "interest_areas": ["Kultur"],
        "umbrella": MALMO_IDEELLA,
        "names": [
            "{dg} kulturförening", "Teaterföreningen {w}", "Kören {w}", "{dg} konstförening",
            "Musikföreningen {w}", "Filmklubben {w}", "Dansföreningen {w}",
            "Hembygdsföreningen {d}", "{dg} bokcirkel", "Spelmanslaget {w}",
            "Fotoklubben {w}", "{dg} musikförening",
        ],
        "descriptions": [
            "Kulturförening i {d} som ordnar konserter, utställningar och öppna scener.",
            "Vi spelar teater, sjunger och dansar tillsammans och bjuder in grannarna i {d}.",
            "Föreningen driver en liten scen och verkstad för skapande i {d}.",
        ],
    },
    "seniors": {
        "weight": 8,
        "legal_form": LegalForm.ASSOCIATION,
        "interest_areas": ["Äldre", "Hälsa"],
        "umbrella": MALMO_IDEELLA,
        "names": ["PRO {d}", "SPF Seniorerna {d}", "{dg} pensionärsförening", "Seniorträffen {w}"],
        "descriptions": [
            "Pensionärsförening i {d} med friskvård, studiecirklar, resor och fika.",
            "Vi ordnar promenader, boule och föreläsningar för seniorer i {d}.",
        ],
    },
    "diaspora": {
        "weight": 12,
        "legal_form": LegalForm.ASSOCIATION,
        "interest_areas": ["Integration", "Kultur"],
        "umbrella": MALMO_IDEELLA,
        "names": [
            "{n} föreningen i Malmö", "{n} kulturföreningen", "{n} kvinnoföreningen i {d}",
            "{n} ungdomsföreningen", "Svensk-{nl} vänskapsföreningen",
        ],
        "descriptions": [
            "Förening för malmöbor med rötter i {c}. Vi ordnar språkcafé, läxhjälp och fester.",
            "Vi stöttar nyanlända från {c} med samhällsinformation och nätverk i {d}.",
            "Föreningen bevarar kulturen från {c} och bygger broar till andra malmöbor.",
        ],
    },
    "study": {
        "weight": 6,
        "legal_form": LegalForm.ASSOCIATION,
        "interest_areas": ["Utbildning", "Demokrati"],
        "umbrella": MALMO_IDEELLA,
        "names": [
            "Studiecirkeln {w}", "Språkcaféet {w}", "{dg} folkbildningsförening",
            "Läsfrämjarna i {d}", "Debattklubben {w}",
        ],
        "descriptions": [
            "Studiecirklar i svenska, data och samhällskunskap i {d} med stöd av studieförbund.",
            "Vi läser, samtalar och lär tillsammans, med språkcafé varje vecka i {d}.",
        ],
    },
    "tenants": {
        "weight": 7,
        "legal_form": LegalForm.ASSOCIATION,
        "interest_areas": ["Boende", "Trygghet"],
        "umbrella": None,
        "names": ["Hyresgästföreningen {d}", "{dg} hyresgästförening", "Boendeföreningen {w}"],
        "descriptions": [
            "Lokal hyresgästförening i {d} som driver boendefrågor och ordnar grannfester.",
            "Vi arbetar för trygga och trivsamma bostadsområden och en god dialog med värden.",
        ],
    },
    "scouts": {
        "weight": 5,
        "legal_form": LegalForm.ASSOCIATION,
        "interest_areas": ["Barn och unga", "Miljö"],
        "umbrella": None,
        "names": ["{d} scoutkår", "Scoutkåren {w}", "{dg} scouter"],
        "descriptions": [
            "Scoutkår i {d} med friluftsliv, hajker och läger för barn och unga från åtta år.",
        ],
    },
    "safety": {
        "weight": 4,
        "legal_form": LegalForm.ASSOCIATION,
        "interest_areas": ["Trygghet", "Barn och unga"],
        "umbrella": MALMO_IDEELLA,
        "names": ["Nattvandrarna i {d}", "Grannsamverkan {d}", "Trygghetsvandrarna {w}"],
        "descriptions": [
            "Vuxna som nattvandrar och skapar trygghet för unga i {d} på helgkvällar.",
            "Grannar i {d} som håller utkik, hälsar på varandra och ordnar trygghetsvandringar.",
        ],
    },
    "youth": {
        "weight": 4,
        "legal_form": LegalForm.ASSOCIATION,
        "interest_areas": ["Barn och unga", "Utbildning", "Socialt arbete"],
        "umbrella": MALMO_IDEELLA,
        "names": [
            "Läxhjälpen {d}", "Föräldraföreningen {w}", "{dg} mötesplats",
            "Ungdomsföreningen {w}",
        ],
        "descriptions": [
            "Vi ger läxhjälp, stöd och en trygg mötesplats för barn och unga i {d}.",
            "Föräldrar och unga i {d} som ordnar läxläsning, utflykter och öppen verksamhet.",
        ],
    },
    "support": {
        "weight": 3,
        "legal_form": LegalForm.ASSOCIATION,
        "interest_areas": ["Socialt arbete", "Trygghet"],
        "umbrella": MALMO_IDEELLA,
        "names": ["Kvinnojouren {w}", "Föreningen Medmänniskan {w}", "Stödföreningen {w}"],
        "descriptions": [
            "Föreningen stöttar utsatta människor i {d} med samtal och praktiskt stöd.",
            "Vi erbjuder stödsamtal, jourtelefon och en fristad, i samarbete med socialtjänsten.",
        ],
    },
    "gardening": {
        "weight": 4,
        "legal_form": LegalForm.ASSOCIATION,
        "interest_areas": ["Miljö", "Hälsa"],
        "umbrella": None,
        "names": ["{dg} stadsodlare", "Trädgårdsföreningen {w}", "Koloniföreningen {w}"],
        "descriptions": [
            "Vi odlar tillsammans i {d} och delar med oss av frön, verktyg och kunskap.",
            "Föreningen sköter odlingslotter i {d} och har öppen trädgård varje lördag.",
        ],
    },
    "climate": {
        "weight": 2,
        "legal_form": LegalForm.ASSOCIATION,
        "interest_areas": ["Miljö"],
        "umbrella": None,
        "names": ["Cykelköket {d}", "Klimatföreningen {w}", "Fixarverkstaden {w}"],
        "descriptions": [
            "Föreningen arbetar för en grönare stadsdel och håller kurser i hållbar livsstil.",
            "Här lagar vi cyklar, kläder och prylar tillsammans i stället för att köpa nytt.",
        ],
    },
    "disability": {
        "weight": 5,
        "legal_form": LegalForm.ASSOCIATION,
        "interest_areas": ["Funktionsrätt", "Hälsa"],
        "umbrella": MALMO_IDEELLA,
        "names": [
            "Funktionsrättsföreningen {w}", "Föreningen Synvännerna i {d}",
            "Autismföreningen {w}", "{dg} parasportförening", "Hörselföreningen {w}",
        ],
        "descriptions": [
            "Förening för personer med funktionsnedsättning och deras anhöriga i {d}.",
            "Vi driver på för tillgänglighet och ordnar aktiviteter där alla kan delta.",
        ],
    },
    "religious": {
        "weight": 5,
        "legal_form": LegalForm.RELIGIOUS_COMMUNITY,
        "interest_areas": ["Religion och livsåskådning", "Socialt arbete"],
        "umbrella": MALMO_IDEELLA,
        "names": [
            "{dg} församling", "Islamiska kulturföreningen i {d}", "Ortodoxa församlingen {w}",
            "Frikyrkoförsamlingen {w}",
        ],
        "descriptions": [
            "Trossamfund i {d} med gudstjänster, barngrupper och diakonalt arbete.",
            "Församlingen har öppet hus, stöd till nyanlända och samtalsgrupper i {d}.",
        ],
    },
    "work": {
        "weight": 4,
        "legal_form": LegalForm.ECONOMIC_ASSOCIATION,
        "interest_areas": ["Arbete och sysselsättning", "Integration"],
        "umbrella": MALMO_IDEELLA,
        "names": ["Arbetskooperativet {w}", "Sociala företaget {w}", "Kooperativet {w} i {d}"],
        "descriptions": [
            "Arbetsintegrerande socialt företag i {d} som ger människor långt från arbetsmarknaden "
            "en väg till jobb.",
        ],
    },
    "health": {
        "weight": 4,
        "legal_form": LegalForm.FOUNDATION,
        "interest_areas": ["Hälsa", "Barn och unga"],
        "umbrella": None,
        "names": ["Stiftelsen {w}", "Stiftelsen Jämlik hälsa i {d}"],
        "descriptions": [
            "Stiftelse som främjar barns och ungas hälsa i {d} med rörelse, kost och gemenskap.",
            "Stiftelsen delar ut stipendier och stöder hälsofrämjande projekt i {d}.",
        ],
    },
}

# fmt: on

GENERATED_COUNT = 300
GENERATED_SEED = 2018

# --- Demo users ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoUser:
    email: str
    role: str  # Swedish role label, as the README shows it
    can_do: str  # what the role can do, in Swedish
    first_name: str
    last_name: str
    password: str = DEMO_PASSWORD
    is_superuser: bool = False
    groups: tuple[str, ...] = ()
    represents: str = ""  # slug of the organisation the person acts for or asks to
    representation_status: str = ""  # "confirmed" or "pending"
    title: str = ""
    motivation: str = ""
    confirmed_by: str = ""  # e-mail of the coordinator who confirmed the representation


DEMO_USERS = [
    DemoUser(
        email="admin@demo.samverkan.se",
        role="Administratör",
        can_do="Allt, även Django-admin och att tilldela roller.",
        first_name="Annika",
        last_name="Lindqvist",
        is_superuser=True,
    ),
    DemoUser(
        email="samordnare.stad@demo.samverkan.se",
        role="Samordnare (Malmö stad)",
        can_do="Bekräftar ombud, redigerar alla organisationer, samordnar samarbetsplanen.",
        first_name="Tomas",
        last_name="Bergström",
        groups=(COORDINATOR,),
    ),
    DemoUser(
        email="samordnare.ideburen@demo.samverkan.se",
        role="Samordnare (idéburen sektor)",
        can_do="Bekräftar ombud, redigerar alla organisationer, samordnar samarbetsplanen.",
        first_name="Leila",
        last_name="Haddad",
        groups=(COORDINATOR,),
    ),
    DemoUser(
        email="handlaggare@demo.samverkan.se",
        role="Handläggare",
        can_do="Handlägger ärenden: registreringar, bidrag och lokalbokningar.",
        first_name="Johan",
        last_name="Nilsson",
        groups=(CASE_OFFICER,),
    ),
    DemoUser(
        email="moderator@demo.samverkan.se",
        role="Moderator",
        can_do="Granskar och döljer inlägg och kommentarer som bryter mot reglerna.",
        first_name="Sara",
        last_name="Ekström",
        groups=(MODERATOR,),
    ),
    DemoUser(
        email="ombud@demo.samverkan.se",
        role="Ombud för Föreningen Zig Zag",
        can_do="Redigerar föreningens uppgifter och bekräftar nya ombud för den.",
        first_name="Amir",
        last_name="Hosseini",
        represents="foreningen-zig-zag",
        representation_status="confirmed",
        title="Ordförande",
        confirmed_by="samordnare.ideburen@demo.samverkan.se",
    ),
    DemoUser(
        email="tjansteperson@demo.samverkan.se",
        role="Tjänsteperson på Fritidsförvaltningen",
        can_do="Företräder förvaltningen och redigerar dess uppgifter.",
        first_name="Maria",
        last_name="Johansson",
        represents="fritidsforvaltningen",
        representation_status="confirmed",
        title="Föreningskonsulent",
        confirmed_by="samordnare.stad@demo.samverkan.se",
    ),
    DemoUser(
        email="medlem@demo.samverkan.se",
        role="Medlem",
        can_do="Har ett konto; har bett att få bli ombud för en förening (väntar på svar).",
        first_name="Erik",
        last_name="Svensson",
        represents="rosengards-idrottsforening",
        representation_status="pending",
        title="Kassör",
        motivation="Jag är kassör i föreningen och vill hålla våra uppgifter i registret aktuella.",
    ),
]
