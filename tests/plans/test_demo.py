"""The plans' demo data: the two Malmöandan plans, the 2019 follow-up, idempotent loads."""

import datetime

import pytest

from samverkan.demo.loader import load_demo
from samverkan.plans import demo
from samverkan.plans.models import ActivityStatusChange, PlanActivity, PlanPeriod, PlanRevision
from samverkan.plans.selectors import follow_up
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def malmoandan(db):
    return factories.AgreementFactory(slug="malmoandan")


def rows() -> tuple[int, int, int, int]:
    return (
        PlanPeriod.objects.count(),
        PlanActivity.objects.count(),
        ActivityStatusChange.objects.count(),
        PlanRevision.objects.count(),
    )


def test_load_creates_both_plans_and_the_revision(malmoandan):
    counts = demo.load()

    plans = {p.slug: p for p in PlanPeriod.objects.all()}
    assert set(plans) == {"samarbetsplan-2018-2022", "samarbetsplan-2021-2026"}
    first = plans["samarbetsplan-2018-2022"]
    assert first.is_demo and first.agreement == malmoandan
    assert first.adopted_on == datetime.date(2018, 6, 13)
    assert first.adopted_by == "Kommunstyrelsen"
    assert plans["samarbetsplan-2021-2026"].first_year == 2021
    assert first.revisions.get().mandate_period == "2019–2022"
    assert counts["plans"] == {"created": 2, "existing": 0}
    assert counts["plan_revisions"] == {"created": 1, "existing": 0}
    assert counts["plan_activities"]["created"] == PlanActivity.objects.count()
    assert counts["plan_status_changes"]["created"] == ActivityStatusChange.objects.count()


def test_the_2018_plan_names_the_activities_of_the_seeds(malmoandan):
    demo.load()
    titles = " ".join(
        PlanActivity.objects.filter(plan__slug="samarbetsplan-2018-2022").values_list(
            "title", flat=True
        )
    ).lower()
    for word in (
        "kartläggning",
        "föreningscenter",
        "kontaktcenter",
        "utbildning",
        "digital portal",
        "extern utvärdering",
        "kommunikationsplan",
        "dialogforum",
        "värdskap",
    ):
        assert word in titles, word


def test_at_the_end_of_2019_every_activity_has_started_and_all_are_delayed(malmoandan):
    demo.load()
    plan = PlanPeriod.objects.get(slug="samarbetsplan-2018-2022")

    result = follow_up(plan, 2019)

    assert result.total == 9
    assert result.summary_parts == [("begun", 9), ("delayed", 9)]
    assert follow_up(plan, 2022).count("done") >= 3


def test_the_2021_plan_has_statuses_up_to_2022(malmoandan):
    demo.load()
    plan = PlanPeriod.objects.get(slug="samarbetsplan-2021-2026")
    result = follow_up(plan, 2022)
    assert result.count("done") >= 3
    assert result.count("started") >= 3
    assert result.count("not_started") >= 1


def test_a_second_load_creates_nothing(malmoandan):
    demo.load()
    before = rows()

    counts = demo.load()

    assert rows() == before
    assert all(tally["created"] == 0 for tally in counts.values())
    assert counts["plans"]["existing"] == 2
    assert counts["plan_revisions"]["existing"] == 1
    assert counts["plan_activities"]["existing"] == before[1]


def test_load_without_the_agreement_does_nothing(db):
    counts = demo.load()
    assert rows() == (0, 0, 0, 0)
    assert all(tally == {"created": 0, "existing": 0} for tally in counts.values())


def test_the_whole_demo_links_responsible_organisations_and_is_idempotent(shared_demo):
    first = shared_demo.counts
    assert first["plans"]["created"] == 2
    linked = PlanActivity.objects.filter(responsible_organisation__isnull=False)
    assert linked.filter(responsible_organisation__slug="malmo-ideella").exists()
    assert linked.filter(responsible_organisation__slug="stadskontoret").exists()

    second = load_demo()

    assert second["plans"] == {"created": 0, "existing": 2}
    assert second["plan_activities"]["created"] == 0
