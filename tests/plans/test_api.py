"""The plans API: /plans, /plans/{agreement}/{slug}, /plan-activities."""

import datetime

import pytest

from samverkan.core.permissions import SYSTEM
from samverkan.plans import services
from tests.plans.factories import ActivityFactory, PlanFactory, plan_delayed_in_2019

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(db):
    plan = plan_delayed_in_2019(size=4, slug="plan-2018")
    services.record_revision(
        plan=plan,
        mandate_period="2019–2022",
        revised_on=datetime.date(2021, 6, 1),
        summary="Ny plan.",
        by=SYSTEM,
    )
    return plan


def test_plans_are_listed_and_filtered_by_agreement(client, plan):
    other = PlanFactory()

    everything = client.get("/api/v1/plans").json()
    mine = client.get("/api/v1/plans", {"agreement": plan.agreement.slug}).json()

    assert {p["slug"] for p in everything} == {plan.slug, other.slug}
    assert [p["slug"] for p in mine] == [plan.slug]
    assert mine[0]["agreement"] == plan.agreement.slug
    assert mine[0]["activity_count"] == 4
    assert mine[0]["url"] == plan.get_absolute_url()


def test_one_plan_comes_with_its_revisions(client, plan):
    body = client.get(f"/api/v1/plans/{plan.agreement.slug}/{plan.slug}").json()
    assert body["title"] == plan.title
    assert body["revisions"] == [
        {"mandate_period": "2019–2022", "revised_on": "2021-06-01", "summary": "Ny plan."}
    ]


def test_a_plan_of_another_agreement_is_not_found(client, plan):
    other = PlanFactory()
    response = client.get(f"/api/v1/plans/{other.agreement.slug}/{plan.slug}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_activities_come_with_their_status_history(client, plan):
    body = client.get("/api/v1/plan-activities", {"plan": plan.slug}).json()
    assert body["count"] == 4
    item = body["items"][0]
    assert item["agreement"] == plan.agreement.slug
    assert item["plan"] == plan.slug
    assert [h["status"] for h in item["status_history"]] == ["done", "delayed", "started"]
    assert item["status"] == "done"
    assert "changed_by" not in item["status_history"][0]


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({"status": "done"}, 2),
        ({"status": "delayed"}, 2),
        ({"planned_year": 2018}, 2),
        ({"status": "done", "planned_year": 2019}, 0),
    ],
)
def test_activities_are_filtered(client, plan, params, count):
    ActivityFactory()  # another agreement's
    body = client.get(
        "/api/v1/plan-activities", {"agreement": plan.agreement.slug, **params}
    ).json()
    assert body["count"] == count


def test_an_unknown_status_is_an_invalid_request(client, plan):
    response = client.get("/api/v1/plan-activities", {"status": "cancelled"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"


def test_the_activities_are_paginated(client):
    plan = PlanFactory()
    for _ in range(55):
        ActivityFactory(plan=plan)
    first = client.get("/api/v1/plan-activities").json()
    second = client.get("/api/v1/plan-activities", {"page": 2}).json()
    assert first["count"] == 55
    assert len(first["items"]) == 50
    assert len(second["items"]) == 5


def test_the_schema_tags_the_paths_plans(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/plans", "/api/v1/plans/{agreement}/{slug}", "/api/v1/plan-activities"):
        assert schema["paths"][path]["get"]["tags"] == ["plans"]
