"""The Malmöandan demo annual reports and the figures of outside channels.

- The figures the 2022 report (seed 001) quotes for channels outside the platform: LinkedIn
  "drygt 600 följare", Instagram and Facebook "cirka 1000 följare". The seeds give no figures
  for other years, so there are none.
- The 2022 report, compiled from the demo data, with short texts that paraphrase the 2022
  report's narrative, approved by the steering group on 21 March 2023 and published on 28 March
  2023 (the seed is dated 23 March 2023): a historical record keeps its historical dates.
- Last year's report (the year before the day of loading) as a draft, compiled from the data:
  the report the coordinators work on now.

Written through the services as `SYSTEM` (the platform itself). Idempotent: channel figures
are found by agreement, year, channel and measure, reports by agreement and year; what is there
already is left as it is.
"""

import datetime

from django.utils import timezone

from samverkan.agreements.models import Agreement
from samverkan.core.permissions import SYSTEM
from samverkan.reports import services
from samverkan.reports.models import AnnualReport, ChannelFigure
from samverkan.reports.selectors import compile_report

AGREEMENT_SLUG = "malmoandan"


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


# When the 2022 report was made: begun in January, the data read in March, approved by the
# steering group on 21 March 2023 and published a week later.
HISTORY_2022 = {
    "created_at": _at(datetime.date(2023, 1, 16), 9),
    "data_read_at": _at(datetime.date(2023, 3, 14), 10),
    "approved_at": _at(datetime.date(2023, 3, 21), 15),
    "published_at": _at(datetime.date(2023, 3, 28), 9),
}

CHANNEL_FIGURES = [
    (2022, "LinkedIn", "Följare", 600, "Drygt 600 följare enligt årsrapporten 2022."),
    (
        2022,
        "Instagram och Facebook",
        "Följare",
        1000,
        "Cirka 1000 följare enligt årsrapporten 2022.",
    ),
]

TEXTS_2022 = {
    "steering_group": (
        "En styrgrupp med representanter från idéburen sektor och kommunen styr Malmöandan. "
        "Kommunstyrelsens arbetsutskott utser stadens representanter. Samordnarna är "
        "adjungerade och återrapporterar fortlöpande till styrgruppen.\n\n"
        "Styrgruppen tar in förslag till nya fokusområden och väljer varje år vilket område som "
        "ska prioriteras nästa år."
    ),
    "focus_area": (
        "Styrgruppen beslutar vilket fokusområde Malmöandan tar sig an varje år. De arrangemang "
        "som genomförs under året ska ha koppling till fokusområdet."
    ),
    "dialogue_forum": (
        "Dialogforumet främjar en fortlöpande dialog om förutsättningarna för samverkan kring "
        "gemensamma samhällsutmaningar. Deltagare från staden, idéburen sektor, näringslivet "
        "och akademin bidrog med tankar om ungas situation på arbetsmarknaden och ungas "
        "psykiska och fysiska hälsa."
    ),
    "association_centre": (
        "Samarbetsplanen anger att föreningscentret Nobel 21 ska bli en levande plats där idéer "
        "utvecklas och förverkligas. När pandemirestriktionerna släppte ökade aktiviteterna på "
        "centret."
    ),
    "learning": (
        "För andra året erbjöd Malmöandan tjänstepersoner och företrädare för idéburna "
        "organisationer platser i utbildningen ”Medskapa förändring” hos Malmöakademien, för "
        "den som driver processer med många parter. Kursen omfattade fem träffar, tre online "
        "och två fysiska."
    ),
    "inspiration": (
        "Malmöandan fokuserar på dialog och samråd, och en stor del av arbetet är att erbjuda "
        "tillfällen att mötas över sektorsgränserna. Malmötimmarna handlade om ungdomars väg "
        "till arbetsmarknaden och om att motverka hat och hot på internet. På lärandeluncherna "
        "presenterar någon från kommunen eller en idéburen organisation en aktuell fråga."
    ),
    "communication": (
        "Kommunikationen ska bidra till målen om ökad demokrati, delaktighet och jämlikhet. "
        "Malmöandan följs framför allt på LinkedIn, Instagram och Facebook, och webbplatsen "
        "uppdateras fortlöpande."
    ),
    "collaborations": (
        "Det största enskilda projektet är Malmö Tillsammans, som arbetar för minskad "
        "segregation, ökad sysselsättning och hållbart boende i Persborg, Rosengård och "
        "Östervärn.\n\n"
        "Samordnarna har stöttat och vidareutvecklat två IOP-avtal: Kraftsamling Herrgården och "
        "dialogen om jämlik hälsa på Lindängen."
    ),
    "economy": (
        "Kommunstyrelsen finansierar samordningen av den idéburna sektorn med ett årligt bidrag "
        "om 1 000 000 kronor till och med 2026."
    ),
    "next_focus_area": (
        "Valet bygger på den kraftiga ökningen av övervikt, fetma och stillasittande, inte minst "
        "hos barn och unga. Området blir en röd tråd för alla insatser under 2023."
    ),
}


def _tally() -> dict[str, int]:
    return {"created": 0, "existing": 0}


def _load_channel_figures(agreement, counts) -> None:
    for year, channel, measure, value, note in CHANNEL_FIGURES:
        _figure, created = ChannelFigure.objects.get_or_create(
            agreement=agreement,
            year=year,
            channel=channel,
            measure=measure,
            defaults={"value": value, "note": note},
        )
        counts["channel_figures"]["created" if created else "existing"] += 1


def _load_report(agreement, year: int, texts: dict | None, history: dict | None, counts) -> None:
    """A report of `year`; with `history` (the dates of HISTORY_2022), read as of its
    data_read_at, approved and published on its own dates."""
    if AnnualReport.objects.filter(agreement=agreement, year=year).exists():
        counts["annual_reports"]["existing"] += 1
        return
    report = services.create_report(agreement=agreement, year=year, by=SYSTEM)
    if history:
        # Read the data as the coordinators did then, not as of the day of loading.
        read_at = history["data_read_at"]
        AnnualReport.objects.filter(pk=report.pk).update(
            snapshot=compile_report(agreement, year, now=read_at), data_read_at=read_at
        )
        report.refresh_from_db()
    if texts:
        report = services.save_texts(report=report, texts=texts, by=SYSTEM)
        report = services.save_memo(report=report, memo=services.draft_memo(report), by=SYSTEM)
    if history:
        report = services.approve(report=report, by=SYSTEM)
        services.publish(report=report, by=SYSTEM)
        # The services stamp the moment of loading (auto_now, timezone.now()): a historical
        # record gets its own dates back.
        AnnualReport.objects.filter(pk=report.pk).update(
            created_at=history["created_at"],
            approved_at=history["approved_at"],
            published_at=history["published_at"],
            updated_at=history["published_at"],
        )
    counts["annual_reports"]["created"] += 1


def load() -> dict:
    counts = {"channel_figures": _tally(), "annual_reports": _tally()}
    agreement = Agreement.objects.filter(slug=AGREEMENT_SLUG).first()
    if agreement is None:
        return counts
    _load_channel_figures(agreement, counts)
    _load_report(agreement, 2022, TEXTS_2022, HISTORY_2022, counts)
    last_year = timezone.localdate().year - 1
    if last_year > 2022:
        _load_report(agreement, last_year, None, None, counts)
    return counts
