"""Plans and their activities added or edited in the admin go through the services: the year
and area rules hold and an audit row is written, as on the plan pages; the activities under a
plan are shown there, not edited."""

import pytest
from django.contrib import messages
from django.urls import reverse

from samverkan.core.models import AuditEntry
from samverkan.plans.models import PlanActivity, PlanPeriod
from tests import factories
from tests.plans.factories import ActivityFactory, PlanFactory

pytestmark = pytest.mark.django_db

INLINE = {"activities-TOTAL_FORMS": 0, "activities-INITIAL_FORMS": 0}


@pytest.fixture
def admin_client(client):
    client.force_login(factories.administrator())
    return client


def _activity_form(activity, **changes):
    data = {
        "title": activity.title,
        "description": activity.description,
        "planned_year": activity.planned_year,
        "responsible": activity.responsible,
        "position": activity.position,
    }
    return {**data, **changes}


def test_an_activity_added_in_the_admin_is_added_by_the_service(admin_client):
    plan = PlanFactory()

    response = admin_client.post(
        reverse("admin:plans_planactivity_add"),
        {
            "plan": plan.pk,
            "title": "Dialogmöten",
            "planned_year": 2020,
            "responsible": "Staden",
            "position": 0,
        },
    )

    assert response.status_code == 302
    activity = PlanActivity.objects.get(plan=plan)
    assert AuditEntry.objects.filter(
        action="plan.activity_added", object_id=str(activity.pk)
    ).exists()


def test_an_activity_edited_in_the_admin_is_changed_by_the_service(admin_client):
    activity = ActivityFactory()

    response = admin_client.post(
        reverse("admin:plans_planactivity_change", args=[activity.pk]),
        _activity_form(activity, title="Dialogmöten i alla stadsområden"),
    )

    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Dialogmöten i alla stadsområden"
    entry = AuditEntry.objects.get(action="plan.activity_updated", object_id=str(activity.pk))
    assert set(entry.data) == {"title"}


def test_an_activity_moved_outside_its_plan_in_the_admin_is_refused(admin_client):
    activity = ActivityFactory()

    response = admin_client.post(
        reverse("admin:plans_planactivity_change", args=[activity.pk]),
        _activity_form(activity, title="Senare", planned_year=2030),
        follow=True,
    )

    activity.refresh_from_db()
    assert (activity.title, activity.planned_year) != ("Senare", 2030)
    assert activity.planned_year == 2019
    assert not AuditEntry.objects.filter(action="plan.activity_updated").exists()
    assert [m for m in response.context["messages"] if m.level == messages.ERROR]


def test_the_activities_under_a_plan_are_shown_not_edited(admin_client):
    activity = ActivityFactory()
    plan = activity.plan

    response = admin_client.post(
        reverse("admin:plans_planperiod_change", args=[plan.pk]),
        {
            "title": plan.title,
            "adopted_on": plan.adopted_on,
            "adopted_by": plan.adopted_by,
            "summary": plan.summary,
            "activities-TOTAL_FORMS": 2,
            "activities-INITIAL_FORMS": 1,
            "activities-0-id": activity.pk,
            "activities-0-plan": plan.pk,
            "activities-0-title": "Ändrad i listan",
            "activities-0-planned_year": 2019,
            "activities-0-responsible": "Samordnarna",
            "activities-0-position": 0,
            "activities-1-plan": plan.pk,
            "activities-1-title": "Ny i listan",
            "activities-1-planned_year": 2020,
            "activities-1-responsible": "Staden",
            "activities-1-position": 1,
        },
    )

    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title != "Ändrad i listan"
    assert list(plan.activities.all()) == [activity]


def test_a_plan_added_in_the_admin_is_created_by_the_service(admin_client):
    agreement = factories.AgreementFactory(is_primary=False)

    response = admin_client.post(
        reverse("admin:plans_planperiod_add"),
        {
            "agreement": agreement.pk,
            "title": "Samarbetsplan 2023–2026",
            "slug": "samarbetsplan-2023",
            "first_year": 2023,
            "last_year": 2026,
            **INLINE,
        },
    )

    assert response.status_code == 302
    plan = PlanPeriod.objects.get(agreement=agreement)
    assert AuditEntry.objects.filter(action="plan.created", object_id=str(plan.pk)).exists()


def test_a_plan_renamed_in_the_admin_is_changed_by_the_service(admin_client):
    plan = PlanFactory()

    response = admin_client.post(
        reverse("admin:plans_planperiod_change", args=[plan.pk]),
        {
            "title": "Samarbetsplan för Malmöandan",
            "adopted_on": plan.adopted_on,
            "adopted_by": plan.adopted_by,
            "summary": plan.summary,
            **INLINE,
        },
    )

    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.title == "Samarbetsplan för Malmöandan"
    entry = AuditEntry.objects.get(action="plan.updated", object_id=str(plan.pk))
    assert set(entry.data) == {"title"}
