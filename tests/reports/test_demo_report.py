"""The demo's 2022 report reproduces the figures of the seeds' 2022 report (issue 7, "Done
when"), on the demo loaded once per test process (`shared_demo`)."""

import datetime

import pytest
from django.utils import timezone

from samverkan.agreements.models import Agreement
from samverkan.reports.models import AnnualReport, ReportStatus
from samverkan.reports.selectors import figures_of

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(shared_demo, django_db_blocker):
    """The demo's reports by year, read once for the module."""
    with django_db_blocker.unblock():
        agreement = Agreement.objects.get(slug="malmoandan")
        return {r.year: r for r in AnnualReport.objects.filter(agreement=agreement)}


@pytest.fixture(scope="module")
def report_2022(demo):
    return demo[2022]


@pytest.fixture(scope="module")
def figures(report_2022):
    return figures_of(report_2022.snapshot)


def _section(report, key):
    return next(s for s in report.snapshot["sections"] if s["key"] == key)


def test_demo_has_the_2022_report_published_and_last_years_report_as_a_draft(demo):
    assert demo[2022].status == ReportStatus.PUBLISHED
    assert demo[timezone.localdate().year - 1].status == ReportStatus.DRAFT
    assert demo[2022].texts["dialogue_forum"]


def test_the_2022_report_keeps_the_dates_of_spring_2023(report_2022):
    assert timezone.localdate(report_2022.published_at) == datetime.date(2023, 3, 28)
    assert timezone.localdate(report_2022.approved_at) == datetime.date(2023, 3, 21)
    assert report_2022.created_at.year == report_2022.data_read_at.year == 2023
    assert report_2022.snapshot["read_at"].startswith("2023-03-14")


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("steering_group.members", 8),
        ("steering_group.city_members", 3),
        ("steering_group.civil_members", 5),
        ("steering_group.meetings", 4),
        ("dialogue_forum.participants", 120),
        ("association_centre.visitors_per_week", 545),
        ("association_centre.meetings", 2850),
        ("learning.seats", 4),
        ("inspiration.malmo_hour", 2),
        ("inspiration.learning_lunch", 9),
        ("collaborations.iop", 2),
        ("economy.grants", 1_000_000),
    ],
)
def test_figure_of_the_seed_report(figures, key, expected):
    assert figures[key]["value"] == expected


def test_focus_area_of_2022_is_the_seed_reports(report_2022):
    assert "Ungas trygghet och delaktighet" in _section(report_2022, "focus_area")["summary"]


def test_focus_area_of_2023_is_named_in_the_outlook(report_2022):
    assert "Jämlik hälsa" in _section(report_2022, "next_focus_area")["summary"]


def test_followers_of_outside_channels_are_in_the_communication_section(figures):
    values = {f["label"]: f["value"] for k, f in figures.items() if k.startswith("communication.")}
    assert values["LinkedIn: Följare"] == 600
    assert values["Instagram och Facebook: Följare"] == 1000


def test_malmo_tillsammans_is_an_example_and_both_iop_agreements_are_listed(report_2022):
    tables = {t["key"]: t for t in _section(report_2022, "collaborations")["tables"]}
    assert "Malmö Tillsammans" in [row[0] for row in tables["collaborations.examples"]["rows"]]
    assert {row[0] for row in tables["collaborations.iop"]["rows"]} == {
        "Kraftsamling Herrgården",
        "Jämlik hälsa på Lindängen – hälsodialog om ett IOP",
    }


def test_every_section_of_the_2022_report_is_there_in_order(report_2022):
    from samverkan.reports.snapshot import SECTION_KEYS

    assert [s["key"] for s in report_2022.snapshot["sections"]] == SECTION_KEYS
