"""Who may keep the plan: role × action → answer, in the checks, the services and on the pages."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from samverkan.core.exceptions import PermissionDeniedError
from samverkan.plans import permissions, services
from tests import factories
from tests.plans.factories import ActivityFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "member", "representative", "case_officer", "coordinator", "administrator"]
ACTIONS = ["add_activity", "change_status", "record_revision"]
MAY = {"coordinator", "administrator"}

CASES = [
    pytest.param(role, action, role in MAY, id=f"{role}-{action}")
    for role in ROLES
    for action in ACTIONS
]


def person(role):
    if role == "visitor":
        return AnonymousUser()
    if role == "member":
        return factories.UserFactory()
    if role == "representative":
        return factories.representative(factories.OrganisationFactory())
    if role == "case_officer":
        return factories.case_officer()
    if role == "coordinator":
        return factories.coordinator()
    return factories.administrator()


def check(action, user, activity):
    if action == "add_activity":
        return permissions.can_add_activity(user, activity.plan)
    if action == "change_status":
        return permissions.can_change_status(user, activity)
    return permissions.can_record_revision(user, activity.plan)


def url(action, activity):
    plan = activity.plan
    args = [plan.agreement.slug, plan.slug]
    if action == "add_activity":
        return reverse("plans:activity_new", args=args)
    if action == "change_status":
        return reverse("plans:activity_status", args=[*args, activity.pk])
    return reverse("plans:revision_new", args=args)


@pytest.mark.parametrize(("role", "action", "expected"), CASES)
def test_permission_matrix(role, action, expected):
    activity = ActivityFactory()
    allowed, reason = check(action, person(role), activity)
    assert allowed is expected
    assert bool(reason) is not expected


@pytest.mark.parametrize(("role", "action", "expected"), CASES)
def test_pages_follow_the_matrix(client, role, action, expected):
    activity = ActivityFactory()
    user = person(role)
    if user.is_authenticated:
        client.force_login(user)

    response = client.get(url(action, activity))

    if role == "visitor":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == (200 if expected else 403)


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_the_plan(client, role):
    activity = ActivityFactory()
    user = person(role)
    if user.is_authenticated:
        client.force_login(user)
    assert permissions.can_view_plan(user, activity.plan) == (True, "")
    assert client.get(activity.plan.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_the_service_refuses_with_the_reason_of_the_check(role):
    activity = ActivityFactory()
    user = person(role)
    allowed, reason = permissions.can_change_status(user, activity)

    if allowed:
        services.change_activity_status(activity=activity, status="started", by=user)
        activity.refresh_from_db()
        assert activity.status == "started"
    else:
        with pytest.raises(PermissionDeniedError) as refusal:
            services.change_activity_status(activity=activity, status="started", by=user)
        assert str(refusal.value.message) == reason
