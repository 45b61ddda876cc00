"""The Malmöandan demo plans: the collaboration plan 2018–2022 (seed 004, adopted by the city
board on 13 June 2018, seed 003) and the plan 2021–2026 (adopted by the city board 2021, seed
001), their activities with status histories, and the revision of the mandate period 2019–2022.

The histories follow the seeds: the mapping began in November 2018 after the coordinators were
recruited (seed 003); at the end of 2019 every activity had started and all were delayed (seeds
002 and 000); the digital portal study was reported in February 2020 (seed 002); the 2022 annual
report (seed 001) tells what the 2021 plan did in 2022. Where a seed gives only a year or a
month, the day is the demo's own.

Written through the services as `SYSTEM` (the platform itself). Idempotent: plans are found by slug,
activities by title within their plan and revisions by mandate period; what is already there
is left as it is, and a status history is only written for an activity this load creates.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from samverkan.actors.models import Organisation
from samverkan.agreements.models import Agreement
from samverkan.areas import demo as areas_demo
from samverkan.areas.models import PriorityArea
from samverkan.core.permissions import SYSTEM
from samverkan.plans import services
from samverkan.plans.models import (
    ActivityStatus,
    ActivityStatusChange,
    PlanActivity,
    PlanPeriod,
    PlanRevision,
)

AGREEMENT_SLUG = "malmoandan"
D = datetime.date
STARTED, DELAYED, DONE = ActivityStatus.STARTED, ActivityStatus.DELAYED, ActivityStatus.DONE

COORDINATORS = "Samordnarna (stadskontoret och Malmö ideella)"
CITY_OFFICE = "Stadskontoret"


@dataclass(frozen=True)
class DemoActivity:
    title: str
    planned_year: int
    responsible: str
    description: str = ""
    organisation: str = ""  # slug of the responsible organisation, when the demo has it
    area: str = ""  # start of a priority area's title, when the areas demo has it
    history: tuple[tuple[ActivityStatus, datetime.date, str], ...] = ()


@dataclass(frozen=True)
class DemoPlan:
    slug: str
    title: str
    first_year: int
    last_year: int
    adopted_on: datetime.date | None
    adopted_by: str
    summary: str
    activities: list[DemoActivity] = field(default_factory=list)


DELAYED_2019 = "Arbetet är försenat i förhållande till tidsplanen (årsrapport 2019)."

PLAN_2018 = DemoPlan(
    slug="samarbetsplan-2018-2022",
    title="Samarbetsplan 2018–2022",
    first_year=2018,
    last_year=2022,
    adopted_on=D(2018, 6, 13),
    adopted_by="Kommunstyrelsen",
    summary=(
        "Samarbetsplanen för Överenskommelse Malmöandan: fem prioriterade samhällsutmaningar "
        "med värdskap, bättre relationer och kontaktcenter, ett föreningscenter, lärande och "
        "kunskap, en digital portal för samverkan, samordning och en gemensam kommunikationsplan. "
        "Kommunstyrelsen antog planen den 13 juni 2018 (STK-2017-1039). Den ska revideras eller "
        "aktualiseras en gång per mandatperiod."
    ),
    activities=[
        DemoActivity(
            "Kartläggning av befintliga samarbeten mellan Malmö stad och idéburen sektor",
            2018,
            COORDINATORS,
            "En nulägesbild av samverkan: en sammanfattning och en fördjupad kartläggning. "
            "Även andra forum för dialog och samverkan ska kartläggas och beskrivas.",
            organisation="stadskontoret",
            history=(
                (STARTED, D(2018, 11, 1), "Påbörjad efter rekryteringen av samordnare."),
                (
                    DELAYED,
                    D(2019, 1, 31),
                    "Delar av 2018 års aktiviteter överförs till 2019 (årsrapport 2018).",
                ),
                (DONE, D(2020, 6, 30), "Kartläggningen av forum för dialog är sammanställd."),
            ),
        ),
        DemoActivity(
            "Förstudie om ett föreningscenter",
            2019,
            "Stadskontoret och Malmö ideella",
            "Utreda förutsättningarna för ett föreningscenter med gemensamma funktioner för "
            "samverkan och föreningsliv.",
            organisation="malmo-ideella",
            history=(
                (STARTED, D(2019, 2, 15), ""),
                (DELAYED, D(2019, 11, 14), DELAYED_2019),
                (DONE, D(2021, 6, 30), "Föreningscentret Nobel 21 på Nobelvägen 21 är i gång."),
            ),
        ),
        DemoActivity(
            "Kontaktcenter: enklare ingång för föreningar till Malmö stad",
            2019,
            CITY_OFFICE,
            "Enklare vägar för kommunikation mellan parterna, med Malmö stads kontaktcenter "
            "som en viktig funktion.",
            organisation="stadskontoret",
            history=(
                (STARTED, D(2019, 3, 1), ""),
                (DELAYED, D(2019, 11, 14), DELAYED_2019),
            ),
        ),
        DemoActivity(
            "Utbildning i medskapande samverkan, processledarskap och IOP",
            2019,
            COORDINATORS,
            "Kompetenshöjning för värdar, tjänstepersoner och föreningar: medskapande, "
            "processledarskap, dokumentation och idéburet offentligt partnerskap (IOP).",
            organisation="malmo-ideella",
            history=(
                (STARTED, D(2019, 4, 1), "Utbildning för värdar i Malmöandan."),
                (DELAYED, D(2019, 11, 14), DELAYED_2019),
            ),
        ),
        DemoActivity(
            "Utredning om digital portal för samverkan med idéburen sektor",
            2018,
            CITY_OFFICE,
            "Kommunstyrelsens uppdrag i juni 2018: utreda behovet av en gemensam digital "
            "samverkansyta, med en pilot i Lindängen och e-tjänster för en väg in.",
            organisation="stadskontoret",
            history=(
                (STARTED, D(2018, 10, 1), ""),
                (
                    DELAYED,
                    D(2019, 10, 1),
                    "Pilot i Lindängen oktober 2019–juni 2020; en portal väntar på revideringen.",
                ),
                (DONE, D(2020, 2, 12), "Utredningen redovisad för kommunstyrelsen."),
            ),
        ),
        DemoActivity(
            "Extern utvärdering av samarbetsplanen",
            2021,
            CITY_OFFICE,
            "En extern utvärdering, egen utvärdering och jämförelser med andra kommuner.",
            organisation="stadskontoret",
            history=(
                (STARTED, D(2019, 9, 1), "Upplägget diskuteras i arbetsgruppen."),
                (DELAYED, D(2019, 11, 14), DELAYED_2019),
            ),
        ),
        DemoActivity(
            "Gemensam kommunikationsplan",
            2018,
            COORDINATORS,
            "En gemensam kommunikationsplan som stöd för processerna; parterna ansvarar för "
            "den interna kommunikationen i respektive sektor.",
            organisation="malmo-ideella",
            history=(
                (STARTED, D(2018, 11, 15), ""),
                (DELAYED, D(2019, 3, 1), "Överförd till 2019 (årsrapport 2018)."),
            ),
        ),
        DemoActivity(
            "Dialogforum mellan Malmö stad och idéburen sektor",
            2019,
            COORDINATORS,
            "Ett forum för fortlöpande dialog om förutsättningar för samverkan.",
            organisation="malmo-ideella",
            history=(
                (STARTED, D(2019, 5, 1), ""),
                (DELAYED, D(2019, 11, 14), DELAYED_2019),
                (DONE, D(2021, 11, 30), "Dialogforum hålls årligen enligt den nya planen."),
            ),
        ),
        DemoActivity(
            "Värdskap för de fem prioriterade områdena",
            2018,
            COORDINATORS,
            "En värd från en idéburen organisation och en från en förvaltning för vart och ett "
            "av de fem områdena, med avtal om uppdraget.",
            organisation="malmo-ideella",
            history=(
                (STARTED, D(2018, 12, 1), "Samordnarna identifierar intresserade värdar."),
                (
                    DELAYED,
                    D(2019, 11, 14),
                    "Modellen med samhällsutmaningar och värdar behöver justeras (årsrapport "
                    "2019).",
                ),
            ),
        ),
    ],
)

PLAN_2021 = DemoPlan(
    slug="samarbetsplan-2021-2026",
    title="Samarbetsplan 2021–2026",
    first_year=2021,
    last_year=2026,
    adopted_on=None,  # the seeds give only the year
    adopted_by="Kommunstyrelsen (2021)",
    summary=(
        "Den reviderade samarbetsplanen, som kommunstyrelsen antog 2021 och som sträcker sig "
        "till och med 2026. En styrgrupp med tre ledamöter från Malmö stad och fem från "
        "idéburen sektor väljer varje år ett fokusområde som aktiviteterna kretsar kring. "
        "Stadskontoret och paraplyorganisationerna Malmö ideella och MISO delar ansvaret för "
        "genomförandet."
    ),
    activities=[
        DemoActivity(
            "Styrgrupp med tre ledamöter från Malmö stad och fem från idéburen sektor",
            2021,
            "Kommunstyrelsens arbetsutskott och idéburen sektor",
            "Styrgruppen har ansvar för den övergripande styrningen; fyra möten under 2022.",
            organisation="kommunstyrelsen",
            history=(
                (STARTED, D(2021, 9, 1), ""),
                (DONE, D(2021, 12, 15), "Styrgruppen är tillsatt och sammanträder."),
            ),
        ),
        DemoActivity(
            "Årligt fokusområde 2022: ungas trygghet och delaktighet",
            2022,
            "Styrgruppen",
            "Arrangemangen under året ska ha koppling till fokusområdet.",
            area="Delaktighet",
            history=(
                (STARTED, D(2022, 1, 15), ""),
                (DONE, D(2022, 12, 31), "Inför 2023: jämlik hälsa – rörelse och kost."),
            ),
        ),
        DemoActivity(
            "Dialogforum",
            2022,
            COORDINATORS,
            "Ett årligt forum; 2022 deltog cirka 120 personer från Malmö stad, idéburen sektor, "
            "näringslivet och akademien.",
            organisation="malmo-ideella",
            history=(
                (STARTED, D(2022, 3, 1), ""),
                (DONE, D(2022, 11, 10), "Dokumenterat i en rapport."),
            ),
        ),
        DemoActivity(
            "Malmötimmar",
            2022,
            COORDINATORS,
            "Tillfällen att träffas över sektorerna: 2022 om ungdomars väg till "
            "arbetsmarknaden och om att motverka hat och hot.",
            organisation="malmo-ideella",
            history=(
                (STARTED, D(2022, 2, 1), ""),
                (DONE, D(2022, 12, 1), "Två Malmötimmar hölls."),
            ),
        ),
        DemoActivity(
            "Lärandeluncher",
            2022,
            COORDINATORS,
            "Någon från kommunen eller en idéburen organisation presenterar en fråga, "
            "verksamhet eller ett projekt under lunchtid; nio luncher 2022.",
            organisation="stadskontoret",
            history=((STARTED, D(2022, 1, 20), ""),),
        ),
        DemoActivity(
            "Utbildningen Medskapa förändring",
            2021,
            CITY_OFFICE,
            "Malmöakademiens utbildning för dem som driver processer med många parter; fyra "
            "platser genom Malmöandan 2022.",
            organisation="malmoakademien",
            history=((STARTED, D(2021, 9, 1), "Första året."),),
        ),
        DemoActivity(
            "Kommunikation: hemsidan, LinkedIn, Instagram och Facebook",
            2021,
            COORDINATORS,
            "Kommunikationen ska bidra till målen om ökad demokrati, delaktighet och jämlikhet.",
            organisation="malmo-ideella",
            history=((STARTED, D(2021, 6, 1), ""),),
        ),
        DemoActivity(
            "Föreningscentret Nobel 21 som en levande plats",
            2021,
            "Malmö ideella och Malmö stad",
            "Cirka 545 besökare per vecka och 2 850 möten, seminarier och workshops 2022.",
            organisation="nobel-21",
            history=(
                (STARTED, D(2021, 3, 1), ""),
                (DELAYED, D(2021, 4, 1), "Pandemins restriktioner begränsar verksamheten."),
                (STARTED, D(2022, 2, 15), "Restriktionerna släpps och aktiviteterna ökar."),
            ),
        ),
        DemoActivity(
            "Stöd till idéburet offentligt partnerskap (IOP)",
            2022,
            COORDINATORS,
            "Stöd till IOP-avtal: Kraftsamling Herrgården och dialogen om jämlik hälsa på "
            "Lindängen.",
            organisation="stadskontoret",
            history=((STARTED, D(2021, 5, 1), "Kraftsamling Herrgården."),),
        ),
        DemoActivity(
            "Extern utvärdering av samarbetsplanen 2021–2026",
            2025,
            CITY_OFFICE,
            "En extern utvärdering inför nästa samarbetsplan.",
            organisation="stadskontoret",
            history=(
                (STARTED, D(2025, 3, 1), "Utvärderaren är upphandlad."),
                (DONE, D(2025, 11, 28), "Utvärderingen är redovisad för styrgruppen."),
            ),
        ),
    ],
)


def focus_area_activities(plan: DemoPlan, today: datetime.date) -> list[DemoActivity]:
    """One activity per year's focus area after 2022 while the plan runs, up to this year:
    started in January, done at the end of the year once the year is over."""
    activities = []
    for year in range(2023, min(today.year, plan.last_year) + 1):
        title = (
            areas_demo.PROPOSAL_2023_TITLE
            if year == 2023
            else areas_demo.focus_theme(year)["title"]
        )
        history = [(STARTED, D(year, 1, 15), "")]
        if year < today.year:
            history.append((DONE, D(year, 12, 31), "Årets arrangemang är genomförda."))
        activities.append(
            DemoActivity(
                f"Årligt fokusområde {year}: {title}",
                year,
                "Styrgruppen",
                "Arrangemangen under året ska ha koppling till fokusområdet.",
                history=tuple(history),
            )
        )
    return activities


PLANS = [PLAN_2018, PLAN_2021]

REVISION = {
    "plan": PLAN_2018.slug,
    "mandate_period": "2019–2022",
    "revised_on": D(2021, 6, 1),
    "summary": (
        "Samarbetsplanen reviderades i bred samverkan efter att arbetet försenats: modellen "
        "med fem samhällsutmaningar och värdar ersattes av en styrgrupp som årligen väljer ett "
        "fokusområde, med dialogforum, Malmötimmar, lärandeluncher och utbildning. "
        "Kommunstyrelsen antog den nya planen för 2021–2026 under 2021."
    ),
}


def _tally() -> dict[str, int]:
    return {"created": 0, "existing": 0}


def _load_activity(plan: PlanPeriod, spec: DemoActivity, agreement, counts) -> None:
    if PlanActivity.objects.filter(plan=plan, title=spec.title).exists():
        counts["plan_activities"]["existing"] += 1
        return
    organisation = (
        Organisation.objects.filter(slug=spec.organisation).first() if spec.organisation else None
    )
    area = (
        PriorityArea.objects.filter(agreement=agreement, title__istartswith=spec.area)
        .order_by("position", "pk")
        .first()
        if spec.area
        else None
    )
    activity = services.add_activity(
        plan=plan,
        title=spec.title,
        planned_year=spec.planned_year,
        responsible=spec.responsible,
        description=spec.description,
        responsible_organisation=organisation,
        area=area,
        by=SYSTEM,
    )
    counts["plan_activities"]["created"] += 1
    for status, changed_on, note in spec.history:
        if changed_on > timezone.localdate():
            break  # what has not happened yet on the day of loading
        services.change_activity_status(
            activity=activity, status=status, changed_on=changed_on, note=note, by=SYSTEM
        )
        counts["plan_status_changes"]["created"] += 1


def load() -> dict[str, dict[str, int]]:
    """Demo data of this app; called by samverkan.demo.loader.load_demo(). Idempotent."""
    counts = {
        "plans": _tally(),
        "plan_activities": _tally(),
        "plan_status_changes": _tally(),
        "plan_revisions": _tally(),
    }
    agreement = Agreement.objects.filter(slug=AGREEMENT_SLUG).first()
    if agreement is None:
        return counts
    plans = {}
    for spec in PLANS:
        plan = PlanPeriod.objects.filter(agreement=agreement, slug=spec.slug).first()
        if plan is None:
            plan = services.create_plan(
                agreement=agreement,
                slug=spec.slug,
                title=spec.title,
                first_year=spec.first_year,
                last_year=spec.last_year,
                adopted_on=spec.adopted_on,
                adopted_by=spec.adopted_by,
                summary=spec.summary,
                is_demo=True,
                by=SYSTEM,
            )
            counts["plans"]["created"] += 1
        else:
            counts["plans"]["existing"] += 1
            counts["plan_status_changes"]["existing"] += ActivityStatusChange.objects.filter(
                activity__plan=plan
            ).count()
        plans[spec.slug] = plan
        activities = list(spec.activities)
        if spec is PLAN_2021:
            activities += focus_area_activities(spec, timezone.localdate())
        for activity in activities:
            _load_activity(plan, activity, agreement, counts)
    plan = plans[REVISION["plan"]]
    if PlanRevision.objects.filter(plan=plan, mandate_period=REVISION["mandate_period"]).exists():
        counts["plan_revisions"]["existing"] += 1
    else:
        services.record_revision(
            plan=plan,
            mandate_period=REVISION["mandate_period"],
            revised_on=REVISION["revised_on"],
            summary=REVISION["summary"],
            by=SYSTEM,
        )
        counts["plan_revisions"]["created"] += 1
    return counts
