"""The words generated rows are made of: Swedish names, themes and sentences."""

from samverkan.actors.models import (
    Sector,
)
from samverkan.events.models import (
    EventKind,
)
from samverkan.matching.models import Posting

FIRST_NAMES = """
    Anna Maria Karin Sara Lena Emma Elin Hanna Johanna Sofia Fatima Amina Leila Yasmin Maryam
    Aisha Zeynep Ewa Agnieszka Mirela Selma Hodan Ingrid Birgitta Linnea Ebba Alva Maja Nora
    Erik Lars Anders Johan Karl Per Mikael Peter Jonas Ali Mohammed Ahmed Hassan Omar Yusuf
    Mehmet Dragan Goran Tomasz Daniel David Oskar Lucas Elias Adam Noah Hugo Samir Tarik Emil
""".split()  # noqa: SIM905
LAST_NAMES = """
    Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson
    Pettersson Jönsson Jansson Hansson Bengtsson Lindberg Lindqvist Holm Ek Ståhl Åkesson Sjöberg
    Ali Mohamed Hassan Ahmadi Karimi Hosseini Yilmaz Demir Kaya Nowak Kowalski Petrović Hadžić
    Begić Nguyen Tran Abdi Warsame Haddad Khalil Rahimi Mahmoud Berg Lund Strand Nyberg Forsberg
""".split()  # noqa: SIM905

# (theme, what the activity is): the vocabulary of collaborations, postings and events.
THEMES = [
    ("läxhjälp", "läxhjälp för mellanstadiet"),
    ("spontanidrott", "spontanidrott på kvällstid"),
    ("språkcafé", "språkcafé för nyanlända"),
    ("nattvandring", "nattvandring i helgerna"),
    ("odling", "odling i kolonilotter och på gården"),
    ("simskola", "simskola för vuxna"),
    ("digitalt stöd", "digitalt stöd för äldre"),
    ("sommarlov", "aktiviteter under sommarlovet"),
    ("kulturkompisar", "kulturkompisar som går på teater och konserter"),
    ("matkassar", "matkassar och stödsamtal"),
    ("föräldrastöd", "föräldrastöd i grupp"),
    ("seniorträff", "träffpunkt för seniorer"),
    ("jobbcoachning", "jobbcoachning och praktikplatser för unga"),
    ("fritidsgård", "öppen fritidsgård"),
    ("trygghet", "trygghetsvandringar med grannarna"),
    ("öppen scen", "öppna scener för unga musiker"),
    ("friluftsliv", "friluftsdagar i naturen"),
    ("ledarskap", "ledarutbildning för unga"),
    ("brädspel", "brädspelskvällar på biblioteket"),
    ("återbruk", "återbruk och reparation av cyklar och kläder"),
    ("tjejgrupp", "tjejgrupp med dans och samtal"),
    ("rörelse", "rörelse på fritids"),
    ("kost", "hälsa och kost för familjer"),
    ("ensamhet", "samtalsgrupper mot ensamhet"),
    ("mötesplats", "en mötesplats i stadsdelen"),
    ("demokrati", "demokratiskola för unga"),
    ("lokaler", "lokaler för föreningslivet"),
    ("volontärer", "volontärer till stadens evenemang"),
    ("ansökningar", "stöd att skriva ansökningar om bidrag"),
    ("funktionsrätt", "fritid för barn med funktionsnedsättning"),
]
TEXT_SENTENCES = [
    "Verksamheten bygger på frivilliga ledare och ett nära samarbete med skolorna.",
    "Målet är att fler barn och unga ska ha en meningsfull fritid.",
    "Aktiviteterna är avgiftsfria och öppna för alla.",
    "Vi utgår från det som de boende själva lyfter fram.",
    "Arbetet följs upp varje termin tillsammans med deltagarna.",
    "Samarbetet bygger på Malmöandans principer om dialog och ömsesidig respekt.",
    "Insatsen når framför allt kvinnor och äldre som annars sällan deltar.",
    "Lokalerna är tillgängliga för personer med rörelsenedsättning.",
]
MUNICIPAL_UNITS = [
    ("Fritidsgården {d}", "fritidsforvaltningen"),
    ("Biblioteket {d}", "kulturforvaltningen"),
    ("Mötesplatsen {d}", "arbetsmarknads-och-socialforvaltningen"),
    ("Träffpunkt {d}", "funktionsstodsforvaltningen"),
    ("Stadsdelsteam {d}", "stadskontoret"),
]
BUSINESS_NAMES = [
    "{w} Konsult AB",
    "{w} Fastigheter AB",
    "{dg} Bygg AB",
    "{w} Event AB",
    "{dg} Café & Bageri",
    "{w} Kommunikation AB",
]
ACADEMIA_NAMES = [
    "Forskningsgruppen {w}, Malmö universitet",
    "Institutet för {t}, Malmö universitet",
    "Lunds universitet, projektet {w}",
]
AUTHORITY_NAMES = ["Lokalpolisområde {d}", "Arbetsförmedlingen {d}", "Räddningstjänsten {d}"]
NAME_SUFFIXES = ["Norra", "Södra", "Östra", "Västra", "Nya"]
SECTOR_SHARES = [
    (Sector.CIVIL_SOCIETY, 0.85),
    (Sector.MUNICIPALITY, 0.05),
    (Sector.BUSINESS, 0.07),
    (Sector.ACADEMIA, 0.02),
    (Sector.AUTHORITY, 0.01),
]
REPRESENTATIVE_TITLES = ["Ordförande", "Sekreterare", "Kassör", "Ledamot", "Verksamhetsledare"]
SLOTS = [(8, 10), (10, 12), (13, 15), (15, 17), (17, 19), (19, 21)]
ROOM_NAMES = [
    ("Stora salen", 80),
    ("Studiecirkelrummet", 12),
    ("Verkstaden", 20),
    ("Konferensrummet", 16),
    ("Köket", 10),
]
EVENT_KINDS = [
    (EventKind.LEARNING_LUNCH, 0.35),
    (EventKind.WORKSHOP, 0.25),
    (EventKind.TRAINING, 0.15),
    (EventKind.DIALOGUE_FORUM, 0.1),
    (EventKind.MALMO_HOUR, 0.1),
    (EventKind.OTHER, 0.05),
]
EVENT_TITLES = {
    EventKind.LEARNING_LUNCH: "Lärande lunch: {theme}",
    EventKind.WORKSHOP: "Workshop om {theme} i {d}",
    EventKind.TRAINING: "Utbildning: {theme}",
    EventKind.DIALOGUE_FORUM: "Dialogforum om {theme}",
    EventKind.MALMO_HOUR: "Malmötimme: {theme}",
    EventKind.OTHER: "Träff om {theme} i {d}",
}
CAPACITIES = [20, 25, 30, 40, 60, 100, None]
KIND_WORDS = {
    Posting.Kind.PARTNER: "samarbetspartner",
    Posting.Kind.PREMISES: "lokaler",
    Posting.Kind.VOLUNTEERS: "volontärer",
    Posting.Kind.COMPETENCE: "kompetens",
    Posting.Kind.FUNDING: "finansiering",
    Posting.Kind.OTHER: "stöd",
}
