"""The Malmöandan demo needs and offers, and a few matches.

About forty postings of the demo's organisations, across sectors, in Swedish. Among them the
need of the Lindängen health dialogue (the dialogue on an IOP for "jämlik hälsa på Lindängen"
in the seeds): Hälsa-, vård- och omsorgsförvaltningen seeks associations for health-promoting
activities on Lindängen, and the Lindängen associations, Sensus and MISO offer what fits, so a
coordinator opening that need sees fitting offers with their reasons.

Written through the services with `by=SYSTEM` (the platform acting), so each posting is indexed
as it is created. Idempotent: a posting is found by agreement, organisation and title; a match by
its pair. Organisations the list names that are not in the database are skipped.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from samverkan.actors.models import District, Organisation
from samverkan.agreements.models import Agreement
from samverkan.areas.models import PriorityArea
from samverkan.core.permissions import SYSTEM
from samverkan.matching import services
from samverkan.matching.models import Match, Posting

AGREEMENT_SLUG = "malmoandan"
NEED, OFFER = Posting.Direction.NEED, Posting.Direction.OFFER
UNGA = "ungas-halsa-och-livsstil"
FRITID = "jamlik-fritid-och-kultur"
STADSLIV = "stadsliv-allmanna-platser-och-lokaler"
DELAKTIGHET = "delaktighet-trygghet-demokrati"
ARBETE = "nya-vagar-till-arbete-och-aktivitet"

LINDANGEN_NEED_TITLE = "Hälsodialog i Lindängen – föreningar för jämlik hälsa"


@dataclass(frozen=True)
class DemoPosting:
    organisation: str  # slug
    direction: str
    kind: str
    title: str
    text: str
    areas: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    months: int | None = 6  # valid this many months from the load; None: until further notice


P = DemoPosting
# fmt: off
POSTINGS = [
    # The Lindängen health dialogue: the city's need and the offers that answer it.
    P("halsa-vard-och-omsorgsforvaltningen", NEED, "partner", LINDANGEN_NEED_TITLE,
      "Inom dialogen om ett IOP för jämlik hälsa på Lindängen söker vi föreningar som vill driva "
      "hälsofrämjande aktiviteter tillsammans med oss: promenadgrupper, motion för alla åldrar, "
      "samtal om kost och hälsa och mötesplatser där boende i Lindängen kan röra sig mer och må "
      "bättre. Föreningarna är med och formar insatserna utifrån de boendes behov.",
      (UNGA, FRITID), ("Lindängen",), 9),
    P("lindangens-idrottsforening", OFFER, "partner", "Motion och promenadgrupper i Lindängen",
      "Lindängens idrottsförening erbjuder motion för alla åldrar: promenadgrupper, "
      "spontanidrott och träning utomhus i Lindängen. Vi vill gärna vara med i hälsofrämjande "
      "arbete tillsammans med staden och andra föreningar i stadsdelen.",
      (UNGA,), ("Lindängen",)),
    P("lindangens-foraldraforeningar-i-samverkan", OFFER, "competence",
      "Föräldraträffar om kost, sömn och hälsa",
      "Vi samlar föräldrar i Lindängen till träffar om kost, sömn och barns hälsa, med tolk vid "
      "behov. Vi kan hålla samtalen i dialogen om jämlik hälsa och nå familjer som sällan deltar.",
      (UNGA,), ("Lindängen",)),
    P("sensus-studieforbund", OFFER, "competence", "Studiecirklar om hälsa och matlagning",
      "Sensus erbjuder studiecirklar om hälsa, kost och matlagning på lätt svenska, och "
      "cirkelledare som kan hålla samtal om hälsa i stadsdelarnas mötesplatser.",
      (UNGA,), ("Rosengård", "Lindängen")),
    P("miso", OFFER, "partner", "Rörelse och idrott för jämlik hälsa",
      "MISO samordnar idrottsföreningar som vill bidra till jämlik hälsa genom rörelse, motion "
      "och spontanidrott i Malmös stadsdelar, särskilt för barn och unga som rör sig för lite.",
      (UNGA, FRITID), ()),
    # Premises
    P("foreningen-zig-zag", NEED, "premises", "Lokal för dans och repetitioner på kvällar",
      "Föreningen Zig Zag söker en lokal med trägolv där unga kan ha dansträning och "
      "repetitioner två kvällar i veckan.", (FRITID,), ("Möllevången", "Seved")),
    P("fritidsforvaltningen", OFFER, "premises", "Lediga kvällstider i fritidsgårdarnas salar",
      "Fritidsförvaltningen lånar ut salar med trägolv på fritidsgårdar till föreningar för dans, "
      "träning och repetitioner på kvällar och helger.", (FRITID, STADSLIV), ("Möllevången",)),
    P("serviceforvaltningen", OFFER, "premises", "Möteslokaler i stadens hus att boka",
      "Serviceförvaltningen har möteslokaler och samlingssalar som föreningar kan boka för möten, "
      "årsmöten och kurser.", (STADSLIV,), ("Centrum",)),
    P("ostervarns-hyresgastforening", NEED, "premises", "Plats för odling nära husen",
      "Hyresgästföreningen vill starta stadsodling med pallkragar och behöver mark nära husen i "
      "Östervärn.", (STADSLIV,), ("Östervärn",)),
    P("fastighets-och-gatukontoret", OFFER, "premises", "Ytor för stadsodling i parker",
      "Fastighets- och gatukontoret upplåter ytor i parker för odling i pallkragar till boende "
      "och föreningar.", (STADSLIV,), ("Östervärn", "Kirseberg")),
    P("adalens-scoutkar", NEED, "premises", "Förråd för tält och lägerutrustning",
      "Scoutkåren saknar ett förråd för tält och utrustning till lägren.", (), ("Klagshamn",)),
    # Volunteers
    P("grundskoleforvaltningen", NEED, "volunteers", "Läxhjälp för elever på mellanstadiet",
      "Skolorna i Herrgården och Rosengård söker volontärer som ger läxhjälp i matematik och "
      "svenska efter skoltid.", (UNGA,), ("Herrgården", "Rosengård")),
    P("alvans-laxhjalpsforening", OFFER, "volunteers",
      "Volontärer ger läxhjälp i matte och svenska",
      "Våra volontärer ger läxhjälp i matematik och svenska till elever på eftermiddagar.",
      (UNGA,), ("Seved", "Rosengård")),
    P("tillsammans-i-forening", OFFER, "volunteers", "Läxhjälp och fritid i Herrgården",
      "Tillsammans i Förening ordnar läxhjälp, idrott och kultur för barn i Herrgården.",
      (UNGA, FRITID), ("Herrgården",)),
    P("stadskontoret", NEED, "volunteers", "Nattvandrare till helgkvällar",
      "Vi söker vuxna som nattvandrar fredag och lördag kväll för ungas trygghet i Sofielund.",
      (DELAKTIGHET,), ("Sofielund",)),
    P("ystadvagens-grannforening", OFFER, "volunteers", "Grannar som nattvandrar",
      "Grannföreningen samlar vuxna som går nattvandring på helgerna och skapar trygghet.",
      (DELAKTIGHET,), ("Sofielund",)),
    P("halsa-vard-och-omsorgsforvaltningen", NEED, "volunteers", "Besöksvänner till äldreboenden",
      "Äldreboendena vill att boende får fler besök och samtal för att bryta ensamheten.",
      (), ("Husie",)),
    P("ortagardens-seniorforening", OFFER, "volunteers", "Besöksvänner och promenadsällskap",
      "Seniorföreningens medlemmar besöker ensamma äldre för samtal, fika och promenader.",
      (), ("Husie",)),
    # Competence
    P("kc-kompetenscenter", OFFER, "competence", "Jobbcoachning och praktik för unga vuxna",
      "KC Kompetenscenter erbjuder coachning, utbildning och praktik för unga vuxna på väg till "
      "arbete och studier.", (ARBETE,), ("Rosengård", "Centrum")),
    P("arbetsmarknads-och-socialforvaltningen", NEED, "partner",
      "Partner för vägar till arbete för unga vuxna",
      "Vi söker en idéburen partner som kan ge unga vuxna coachning, praktik och stöd på vägen "
      "till arbete.", (ARBETE,), ("Rosengård",)),
    P("nyforetagarcentrum-oresund", OFFER, "competence", "Rådgivning för nya företagare",
      "Kostnadsfri rådgivning för den som vill starta företag: affärsplan, ekonomi och tillstånd.",
      (ARBETE,), ()),
    P("malmo-ideella", OFFER, "competence", "Stöd i att söka bidrag och skriva ansökningar",
      "Malmö ideella ger föreningar handledning i att söka bidrag och skriva projektansökningar "
      "till fonder och stiftelser.", (DELAKTIGHET,), ()),
    P("rosengards-idrottsforening", NEED, "funding", "Finansiering av sommarläger för unga",
      "Vi planerar ett idrottsläger på sommarlovet för unga i Rosengård men saknar pengar till "
      "resor och boende.", (FRITID, UNGA), ("Rosengård",)),
    P("fritidsforvaltningen", OFFER, "funding", "Bidrag till lovaktiviteter för barn och unga",
      "Fritidsförvaltningen ger bidrag till föreningar som ordnar läger och lovaktiviteter för "
      "barn och unga på sommarlovet.", (FRITID,), ()),
    P("kulturforvaltningen", NEED, "partner", "Kultur för barn i stadsdelarna",
      "Kulturskolan söker föreningar som vill ordna musik, teater och dans för barn på "
      "fritidsgårdar i Holma och Kroksbäck.", (FRITID,), ("Holma", "Kroksbäck")),
    P("oresunds-kulturforening", OFFER, "partner", "Teater- och musikworkshoppar för barn",
      "Vi håller workshoppar i teater och musik för barn och unga i stadsdelarna.",
      (FRITID,), ("Västra Hamnen", "Kroksbäck")),
    P("miljoforvaltningen", NEED, "partner", "Klimatsmart vardag i bostadsområden",
      "Miljöförvaltningen söker föreningar som vill coacha hushåll i klimatsmart vardag: "
      "återbruk, energi och mat.", (STADSLIV,), ()),
    P("akerns-tradgardsforening", OFFER, "competence", "Kunskap om odling och kompost",
      "Trädgårdsföreningens odlare lär barn och vuxna om odling, kompost och pollinerare.",
      (STADSLIV,), ("Oxie",)),
    P("funktionsstodsforvaltningen", NEED, "partner", "Idrott för barn med funktionsnedsättning",
      "Vi söker idrottsföreningar som vill öppna träningar för barn med funktionsnedsättning.",
      (FRITID,), ()),
    P("idrottsforeningen-kroksback", OFFER, "volunteers", "Ledare för anpassad träning",
      "Våra ledare håller anpassad idrott och träning för barn med funktionsnedsättning.",
      (FRITID,), ("Kroksbäck",)),
    P("radda-barnen-malmo", NEED, "competence", "Kunskap om ungas psykiska hälsa",
      "Våra volontärer behöver kunskap om psykisk ohälsa, oro och stress hos barn och unga.",
      (UNGA,), ("Herrgården",)),
    P("malmo-universitet", OFFER, "competence", "Föreläsningar om ungas psykiska hälsa",
      "Forskare håller föreläsningar om barns och ungas psykiska hälsa för föreningar och "
      "personal.", (UNGA,), ()),
    P("gymnasie-och-vuxenutbildningsforvaltningen", NEED, "volunteers",
      "Samtalspartner för elever på sfi",
      "Sfi-elever vill öva svenska i samtal med svensktalande frivilliga.", (ARBETE,), ()),
    P("nobel-21", OFFER, "volunteers", "Språkcafé med frivilliga",
      "Vi driver språkcafé där nyanlända övar svenska i samtal med frivilliga.",
      (DELAKTIGHET,), ("Sofielund",)),
    P("idrottsforeningen-hermodsdal", NEED, "premises", "Halltider för basket på vardagar",
      "Föreningen behöver tider i en idrottshall för basketträning på vardagskvällar.",
      (FRITID,), ("Hermodsdal",)),
    P("angens-bollklubb", NEED, "volunteers", "Tränare till nytt flicklag i fotboll",
      "Vårt nya flicklag behöver ledare och tränare i fotboll.", (FRITID,), ("Bunkeflo",)),
    P("artholmens-koloniforening", OFFER, "premises", "Odlingslotter att låna ut",
      "Koloniföreningen har lediga odlingslotter som skolor och föreningar kan låna.",
      (STADSLIV,), ("Hermodsdal",)),
    P("foreningen-kraftsamling-herrgarden", NEED, "competence", "Ledarutbildning för unga ledare",
      "Unga i Herrgården vill ta ansvar som ledare och behöver en ledarutbildning.",
      (UNGA, DELAKTIGHET), ("Herrgården",)),
    P("stadsbyggnadskontoret", NEED, "partner", "Trygghetsvandringar med boende",
      "Vi vill göra trygghetsvandringar med boende för att hitta otrygga platser i stadsdelen.",
      (DELAKTIGHET, STADSLIV), ("Seved", "Sofielund")),
    P("malmoakademien", OFFER, "competence", "Workshoppar om demokrati och inflytande",
      "Vi håller workshoppar för unga om demokrati, inflytande och hur man påverkar beslut.",
      (DELAKTIGHET,), ()),
]

# (need title, offer title, status): matches the demo shows as already taken up.
MATCHES = [
    ("Nattvandrare till helgkvällar", "Grannar som nattvandrar", Match.Status.ACCEPTED),
    ("Läxhjälp för elever på mellanstadiet", "Volontärer ger läxhjälp i matte och svenska",
     Match.Status.NEED_ACCEPTED),
]
# fmt: on


def _tally(created: int, existing: int) -> dict:
    return {"created": created, "existing": existing}


def _months(n: int) -> datetime.date:
    today = timezone.localdate()
    return today + datetime.timedelta(days=round(30.5 * n))


def load() -> dict:
    agreement = Agreement.objects.filter(slug=AGREEMENT_SLUG).first()
    if agreement is None:
        return {"postings": _tally(0, 0), "matches": _tally(0, 0)}
    organisations = {
        o.slug: o for o in Organisation.objects.filter(slug__in={p.organisation for p in POSTINGS})
    }
    areas = {a.slug: a for a in PriorityArea.objects.filter(agreement=agreement)}
    districts = {d.name: d for d in District.objects.all()}
    existing = {
        (p.organisation_id, p.title): p
        for p in Posting.objects.filter(agreement=agreement, title__in={p.title for p in POSTINGS})
    }
    created = found = 0
    by_title: dict[str, Posting] = {}
    posted_at: dict[int, datetime.datetime] = {}
    for n, spec in enumerate(POSTINGS):
        organisation = organisations.get(spec.organisation)
        if organisation is None:
            continue
        posting = existing.get((organisation.pk, spec.title))
        if posting is not None:
            found += 1
        else:
            posting = services.create_posting(
                agreement=agreement,
                organisation=organisation,
                direction=spec.direction,
                kind=spec.kind,
                title=spec.title,
                text=spec.text,
                areas=[areas[s] for s in spec.areas if s in areas],
                districts=[districts[n] for n in spec.districts if n in districts],
                valid_until=_months(spec.months) if spec.months else None,
                by=SYSTEM,
                is_demo=True,
            )
            created += 1
            posted_at[posting.pk] = _posted_at(n)
        by_title[spec.title] = posting
    # created_at is set on insert (auto_now_add): date each new posting back afterwards, so the
    # lists' "newest" and "oldest first" orders mean something.
    for pk, when in posted_at.items():
        Posting.objects.filter(pk=pk).update(created_at=when, updated_at=when)
    return {"postings": _tally(created, found), "matches": _load_matches(by_title)}


def _posted_at(n: int) -> datetime.datetime:
    """When the n-th demo posting was posted: a different day for each, from two days to
    about six months before the load (37 and 170 share no factor, so no two days coincide)."""
    days_ago = 2 + (n * 37) % 170
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(8 + n % 9, 15)))


def _load_matches(by_title: dict[str, Posting]) -> dict:
    created = found = 0
    now = timezone.now()
    for need_title, offer_title, status in MATCHES:
        need, offer = by_title.get(need_title), by_title.get(offer_title)
        if need is None or offer is None:
            continue
        if Match.objects.filter(need=need, offer=offer).exists():
            found += 1
            continue
        accepted = status == Match.Status.ACCEPTED
        Match.objects.create(
            need=need,
            offer=offer,
            status=status,
            need_accepted_at=now,
            offer_accepted_at=now if accepted else None,
            is_demo=True,
        )
        created += 1
    return _tally(created, found)
