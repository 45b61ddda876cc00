"""Statuses on a date from the history, and the follow-up at a year's end."""

import datetime

import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext

from samverkan.plans.selectors import follow_up, status_at, summary_parts, summary_text
from tests.plans.factories import ActivityFactory, PlanFactory, plan_delayed_in_2019, with_history

pytestmark = pytest.mark.django_db

D = datetime.date


def statuses(states) -> dict[str, str]:
    return {state.activity.title: state.status for state in states}


def test_status_at_follows_the_history():
    plan = PlanFactory()
    activity = with_history(
        ActivityFactory(plan=plan, title="Kartläggning"),
        ("started", D(2018, 11, 1)),
        ("delayed", D(2019, 1, 31)),
        ("done", D(2020, 6, 30)),
    )
    ActivityFactory(plan=plan, title="Utvärdering")

    assert statuses(status_at(plan, D(2018, 10, 31))) == {
        "Kartläggning": "not_started",
        "Utvärdering": "not_started",
    }
    assert statuses(status_at(plan, D(2018, 11, 1)))["Kartläggning"] == "started"
    assert statuses(status_at(plan, D(2019, 12, 31)))["Kartläggning"] == "delayed"
    assert statuses(status_at(plan, D(2020, 12, 31)))["Kartläggning"] == "done"
    state = next(s for s in status_at(plan, D(2019, 12, 31)) if s.activity == activity)
    assert state.since == D(2019, 1, 31)


def test_two_changes_on_one_day_end_in_the_later_one():
    plan = PlanFactory()
    with_history(
        ActivityFactory(plan=plan, title="A"), ("started", D(2019, 3, 1)), ("done", D(2019, 3, 1))
    )
    assert statuses(status_at(plan, D(2019, 3, 1))) == {"A": "done"}


def test_status_at_ignores_other_plans():
    plan = PlanFactory()
    with_history(ActivityFactory(title="Annan plan"), ("started", D(2019, 1, 1)))
    ActivityFactory(plan=plan, title="Min")
    assert statuses(status_at(plan, D(2020, 1, 1))) == {"Min": "not_started"}


def test_in_2019_every_activity_has_started_and_all_are_delayed():
    plan = plan_delayed_in_2019(size=9)

    result = follow_up(plan, 2019)

    assert result.on == D(2019, 12, 31)
    assert result.total == 9
    assert result.count("delayed") == 9
    assert result.count("not_started") == result.count("started") == result.count("done") == 0
    assert result.summary_parts == [("begun", 9), ("delayed", 9)]
    assert {state.status for state in result.activities} == {"delayed"}


def test_a_later_year_shows_some_activities_done():
    plan = plan_delayed_in_2019(size=9)

    result = follow_up(plan, 2020)

    assert result.count("done") == 3
    assert result.count("delayed") == 6
    assert result.summary_parts == [("begun", 9), ("delayed", 6), ("done", 3)]
    assert len(result.changes_in_year) == 3
    assert {c.status for c in result.changes_in_year} == {"done"}


def test_follow_up_counts_per_planned_year():
    plan = plan_delayed_in_2019(size=9)

    result = follow_up(plan, 2019)

    rows = {row.year: row for row in result.by_planned_year}
    assert sorted(rows) == [2018, 2019, 2020, 2021, 2022]
    assert rows[2018].total == 3
    assert {c.status: c.count for c in rows[2018].counts}["delayed"] == 3
    assert rows[2022].total == 0


def test_follow_up_percentages_add_up():
    plan = plan_delayed_in_2019(size=9)
    result = follow_up(plan, 2020)
    percents = {c.status: c.percent for c in result.counts}
    assert percents == {"not_started": 0, "started": 0, "delayed": 67, "done": 33}


def test_the_summary_reads_all_started_all_delayed_in_swedish_or_english():
    plan = plan_delayed_in_2019(size=9)
    with translation.override("sv"):
        result = follow_up(plan, 2019)
        expected = "; ".join(
            [
                ngettext("The activity has started", "All %(total)d activities started", 9)
                % {"total": 9},
                ngettext("it is delayed", "all %(total)d delayed", 9) % {"total": 9},
            ]
        )
    assert result.summary == expected
    assert "9" in result.summary


def test_summary_parts_for_a_partly_started_plan():
    parts = summary_parts({"not_started": 2, "started": 1, "delayed": 1, "done": 0})
    assert parts == [("begun", 2), ("delayed", 1)]
    with translation.override("sv"):
        text = summary_text(parts, 4)
        expected = (
            ngettext(
                "%(count)d of %(total)d activity started",
                "%(count)d of %(total)d activities started",
                4,
            )
            % {"count": 2, "total": 4}
            + "; "
            + ngettext("%(count)d delayed", "%(count)d delayed", 1) % {"count": 1}
        )
    assert text == expected


def test_the_summary_of_an_empty_plan():
    result = follow_up(PlanFactory(), 2019)
    assert result.summary_parts == [("none", 0)]
    with translation.override("sv"):
        assert summary_text(result.summary_parts, 0) == gettext("The plan has no activities yet.")


def test_follow_up_reads_in_two_queries(django_assert_num_queries):
    plan = plan_delayed_in_2019(size=12)
    with django_assert_num_queries(2):
        follow_up(plan, 2019)
