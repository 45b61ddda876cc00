"""The plan's pages: status codes, the follow-up's year, the coordinators' forms, 404s."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from samverkan.plans.models import PlanActivity, PlanRevision
from tests import factories
from tests.plans.factories import ActivityFactory, PlanFactory, plan_delayed_in_2019, with_history

pytestmark = pytest.mark.django_db

D = datetime.date


def translated(msgid: str) -> str:
    with translation.override("sv"):
        return gettext(msgid)


def urls(plan) -> dict[str, str]:
    args = [plan.agreement.slug, plan.slug]
    return {
        "list": reverse("plans:list", args=[plan.agreement.slug]),
        "detail": reverse("plans:detail", args=args),
        "follow_up": reverse("plans:follow_up", args=args),
        "activity_new": reverse("plans:activity_new", args=args),
        "revision_new": reverse("plans:revision_new", args=args),
    }


@pytest.fixture
def plan(db):
    return plan_delayed_in_2019(size=4)


def test_public_pages_answer(client, plan):
    for name in ("list", "detail", "follow_up"):
        assert client.get(urls(plan)[name]).status_code == 200, name


def test_the_list_shows_the_agreements_plans_only(client, plan):
    other = PlanFactory()
    response = client.get(urls(plan)["list"])
    assert [p.pk for p in response.context["plans"]] == [plan.pk]
    assert other.title not in response.content.decode()


def test_the_plan_page_groups_activities_by_planned_year(client, plan):
    response = client.get(urls(plan)["detail"])
    groups = response.context["year_groups"]
    assert [g.year for g in groups] == [2018, 2019, 2020]
    assert sum(len(g.activities) for g in groups) == 4
    body = response.content.decode()
    assert 'data-status="done"' in body
    assert reverse("plans:activity_new", args=[plan.agreement.slug, plan.slug]) not in body


def test_the_plan_page_offers_coordinators_the_forms(client, plan, coordinator):
    client.force_login(coordinator)
    body = client.get(urls(plan)["detail"]).content.decode()
    assert urls(plan)["activity_new"] in body
    assert urls(plan)["revision_new"] in body


def test_a_plan_whose_last_year_is_over_says_it_ran_and_has_ended(client, plan):
    response = client.get(urls(plan)["detail"])

    assert response.context["state"] == "ended"
    period = response.content.decode().split('id="plan-period">')[1].split("</dd>")[0]
    assert period == translated("Ran %(first)s–%(last)s; the plan has ended.") % {
        "first": 2018,
        "last": 2022,
    }


def test_a_plan_that_runs_this_year_says_it_runs(client):
    year = timezone.localdate().year
    plan = PlanFactory(first_year=year - 1, last_year=year + 2)

    response = client.get(urls(plan)["detail"])

    assert response.context["state"] == "running"
    assert translated("Status today") in response.content.decode()


def test_status_is_shown_in_words(client, plan):
    with translation.override("sv"):
        label = gettext("Delayed")
    body = client.get(urls(plan)["follow_up"], {"ar": 2019}).content.decode()
    assert label in body


def test_the_follow_up_shows_the_chosen_year(client, plan):
    response = client.get(urls(plan)["follow_up"], {"ar": "2019"})
    result = response.context["follow_up"]
    assert result.year == 2019
    assert result.count("delayed") == 4
    body = response.content.decode()
    assert 'id="status-counts"' in body
    assert 'id="status-bars"' in body
    assert 'width="100%"' in body


def test_the_follow_up_without_a_year_shows_a_year_of_the_plan(client, plan):
    response = client.get(urls(plan)["follow_up"])
    assert response.context["follow_up"].year in range(plan.first_year, plan.last_year + 1)
    assert not response.context["form"].errors


@pytest.mark.parametrize(
    "year", ["abc", "1999", "2023", "2019.5", "", "-1", "99999999999999999999", "2019'--"]
)
def test_a_bad_year_shows_the_default_year_and_the_error(client, plan, year):
    response = client.get(urls(plan)["follow_up"], {"ar": year})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert response.context["follow_up"].year in range(plan.first_year, plan.last_year + 1)


@pytest.mark.parametrize("name", ["list", "detail", "follow_up", "activity_new", "revision_new"])
def test_an_unknown_agreement_answers_404(client, plan, coordinator, name):
    client.force_login(coordinator)
    url = urls(plan)[name].replace(f"/{plan.agreement.slug}/", "/finns-inte/")
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("name", ["detail", "follow_up", "activity_new", "revision_new"])
def test_a_plan_of_another_agreement_answers_404(client, plan, coordinator, name):
    client.force_login(coordinator)
    other = factories.AgreementFactory(is_primary=False)
    url = urls(plan)[name].replace(f"/{plan.agreement.slug}/", f"/{other.slug}/")
    assert client.get(url).status_code == 404


def test_an_activity_of_another_plan_answers_404(client, plan, coordinator):
    client.force_login(coordinator)
    foreign = ActivityFactory()
    for name in ("activity_status", "activity_edit"):
        url = reverse(f"plans:{name}", args=[plan.agreement.slug, plan.slug, foreign.pk])
        assert client.get(url).status_code == 404


def test_a_coordinator_adds_an_activity(client, coordinator):
    plan = PlanFactory()
    client.force_login(coordinator)

    response = client.post(
        urls(plan)["activity_new"],
        {"title": "Dialogforum", "planned_year": "2019", "responsible": "Samordnarna"},
    )

    assert response.status_code == 302
    activity = PlanActivity.objects.get(plan=plan)
    assert (activity.title, activity.planned_year, activity.status) == (
        "Dialogforum",
        2019,
        "not_started",
    )


def test_an_activity_form_with_errors_is_shown_again(client, coordinator):
    plan = PlanFactory()
    client.force_login(coordinator)

    response = client.post(urls(plan)["activity_new"], {"title": "", "planned_year": "2031"})

    assert response.status_code == 400
    assert set(response.context["form"].errors) >= {"title", "planned_year", "responsible"}
    assert b'id="error-summary"' in response.content
    assert not PlanActivity.objects.exists()


def test_a_coordinator_edits_an_activity(client, coordinator):
    activity = ActivityFactory()
    client.force_login(coordinator)
    url = reverse(
        "plans:activity_edit", args=[activity.plan.agreement.slug, activity.plan.slug, activity.pk]
    )
    response = client.post(
        url, {"title": "Nytt", "planned_year": "2020", "responsible": "Stadskontoret"}
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.planned_year) == ("Nytt", 2020)


def status_url(activity):
    return reverse(
        "plans:activity_status",
        args=[activity.plan.agreement.slug, activity.plan.slug, activity.pk],
    )


def test_a_coordinator_changes_a_status_with_a_past_date_and_note(client, coordinator):
    activity = ActivityFactory()
    client.force_login(coordinator)

    response = client.post(
        status_url(activity),
        {"status": "started", "changed_on": "2019-03-01", "note": "I gång"},
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"#activity-{activity.pk}")
    change = activity.status_changes.get()
    assert (change.status, change.changed_on, change.note) == ("started", D(2019, 3, 1), "I gång")


def test_a_refused_status_change_is_shown_on_the_field(client, coordinator):
    activity = with_history(ActivityFactory(), ("started", D(2019, 3, 1)))
    client.force_login(coordinator)

    same = client.post(status_url(activity), {"status": "started", "changed_on": "2019-04-01"})
    early = client.post(status_url(activity), {"status": "done", "changed_on": "2019-01-01"})

    assert same.status_code == early.status_code == 400
    assert "status" in same.context["form"].errors
    assert "changed_on" in early.context["form"].errors
    assert activity.status_changes.count() == 1


def test_a_coordinator_records_a_revision_and_a_second_is_refused(client, coordinator):
    plan = PlanFactory()
    client.force_login(coordinator)
    data = {"mandate_period": "2019–2022", "revised_on": "2021-06-01", "summary": "Ny plan."}

    first = client.post(urls(plan)["revision_new"], data)
    second = client.post(urls(plan)["revision_new"], {**data, "revised_on": "2022-01-10"})

    assert first.status_code == 302
    assert second.status_code == 400
    assert "mandate_period" in second.context["form"].errors
    assert PlanRevision.objects.filter(plan=plan).count() == 1
    assert client.get(urls(plan)["detail"]).context["revisions"][0].mandate_period == "2019–2022"


def test_a_bad_mandate_period_is_shown_on_the_field(client, coordinator):
    plan = PlanFactory()
    client.force_login(coordinator)
    response = client.post(
        urls(plan)["revision_new"],
        {"mandate_period": "2020–2024", "revised_on": "2021-06-01", "summary": "X"},
    )
    assert response.status_code == 400
    assert "mandate_period" in response.context["form"].errors


def test_the_sitemap_lists_the_plan_pages(client, plan):
    body = client.get("/sitemap.xml").content.decode()
    for name in ("list", "detail", "follow_up"):
        assert urls(plan)[name] in body
