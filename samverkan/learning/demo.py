"""The Malmöandan demo method library and courses.

The texts are the demo's own, short and plausible, built on the seeds: the collaboration plan's
method (medskapande, learning by doing, värdskap), its call to gather method material on
collaboration "om möjligt som utbildningsmaterial för e-Learning" (seed 004), the training
"Medskapa förändring" (seed 001), the IOP agreements the coordinators supported and the
Upphandlingsmyndigheten guidance the annual report links to (seed 001, SPEC §4).

Written through the services as `SYSTEM`. Idempotent: materials and courses are
found by slug within the agreement, modules by title within their course and progress by
learner and course; what is already there is left as it is.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from samverkan.actors.models import Organisation
from samverkan.agreements.models import Agreement
from samverkan.core.permissions import SYSTEM
from samverkan.learning import services
from samverkan.learning.models import Course, CourseModule, Enrolment, Material, Topic

AGREEMENT_SLUG = "malmoandan"


@dataclass(frozen=True)
class DemoMaterial:
    slug: str
    title: str
    topic: str
    summary: str
    body: str
    authors: tuple[str, ...] = ()  # organisation slugs
    published: bool = True


@dataclass(frozen=True)
class DemoModule:
    title: str
    minutes: int
    body: str
    materials: tuple[str, ...] = ()  # material slugs


@dataclass(frozen=True)
class DemoCourse:
    slug: str
    title: str
    summary: str
    description: str
    modules: list[DemoModule] = field(default_factory=list)


MATERIALS = [
    DemoMaterial(
        slug="overenskommelse-malmoandan-principer-och-arbetssatt",
        title="Överenskommelse Malmöandan – principer och arbetssätt",
        topic=Topic.OTHER,
        summary=(
            "Vad överenskommelsen mellan Malmö stad och den idéburna sektorn säger, och hur "
            "samarbetsplanen omsätter den i prioriterade områden, värdskap och samordning."
        ),
        body="""<h2>Vision</h2>
<p>Visionen är en mer jämlik, öppen och demokratisk stad. Vi lär av varandra och vill förändra
tillsammans. Överenskommelsen antogs den 14 juni 2017 efter ett arbete som började 2014.</p>
<h2>Principer för samverkan</h2>
<ul>
<li><strong>Medskapande:</strong> de som berörs deltar i att ta fram och genomföra lösningarna.</li>
<li><strong>Förankring i faktiska behov:</strong> det som görs utgår från behov som
deltagarna ser.</li>
<li><strong>Lärande:</strong> vi lär genom att göra, reflekterar och utvärderar.</li>
<li><strong>Gemensamt ansvar:</strong> staden och den idéburna sektorn ansvarar tillsammans
för planen.</li>
</ul>
<h2>Så är arbetet organiserat</h2>
<p>Varje prioriterat område har ett <em>värdskap</em>: en värd från en idéburen organisation och en
från en förvaltning planerar och håller i dialoger och stödjer nya projekt. Två samordnare, en för
kommunen och en för den idéburna sektorn, arrangerar utbildningar, matchar organisationer och
förvaltningar, hjälper till att hitta finansiering och följer upp arbetet.</p>""",
        authors=("stadskontoret", "malmo-ideella", "miso"),
    ),
    DemoMaterial(
        slug="vad-ar-medskapande",
        title="Vad är medskapande?",
        topic=Topic.CO_CREATION,
        summary=(
            "Medskapande betyder att de som berörs är med och skapar lösningarna. En kort "
            "introduktion med exempel från Malmöandans prioriterade områden."
        ),
        body="""<p>Samarbetsplanen säger att arbetet inom de prioriterade områdena ska bygga på
metoder med aktivt deltagande i dialog och utveckling. Deltagarna involveras i både skapandet och
genomförandet av lösningar.</p>
<h2>Tre kännetecken</h2>
<ol>
<li>De som berörs har inflytande från början, inte bara när förslaget redan är klart.</li>
<li>Arbetet utgår från de behov deltagarna själva ser.</li>
<li>Alla parter bidrar med något: kunskap, tid, lokaler eller pengar.</li>
</ol>
<h2>Exempel</h2>
<p>Gäller frågan ungas hälsa och livsstil är det självklart att unga får inflytande och kan bidra
till att ta fram lösningarna. Vid dialogforumet 2022 fick cirka 120 deltagare från kommunen,
idéburen sektor, näringslivet och akademin bidra med idéer om ungas väg till arbete och ungas
psykiska och fysiska hälsa.</p>
<blockquote><p>Med andra ord så lär vi genom att göra.</p></blockquote>""",
        authors=("malmo-ideella", "stadskontoret"),
    ),
    DemoMaterial(
        slug="metodkort-dialogcafe",
        title="Metodkort: dialogcafé över sektorsgränserna",
        topic=Topic.CO_CREATION,
        summary=(
            "Ett dialogcafé låter många människor samtala i små grupper och bygga vidare på "
            "varandras idéer. Så förbereder och leder du ett."
        ),
        body="""<h2>När passar metoden?</h2>
<p>När ni vill samla många perspektiv på en gemensam fråga, till exempel i början av arbetet
med ett nytt fokusområde.</p>
<h2>Så gör du</h2>
<ol>
<li>Formulera två eller tre öppna frågor, till exempel ”Vad gör att unga känner sig trygga i
sitt bostadsområde?”.</li>
<li>Duka bord för fyra till sex personer och blanda deltagare från olika sektorer.</li>
<li>Låt varje samtalsrunda pågå i 20 minuter. En värd stannar vid bordet, övriga byter bord.</li>
<li>Avsluta med att grupperna delar det viktigaste de hört.</li>
</ol>
<table>
<caption>Förslag på tidsplan</caption>
<thead><tr><th scope="col">Moment</th><th scope="col">Tid</th></tr></thead>
<tbody>
<tr><td>Välkomnande och syfte</td><td>10 min</td></tr>
<tr><td>Tre samtalsrundor</td><td>60 min</td></tr>
<tr><td>Gemensam skörd</td><td>20 min</td></tr>
</tbody>
</table>""",
        authors=("sensus-studieforbund",),
    ),
    DemoMaterial(
        slug="att-involvera-unga-pa-riktigt",
        title="Att involvera unga på riktigt",
        topic=Topic.CO_CREATION,
        summary=(
            "Råd från arbetet med fokusområdet ”ungas trygghet och delaktighet” 2022: hur unga "
            "får verkligt inflytande och inte bara blir tillfrågade."
        ),
        body="""<p>Under 2022 kretsade Malmöandans aktiviteter kring ungas trygghet och delaktighet.
Erfarenheterna visar att unga engagerar sig när de ser att deras bidrag gör skillnad.</p>
<h2>Gör så här</h2>
<ul>
<li>Träffa unga där de redan är: i föreningen, på fritidsgården, i idrottshallen.</li>
<li>Ersätt deras tid, till exempel med presentkort eller ett intyg om engagemang.</li>
<li>Berätta efteråt vad som hände med förslagen, även de som inte blev av.</li>
<li>Låt unga vara med och leda, inte bara delta.</li>
</ul>""",
        authors=("radda-barnen-malmo", "miso"),
    ),
    DemoMaterial(
        slug="medborgarbudget-erfarenheter-fran-malmo-tillsammans",
        title="Medborgarbudget – erfarenheter från Malmö Tillsammans",
        topic=Topic.CO_CREATION,
        summary=(
            "Malmö Tillsammans testade medborgarbudget på Sofielund och i Kirseberg 2022. Vad "
            "fungerade, och vad skulle de göra annorlunda?"
        ),
        body="""<p>I en medborgarbudget får invånarna föreslå och rösta om hur en del av en budget
ska användas. Malmö Tillsammans, ett samverkansinitiativ mellan Malmö Ideella, Sensus
studieförbund, NyföretagarCentrum Öresund och Malmö stad, genomförde två tester under 2022.</p>
<h2>Lärdomar</h2>
<ul>
<li>Tydliga ramar för vad pengarna får användas till gav fler genomförbara förslag.</li>
<li>Lokala föreningar var avgörande för att nå dem som sällan deltar.</li>
<li>Röstning både digitalt och på plats ökade deltagandet.</li>
</ul>""",
        authors=("malmo-ideella", "sensus-studieforbund", "nyforetagarcentrum-oresund"),
    ),
    DemoMaterial(
        slug="iop-ideburet-offentligt-partnerskap-i-korthet",
        title="IOP – idéburet offentligt partnerskap i korthet",
        topic=Topic.IOP,
        summary=(
            "Ett IOP är ett avtal om samverkan mellan kommunen och en idéburen organisation "
            "kring ett gemensamt mål. Här är grunderna."
        ),
        body="""<p>Idéburet offentligt partnerskap (IOP) är en samverkansform där en eller flera
idéburna organisationer och det offentliga gemensamt bidrar till att lösa ett
samhällsproblem. IOP är inte reglerat i lag; formen bygger på tillit snarare än på köp.</p>
<h2>Vanliga kännetecken</h2>
<ul>
<li>Ett gemensamt identifierat behov och ett syfte av allmännyttig karaktär.</li>
<li>Initiativet kommer ofta från den idéburna organisationen, som behåller sin självständighet.</li>
<li>Båda parter bidrar, med pengar, personal, lokaler eller annat.</li>
<li>Avtalet gäller under en bestämd tid och följs upp gemensamt.</li>
</ul>
<p>Malmöandans samordnare stöttar förvaltningar och organisationer som vill ta fram ett IOP.</p>""",
        authors=("malmo-ideella", "stadskontoret"),
    ),
    DemoMaterial(
        slug="checklista-haller-vart-iop-juridiskt",
        title="Checklista: håller vårt IOP juridiskt?",
        topic=Topic.IOP,
        summary=(
            "Ett IOP får inte vara en otillåten direktupphandling eller ett otillåtet "
            "statsstöd. Gå igenom punkterna innan avtalet skrivs under."
        ),
        body="""<p>Upphandlingsmyndigheten påpekar att ett IOP måste vara förenligt med
upphandlings- och statsstödsreglerna. Kammarrätten i Göteborg bedömde 2019 (mål 3556-18) att
ett IOP om cirka 18 miljoner kronor per år i själva verket var en upphandling av tjänster.</p>
<h2>Checklista</h2>
<ol>
<li><strong>Utanför upphandlingsreglerna:</strong> kommunen köper inte en tjänst mot ersättning.
Det finns inget ömsesidigt bindande åtagande om motprestation.</li>
<li><strong>Inget otillåtet statsstöd:</strong> stödet ges inte till ekonomisk verksamhet på en
marknad, eller ryms inom reglerna för stöd av mindre betydelse.</li>
<li><strong>Allmänintresse:</strong> insatsen är en angelägenhet för kommunen enligt
kommunallagen.</li>
<li><strong>Gemensamt syfte:</strong> parterna har tillsammans identifierat behovet och målet.</li>
<li><strong>Egen insats:</strong> den idéburna organisationen bidrar själv, till exempel med
ideella krafter, egna medel eller lokaler.</li>
<li><strong>Självständighet:</strong> organisationen bestämmer själv hur verksamheten bedrivs.</li>
<li><strong>Uppföljning:</strong> avtalet beskriver hur parterna följer upp och lär
tillsammans.</li>
</ol>
<p>Är ni osäkra: kontakta stadens jurister innan avtalet skrivs under.</p>""",
        authors=("stadskontoret",),
    ),
    DemoMaterial(
        slug="fran-ide-till-iop-avtal",
        title="Från idé till IOP-avtal: så går det till",
        topic=Topic.IOP,
        summary="Fem steg från ett gemensamt behov till ett undertecknat och uppföljt partnerskap.",
        body="""<ol>
<li><strong>Behov:</strong> beskriv tillsammans det samhällsproblem ni vill lösa.</li>
<li><strong>Dialog:</strong> vilka parter behövs, och vad kan var och en bidra med?</li>
<li><strong>Prövning:</strong> gå igenom checklistan om upphandling och statsstöd.</li>
<li><strong>Avtal:</strong> skriv syfte, åtaganden, bidrag, tid och uppföljning.</li>
<li><strong>Uppföljning:</strong> träffas regelbundet och dokumentera vad ni lär er.</li>
</ol>
<p>Räkna med att processen tar flera månader. Dialogen är en del av resultatet.</p>""",
        authors=("malmo-ideella",),
    ),
    DemoMaterial(
        slug="exempel-kraftsamling-herrgarden",
        title="Exempel: Kraftsamling Herrgården",
        topic=Topic.IOP,
        summary=(
            "Ett IOP sedan 2021 mellan Rädda Barnen, Tillsammans i Förening, Malmö universitet "
            "och tre av stadens förvaltningar."
        ),
        body="""<p>Kraftsamling Herrgården är ett idéburet offentligt partnerskap där Rädda Barnen,
Tillsammans i Förening, Malmö universitet, fritidsförvaltningen, kulturförvaltningen och
stadskontoret samverkar för barn och unga i Herrgården. Malmöandans samordnare har stöttat och
vidareutvecklat avtalet.</p>
<h2>Vad andra kan lära</h2>
<ul>
<li>Många parter kräver en tydlig gemensam målbild och en utsedd samordnare.</li>
<li>Akademin bidrar med uppföljning och forskning om vad som ger effekt.</li>
</ul>""",
        authors=("radda-barnen-malmo", "tillsammans-i-forening", "malmo-universitet"),
    ),
    DemoMaterial(
        slug="processledarens-roll-i-samverkan",
        title="Processledarens roll i samverkan",
        topic=Topic.PROCESS_LEADERSHIP,
        summary=(
            "Den som leder en process med många parter håller i helheten, inte i svaren. Om "
            "rollen, förhållningssätten och de vanligaste fallgroparna."
        ),
        body="""<p>Utbildningen ”Medskapa förändring” vid Malmöakademien stöttar dem som har i
uppdrag att driva processer med många involverade parter och intressenter.</p>
<h2>Processledaren</h2>
<ul>
<li>tydliggör syfte, mandat och ramar innan arbetet börjar,</li>
<li>skapar förutsättningar för att alla röster hörs,</li>
<li>håller ihop tidsplan och dokumentation,</li>
<li>är neutral i sak men tydlig i process.</li>
</ul>
<h2>Fallgropar</h2>
<p>Att blanda ihop rollen som processledare med rollen som beslutsfattare, och att hoppa över
förankringen hos dem som inte var med på mötet.</p>""",
        authors=("malmoakademien",),
    ),
    DemoMaterial(
        slug="planera-och-leda-en-workshop",
        title="Att planera och leda en workshop över sektorsgränser",
        topic=Topic.PROCESS_LEADERSHIP,
        summary=(
            "En mall för en halvdagsworkshop där kommunen och idéburna organisationer tar fram "
            "idéer tillsammans, från inbjudan till sammanställning."
        ),
        body="""<h2>Före</h2>
<ul>
<li>Bestäm vad workshopen ska leda till: idéer, prioriteringar eller beslut?</li>
<li>Bjud in brett och i god tid; tänk på tillgänglighet och tider som passar ideellt aktiva.</li>
</ul>
<h2>Under</h2>
<ol>
<li>Inled med syfte och spelregler.</li>
<li>Växla mellan enskild reflektion, smågrupper och helgrupp.</li>
<li>Avsluta med nästa steg: vem gör vad, och när?</li>
</ol>
<h2>Efter</h2>
<p>Skicka en sammanställning inom en vecka. Nobel 21 på Nobelvägen 21 har lokaler för
workshops som föreningar och förvaltningar kan boka.</p>""",
        authors=("malmoakademien", "nobel-21"),
    ),
    DemoMaterial(
        slug="dokumentera-och-folj-upp-dialoger",
        title="Dokumentera och följ upp dialoger",
        topic=Topic.PROCESS_LEADERSHIP,
        summary=(
            "Dokumentationen gör att det som sades i en dialog leder vidare. Så skriver ni ner, "
            "återkopplar och tar lärdomarna vidare till årsrapporten."
        ),
        body="""<p>Samarbetsplanen lägger vikt vid reflektion, uppföljning och spridning av
resultat. Dialogforumet 2022 dokumenterades i en rapport som bilades årsrapporten.</p>
<ul>
<li>Utse en dokumentatör som inte samtidigt leder samtalet.</li>
<li>Skriv ner förslag med deltagarnas egna ord.</li>
<li>Återkoppla till deltagarna vad som hänt med förslagen.</li>
<li>Samla lärdomar inför nästa års fokusområde.</li>
</ul>""",
        authors=("stadskontoret", "malmo-ideella"),
    ),
    DemoMaterial(
        slug="larandelunch-sa-arrangerar-du-en",
        title="Lärandelunch – så arrangerar du en",
        topic=Topic.OTHER,
        summary=(
            "Under 2022 hölls nio lärandeluncher. Ett enkelt format där någon presenterar en "
            "aktuell fråga, verksamhet eller ett projekt under lunchtid."
        ),
        body="""<p>En lärandelunch är ett kort möte där någon från kommunen eller en idéburen
organisation berättar om en aktuell fråga. Under 2022 handlade luncherna bland annat om
Communities That Care, samhällsentreprenörskap, Klimatkontrakt 2030, lokal valuta och rätten
till idrott.</p>
<ul>
<li>Håll presentationen kort, 20 minuter, och lämna tid för frågor.</li>
<li>Erbjud deltagande både på plats och digitalt.</li>
</ul>""",
        authors=("malmo-ideella", "stadskontoret"),
    ),
    DemoMaterial(
        slug="utkast-utvardering-av-samverkan",
        title="Utkast: Att utvärdera samverkan",
        topic=Topic.OTHER,
        summary=(
            "Ett utkast om egen utvärdering, självvärdering och jämförelser med andra kommuner."
        ),
        body="""<p>Utkast. Samarbetsplanen efterfrågar en extern utvärdering, egen utvärdering,
självvärdering och jämförelser med andra kommuner och organisationer.</p>""",
        authors=("stadskontoret",),
        published=False,
    ),
]

COURSES = [
    DemoCourse(
        slug="medskapa-forandring-grundkurs",
        title="Medskapa förändring – grundkurs",
        summary=(
            "En grundkurs i medskapande processer för tjänstepersoner och företrädare för "
            "idéburna organisationer, byggd på erfarenheterna från utbildningen "
            "”Medskapa förändring”."
        ),
        description="""<p>Kursen är för dig som ska driva processer med många involverade parter och
intressenter. Den har ett praktiskt fokus: varje modul slutar med en uppgift att pröva i ditt eget
arbete.</p>""",
        modules=[
            DemoModule(
                "Varför medskapande?",
                15,
                """<p>Malmöandans samarbetsplan säger att arbetet ska bygga på metoder med aktivt
deltagande. Läs introduktionen och fundera: i vilka av dina pågående uppdrag är de som berörs med
från början?</p>""",
                ("vad-ar-medskapande", "overenskommelse-malmoandan-principer-och-arbetssatt"),
            ),
            DemoModule(
                "Att förstå behoven",
                20,
                """<p>Kartlägg vilka som berörs av frågan, vad de behöver och vad de kan bidra med.
<strong>Uppgift:</strong> gör en lista över parterna i ett av dina projekt och markera vilka som
ännu inte hörts.</p>""",
                ("att-involvera-unga-pa-riktigt",),
            ),
            DemoModule(
                "Att leda processen",
                25,
                """<p>Processledaren håller i helheten, inte i svaren. Läs om rollen och
fallgroparna.</p>""",
                ("processledarens-roll-i-samverkan",),
            ),
            DemoModule(
                "Metoder för dialog och idéutveckling",
                30,
                """<p>Pröva dialogcafé och workshop. <strong>Uppgift:</strong> planera en träff med
hjälp av mallen.</p>""",
                ("metodkort-dialogcafe", "planera-och-leda-en-workshop"),
            ),
            DemoModule(
                "Från idé till handling – och lärande",
                20,
                "<p>Dokumentera, återkoppla och följ upp. Vad tar ni med er till nästa "
                "process?</p>",
                ("dokumentera-och-folj-upp-dialoger",),
            ),
        ],
    ),
    DemoCourse(
        slug="iop-steg-for-steg",
        title="IOP steg för steg",
        summary=(
            "Vad ett idéburet offentligt partnerskap är, när det är rätt form och hur ni tar fram "
            "och följer upp ett avtal som håller."
        ),
        description=(
            "<p>Kursen går igenom IOP från idé till uppföljning, med Kraftsamling "
            "Herrgården som exempel.</p>"
        ),
        modules=[
            DemoModule(
                "Vad är ett IOP?",
                15,
                "<p>Läs grunderna och exemplet från Herrgården.</p>",
                (
                    "iop-ideburet-offentligt-partnerskap-i-korthet",
                    "exempel-kraftsamling-herrgarden",
                ),
            ),
            DemoModule(
                "När är IOP rätt form?",
                25,
                """<p>Ett IOP får inte vara en otillåten direktupphandling eller ett otillåtet
statsstöd. Gå igenom checklistan med ett tänkt partnerskap.</p>""",
                ("checklista-haller-vart-iop-juridiskt",),
            ),
            DemoModule(
                "Att ta fram avtalet tillsammans",
                20,
                "<p>Fem steg från behov till avtal.</p>",
                ("fran-ide-till-iop-avtal",),
            ),
            DemoModule(
                "Uppföljning och lärande",
                15,
                "<p>Hur följer parterna upp partnerskapet, och vad ska synas i årsrapporten?</p>",
                ("dokumentera-och-folj-upp-dialoger",),
            ),
        ],
    ),
]

# Learners' progress: e-mail → {course slug: how many modules (from the first) are done}.
PROGRESS = {
    "tjansteperson@demo.samverkan.se": {
        "medskapa-forandring-grundkurs": 5,
        "iop-steg-for-steg": 1,
    },
    "ombud@demo.samverkan.se": {"iop-steg-for-steg": 4},
    "medlem@demo.samverkan.se": {"medskapa-forandring-grundkurs": 3},
}


def _tally() -> dict[str, int]:
    return {"created": 0, "existing": 0}


def _load_material(agreement, spec: DemoMaterial, counts) -> Material:
    material = Material.objects.filter(agreement=agreement, slug=spec.slug).first()
    if material is not None:
        counts["materials"]["existing"] += 1
        return material
    authors = list(Organisation.objects.filter(slug__in=spec.authors))
    material = services.create_material(
        agreement=agreement,
        title=spec.title,
        topic=spec.topic,
        summary=spec.summary,
        body=spec.body,
        authors=authors,
        is_published=spec.published,
        by=SYSTEM,
        is_demo=True,
    )
    if material.slug != spec.slug:  # the demo's addresses are fixed, whatever slugify makes
        Material.objects.filter(pk=material.pk).update(slug=spec.slug)
        material.slug = spec.slug
    counts["materials"]["created"] += 1
    return material


def _load_course(agreement, spec: DemoCourse, materials: dict, counts) -> Course:
    course = Course.objects.filter(agreement=agreement, slug=spec.slug).first()
    if course is None:
        course = services.create_course(
            agreement=agreement,
            title=spec.title,
            summary=spec.summary,
            description=spec.description,
            is_published=True,
            by=SYSTEM,
            is_demo=True,
        )
        if course.slug != spec.slug:
            Course.objects.filter(pk=course.pk).update(slug=spec.slug)
            course.slug = spec.slug
        counts["courses"]["created"] += 1
    else:
        counts["courses"]["existing"] += 1
    for position, module_spec in enumerate(spec.modules, start=1):
        if CourseModule.objects.filter(course=course, title=module_spec.title).exists():
            counts["course_modules"]["existing"] += 1
            continue
        services.add_module(
            course=course,
            title=module_spec.title,
            body=module_spec.body,
            estimated_minutes=module_spec.minutes,
            materials=[materials[slug] for slug in module_spec.materials if slug in materials],
            position=position,
            by=SYSTEM,
        )
        counts["course_modules"]["created"] += 1
    return course


def _load_progress(courses: dict, counts) -> None:
    users = {u.email: u for u in get_user_model().objects.filter(email__in=list(PROGRESS))}
    for email, done_by_course in PROGRESS.items():
        user = users.get(email)
        if user is None:
            continue
        for slug, done in done_by_course.items():
            course = courses[slug]
            if Enrolment.objects.filter(course=course, user=user).exists():
                counts["course_progress"]["existing"] += 1
                continue
            services.start_course(course=course, by=user, is_demo=True)
            for module in list(course.modules.order_by("position", "pk"))[:done]:
                services.mark_module_done(module=module, by=user)
            counts["course_progress"]["created"] += 1


def load() -> dict:
    counts = {
        "materials": _tally(),
        "courses": _tally(),
        "course_modules": _tally(),
        "course_progress": _tally(),
    }
    agreement = Agreement.objects.filter(slug=AGREEMENT_SLUG).first()
    if agreement is None:
        return counts
    materials = {spec.slug: _load_material(agreement, spec, counts) for spec in MATERIALS}
    courses = {spec.slug: _load_course(agreement, spec, materials, counts) for spec in COURSES}
    _load_progress(courses, counts)
    return counts
