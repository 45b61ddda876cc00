"""A full compiled report in the shape of samverkan/reports/snapshot.py, with the figures of the
seeds' 2022 report: the outputs (charts, PDF, spreadsheet, HTML file) are tested on it without
compiling a report from the database."""

import copy

from samverkan.reports.snapshot import SECTION_KEYS

BASE = "/overenskommelser/malmoandan"


def _figure(key, label, value, unit="st", previous=None, link=None):
    return {
        "key": key,
        "label": label,
        "value": value,
        "unit": unit,
        "previous": previous,
        "link": link,
    }


def _section(key, title, summary, figures=(), tables=(), charts=()):
    return {
        "key": key,
        "title": title,
        "summary": summary,
        "figures": list(figures),
        "tables": list(tables),
        "charts": list(charts),
    }


def _chart(key, title, kind, series, unit="st"):
    alt = f"{title}: " + ", ".join(f"{item['label']} {item['value']} {unit}" for item in series)
    return {
        "key": key,
        "title": title,
        "kind": kind,
        "unit": unit,
        "series": [dict(item) for item in series],
        "alt": alt,
    }


MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
VISITORS_PER_MONTH = [2010, 2150, 2480, 2390, 2560, 1870, 950, 1720, 2640, 2730, 2810, 2030]

SNAPSHOT_2022 = {
    "agreement": {"slug": "malmoandan", "name": "Malmöandan", "municipality": "Malmö"},
    "year": 2022,
    "previous_year": 2021,
    "read_at": "2023-03-16T09:30:00+01:00",
    "sections": [
        _section(
            "steering_group",
            "Styrgruppen",
            "Styrgruppen hade åtta ledamöter, tre från Malmö stad och fem från idéburen sektor, "
            "och höll fyra möten.",
            figures=[
                _figure(
                    "steering_group.members",
                    "Ledamöter med rösträtt",
                    8,
                    previous=8,
                    link=f"{BASE}/organ/styrgruppen/",
                ),
                _figure("steering_group.members_city", "Varav från Malmö stad", 3, previous=3),
                _figure(
                    "steering_group.members_civil", "Varav från idéburen sektor", 5, previous=5
                ),
                _figure(
                    "steering_group.meetings",
                    "Möten",
                    4,
                    previous=3,
                    link=f"{BASE}/organ/styrgruppen/#moten",
                ),
            ],
            tables=[
                {
                    "key": "steering_group.meetings",
                    "caption": "Styrgruppens möten 2022",
                    "columns": ["Datum", "Protokoll"],
                    "rows": [
                        ["2022-02-10", "Justerat"],
                        ["2022-05-12", "Justerat"],
                        ["2022-09-08", "Justerat"],
                        ["2022-11-24", "Justerat"],
                    ],
                }
            ],
        ),
        _section(
            "focus_area",
            "2022 års fokusområde",
            "Styrgruppen valde fokusområdet ”Ungas trygghet och delaktighet” bland tre förslag.",
            figures=[
                _figure(
                    "focus_area.proposals",
                    "Förslag till fokusområde",
                    3,
                    previous=2,
                    link=f"{BASE}/fokusomraden/2022/",
                ),
            ],
            tables=[
                {
                    "key": "focus_area.chosen",
                    "caption": "Årets fokusområde",
                    "columns": ["År", "Fokusområde"],
                    "rows": [[2022, "Ungas trygghet och delaktighet"]],
                }
            ],
        ),
        _section(
            "dialogue_forum",
            "Dialogforum",
            "Cirka 120 personer från fyra sektorer deltog i dialogforumet.",
            figures=[
                _figure(
                    "dialogue_forum.participants",
                    "Deltagare",
                    120,
                    previous=95,
                    link="/kalender/?typ=dialogforum&ar=2022",
                ),
                _figure("dialogue_forum.themes", "Teman", 2, previous=3),
            ],
            tables=[
                {
                    "key": "dialogue_forum.themes",
                    "caption": "Dialogforumets teman",
                    "columns": ["Tema"],
                    "rows": [
                        ["Ungas situation på arbetsmarknaden"],
                        ["Ungas psykiska och fysiska hälsa"],
                    ],
                }
            ],
            charts=[
                _chart(
                    "participants_by_sector",
                    "Deltagare per sektor",
                    "bar",
                    [
                        {"label": "Idéburen sektor", "value": 58},
                        {"label": "Malmö stad", "value": 44},
                        {"label": "Näringslivet", "value": 11},
                        {"label": "Akademin", "value": 7},
                    ],
                )
            ],
        ),
        _section(
            "association_centre",
            "Parternas förutsättningar att samverka",
            "Nobel 21 hade i snitt 545 besökare per vecka och 2 850 möten.",
            figures=[
                _figure(
                    "association_centre.visitors_per_week",
                    "Besökare per vecka (snitt)",
                    545,
                    unit="per vecka",
                    previous=310,
                    link="/lokaler/nobel-21/",
                ),
                _figure(
                    "association_centre.meetings",
                    "Möten, seminarier och träffar",
                    2850,
                    previous=1420,
                    link="/lokaler/nobel-21/",
                ),
                _figure(
                    "association_centre.share_civil",
                    "Andel bokningar av idéburen sektor",
                    71.5,
                    unit="%",
                    previous=None,
                ),
            ],
            tables=[
                {
                    "key": "association_centre.bookings_by_sector",
                    "caption": "Bokningar per sektor",
                    "columns": ["Sektor", "Bokningar"],
                    "rows": [
                        ["Idéburen sektor", 2038],
                        ["Malmö stad", 612],
                        ["Näringslivet", 200],
                    ],
                }
            ],
            charts=[
                _chart(
                    "visitors_per_month",
                    "Besökare på Nobel 21 per månad",
                    "line",
                    [
                        {"label": m, "value": v}
                        for m, v in zip(MONTHS, VISITORS_PER_MONTH, strict=True)
                    ],
                )
            ],
        ),
        _section(
            "learning",
            "Lärande och kunskap",
            "Fyra personer fick en plats i utbildningen ”Medskapa förändring”.",
            figures=[
                _figure(
                    "learning.trainings",
                    "Utbildningar",
                    1,
                    previous=1,
                    link="/larande/?ar=2022",
                ),
                _figure("learning.seats", "Platser genom Malmöandan", 4, previous=4),
                _figure("learning.participants", "Deltagare", 4, previous=3),
            ],
        ),
        _section(
            "inspiration",
            "Inspiration och möten",
            "Två Malmötimmar och nio lärandeluncher hölls.",
            figures=[
                _figure(
                    "inspiration.malmo_hours",
                    "Malmötimmar",
                    2,
                    previous=1,
                    link="/kalender/?typ=malmotimme&ar=2022",
                ),
                _figure(
                    "inspiration.learning_lunches",
                    "Lärandeluncher",
                    9,
                    previous=6,
                    link="/kalender/?typ=lararlunch&ar=2022",
                ),
                _figure("inspiration.participants", "Deltagare", 312, previous=180),
            ],
            tables=[
                {
                    "key": "inspiration.themes",
                    "caption": "Teman för Malmötimmar och lärandeluncher",
                    "columns": ["Datum", "Slag", "Tema"],
                    "rows": [
                        ["2022-03-15", "Malmötimme", "Ungdomars väg till arbetsmarknaden"],
                        ["2022-10-18", "Malmötimme", "Att motverka hat och hot på nätet"],
                        ["2022-04-07", "Lärandelunch", "Communities That Care (CTC)"],
                        ["2022-05-05", "Lärandelunch", "Samhällsentreprenörskap"],
                        ["2022-09-01", "Lärandelunch", "Klimatkontrakt 2030"],
                        ["2022-10-06", "Lärandelunch", "Lokal valuta"],
                        ["2022-11-03", "Lärandelunch", "Rätten till idrott"],
                    ],
                }
            ],
        ),
        _section(
            "communication",
            "Kommunikation",
            "Malmöandan har drygt 600 följare på LinkedIn och cirka 1 000 på Instagram och "
            "Facebook.",
            figures=[
                _figure(
                    "communication.platform_followers",
                    "Följare på plattformen",
                    214,
                    previous=None,
                    link=f"{BASE}/",
                ),
                _figure(
                    "communication.newsletter", "Mottagare av nyhetsbrevet", 1340, previous=1190
                ),
                _figure("communication.linkedin", "LinkedIn: följare", 600, previous=450),
                _figure(
                    "communication.instagram_facebook",
                    "Instagram och Facebook: följare",
                    1000,
                    previous=850,
                ),
            ],
        ),
        _section(
            "collaborations",
            "Exempel på samarbeten",
            "Malmö Tillsammans är det största samarbetet; samordnarna stöttade två IOP-avtal.",
            figures=[
                _figure(
                    "collaborations.active",
                    "Pågående samarbeten",
                    14,
                    previous=11,
                    link="/samarbeten/?ar=2022",
                ),
                _figure(
                    "collaborations.iop",
                    "IOP-avtal som stöttats",
                    2,
                    previous=1,
                    link="/samarbeten/?form=iop&ar=2022",
                ),
            ],
            tables=[
                {
                    "key": "collaborations.examples",
                    "caption": "Exempel på samarbeten",
                    "columns": ["Samarbete", "Form", "Parter"],
                    "rows": [
                        ["Malmö Tillsammans", "Projekt", 6],
                        ["Kraftsamling Herrgården", "IOP", 6],
                        ["Jämlik hälsa på Lindängen", "IOP (dialog)", 4],
                    ],
                }
            ],
            charts=[
                _chart(
                    "collaborations_by_area",
                    "Samarbeten per område",
                    "column",
                    [
                        {"label": "Hållbar stadsutveckling", "value": 5},
                        {"label": "Integration", "value": 4},
                        {"label": "Medskapande mötesplatser", "value": 3},
                        {"label": "Hälsa", "value": 2},
                    ],
                )
            ],
        ),
        _section(
            "economy",
            "Ekonomisk redovisning",
            "Bidraget på 1 000 000 kr användes till samordning, arrangemang och kommunikation.",
            figures=[
                _figure(
                    "economy.grant",
                    "Bidrag från kommunstyrelsen",
                    1_000_000,
                    unit="kr",
                    previous=1_000_000,
                    link=f"{BASE}/budget/2022/",
                ),
                _figure("economy.spent", "Använt", 987_450, unit="kr", previous=1_004_200),
                _figure("economy.balance", "Överskott", 12_550, unit="kr", previous=-4_200),
            ],
            tables=[
                {
                    "key": "economy.by_category",
                    "caption": "Utfall per kategori",
                    "columns": ["Kategori", "Budget (kr)", "Utfall (kr)"],
                    "rows": [
                        ["Samordning (lön)", 780_000, 776_300],
                        ["Arrangemang", 120_000, 118_650],
                        ["Kommunikation", 60_000, 52_500],
                        ["Utbildning", 40_000, 40_000],
                    ],
                }
            ],
            charts=[
                _chart(
                    "budget_by_category",
                    "Utfall per kategori",
                    "bar",
                    [
                        {"label": "Samordning (lön)", "value": 776_300},
                        {"label": "Arrangemang", "value": 118_650},
                        {"label": "Kommunikation", "value": 52_500},
                        {"label": "Utbildning", "value": 40_000},
                    ],
                    unit="kr",
                )
            ],
        ),
        _section(
            "next_focus_area",
            "Inför 2023",
            "Fokusområdet för 2023 är ”Jämlik hälsa – rörelse och kost”.",
            tables=[
                {
                    "key": "next_focus_area.chosen",
                    "caption": "Nästa års fokusområde",
                    "columns": ["År", "Fokusområde"],
                    "rows": [[2023, "Jämlik hälsa – rörelse och kost"]],
                }
            ],
        ),
        _section(
            "plan_follow_up",
            "Uppföljning av samarbetsplanen",
            "Av samarbetsplanens 12 aktiviteter är 7 genomförda och 4 pågår.",
            figures=[
                _figure(
                    "plan_follow_up.done",
                    "Genomförda aktiviteter",
                    7,
                    previous=4,
                    link=f"{BASE}/plan/?status=done",
                ),
                _figure("plan_follow_up.ongoing", "Pågående aktiviteter", 4, previous=6),
                _figure("plan_follow_up.planned", "Ej påbörjade aktiviteter", 1, previous=2),
            ],
            tables=[
                {
                    "key": "plan_follow_up.by_status",
                    "caption": "Aktiviteter per status",
                    "columns": ["Status", "Antal"],
                    "rows": [["Genomförd", 7], ["Pågår", 4], ["Ej påbörjad", 1]],
                }
            ],
        ),
    ],
}

assert [s["key"] for s in SNAPSHOT_2022["sections"]] == SECTION_KEYS

TEXTS_2022 = {
    "steering_group": (
        "En styrgrupp med representanter från idéburen sektor och kommunen ansvarar för "
        "styrningen av Malmöandan.\n\nSamordnarna är adjungerade i styrgruppen."
    ),
    "focus_area": "Styrgruppen beslutade om fokusområdet ”ungas trygghet och delaktighet”.",
    "association_centre": "När restriktionerna kring pandemin släpptes ökade aktiviteterna.",
    "economy": "Kommunstyrelsen finansierar samordningen med 1 000 000 kronor per år.",
}

MEMO_2022 = {
    "summary": (
        "I detta ärende finns en återrapport för 2022 för verksamheten inom Malmöandan.\n\n"
        "Stadskontoret föreslår att kommunstyrelsen godkänner årsrapporten."
    ),
    "proposed_decision": (
        "Kommunstyrelsen godkänner årsrapport för Malmöandan 2022 och lägger den till handlingarna."
    ),
    "decision_basis": "Tjänsteskrivelse\nÅrsrapport Malmöandan 2022",
    "recipients": "Fritidsnämnden\nKulturnämnden\nMalmö Ideella",
    "case": "Enligt överenskommelsen ska det göras en årlig återrapportering.",
    "assessment": "Stadskontorets samlade bedömning är att arbetet skett i enlighet med planen.",
    "signatories": "Per-Erik Ebbeståhl, avdelningschef\nAndreas Norbrant, stadsdirektör",
}


def sample_snapshot() -> dict:
    """A fresh copy: tests may change it."""
    return copy.deepcopy(SNAPSHOT_2022)


def all_figures(snapshot: dict) -> list[dict]:
    return [figure for section in snapshot["sections"] for figure in section["figures"]]


def all_charts(snapshot: dict) -> list[dict]:
    return [chart for section in snapshot["sections"] for chart in section["charts"]]


def stored_report(status: str = "published", *, year: int = 2022, **fields):
    """An AnnualReport of the agreement "malmoandan" (made if missing) holding the sample."""
    from samverkan.agreements.models import Agreement
    from samverkan.reports.export_html import parse_read_at
    from samverkan.reports.models import AnnualReport

    agreement = Agreement.objects.filter(slug="malmoandan").first() or Agreement.objects.create(
        name="Överenskommelse Malmöandan", slug="malmoandan", municipality="Malmö"
    )
    snapshot = sample_snapshot()
    snapshot["year"], snapshot["previous_year"] = year, year - 1
    return AnnualReport.objects.create(
        agreement=agreement,
        year=year,
        status=status,
        snapshot=snapshot,
        data_read_at=parse_read_at(snapshot["read_at"]),
        texts=dict(TEXTS_2022),
        memo=dict(MEMO_2022),
        **fields,
    )
