"""The plan's writes: status history, refusals, revisions once per mandate period."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType

from samverkan.core.exceptions import ApplicationError, ConflictError, PermissionDeniedError
from samverkan.core.models import AuditEntry
from samverkan.core.permissions import SYSTEM
from samverkan.plans import services
from samverkan.plans.models import ActivityStatusChange, PlanRevision
from tests import factories
from tests.plans.factories import ActivityFactory, PlanFactory, with_history

pytestmark = pytest.mark.django_db

D = datetime.date


def audit_actions(obj) -> list[str]:
    return list(
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        ).values_list("action", flat=True)
    )


def test_create_plan_makes_a_slug_from_the_title_and_logs_it(coordinator):
    agreement = factories.AgreementFactory()

    plan = services.create_plan(
        agreement=agreement,
        title="Samarbetsplan 2018–2022",
        first_year=2018,
        last_year=2022,
        by=coordinator,
    )

    assert plan.slug == "samarbetsplan-2018-2022"
    assert audit_actions(plan) == ["plan.created"]


def test_create_plan_refuses_years_out_of_order(coordinator):
    with pytest.raises(ApplicationError) as exc:
        services.create_plan(
            agreement=factories.AgreementFactory(),
            title="Planen",
            first_year=2022,
            last_year=2018,
            by=coordinator,
        )
    assert exc.value.field == "last_year"


def test_create_plan_refuses_a_second_plan_with_the_same_slug(coordinator):
    plan = PlanFactory(slug="planen")
    with pytest.raises(ConflictError):
        services.create_plan(
            agreement=plan.agreement,
            title="Planen",
            slug="planen",
            first_year=2018,
            last_year=2022,
            by=coordinator,
        )


def test_add_activity_starts_not_started_without_history(coordinator):
    plan = PlanFactory()

    activity = services.add_activity(
        plan=plan,
        title="  Kartläggning  ",
        planned_year=2018,
        responsible="Samordnarna",
        by=coordinator,
    )

    assert activity.title == "Kartläggning"
    assert activity.status == "not_started"
    assert not activity.status_changes.exists()
    assert audit_actions(activity) == ["plan.activity_added"]


def test_add_activity_refuses_a_year_outside_the_plan(coordinator):
    with pytest.raises(ApplicationError) as exc:
        services.add_activity(
            plan=PlanFactory(first_year=2018, last_year=2022),
            title="Utvärdering",
            planned_year=2023,
            responsible="Stadskontoret",
            by=coordinator,
        )
    assert exc.value.code == "year_outside_plan"
    assert exc.value.field == "planned_year"


def test_add_activity_refuses_an_empty_title(coordinator):
    with pytest.raises(ApplicationError) as exc:
        services.add_activity(
            plan=PlanFactory(), title="  ", planned_year=2019, responsible="X", by=coordinator
        )
    assert exc.value.field == "title"


def test_update_activity_changes_fields_but_never_the_status(coordinator):
    activity = ActivityFactory()

    services.update_activity(
        activity=activity, title="Nytt namn", planned_year=2020, by=coordinator
    )
    activity.refresh_from_db()
    assert (activity.title, activity.planned_year) == ("Nytt namn", 2020)
    assert "plan.activity_updated" in audit_actions(activity)
    with pytest.raises(TypeError):
        services.update_activity(activity=activity, status="done", by=coordinator)


def test_status_change_records_history_and_updates_the_current_status(coordinator):
    activity = ActivityFactory()

    change = services.change_activity_status(
        activity=activity,
        status="started",
        changed_on=D(2019, 3, 1),
        note="I gång",
        by=coordinator,
    )
    services.change_activity_status(
        activity=activity, status="delayed", changed_on=D(2019, 11, 14), by=coordinator
    )

    activity.refresh_from_db()
    assert activity.status == "delayed"
    history = list(activity.status_changes.values_list("status", "changed_on", "changed_by"))
    assert history == [
        ("delayed", D(2019, 11, 14), coordinator.pk),
        ("started", D(2019, 3, 1), coordinator.pk),
    ]
    assert change.note == "I gång"
    assert audit_actions(activity).count("plan.activity_status_changed") == 2


def test_a_change_to_the_same_status_is_refused(coordinator):
    activity = with_history(ActivityFactory(), ("started", D(2019, 3, 1)))

    with pytest.raises(ConflictError) as exc:
        services.change_activity_status(
            activity=activity, status="started", changed_on=D(2019, 4, 1), by=coordinator
        )
    assert exc.value.code == "same_status"
    assert activity.status_changes.count() == 1


def test_not_started_to_not_started_is_refused(coordinator):
    with pytest.raises(ConflictError):
        services.change_activity_status(
            activity=ActivityFactory(), status="not_started", changed_on=D(2019, 1, 1), by=SYSTEM
        )


def test_a_date_before_the_last_change_is_refused(coordinator):
    activity = with_history(ActivityFactory(), ("started", D(2019, 3, 1)))

    with pytest.raises(ApplicationError) as exc:
        services.change_activity_status(
            activity=activity, status="delayed", changed_on=D(2019, 2, 28), by=coordinator
        )
    assert exc.value.code == "date_before_last_change"
    assert exc.value.field == "changed_on"
    activity.refresh_from_db()
    assert activity.status == "started"


def test_the_same_date_as_the_last_change_is_allowed(coordinator):
    activity = with_history(ActivityFactory(), ("started", D(2019, 3, 1)))

    services.change_activity_status(
        activity=activity, status="done", changed_on=D(2019, 3, 1), by=coordinator
    )
    activity.refresh_from_db()
    assert activity.status == "done"


def test_a_date_in_the_future_is_refused(coordinator):
    with pytest.raises(ApplicationError) as exc:
        services.change_activity_status(
            activity=ActivityFactory(),
            status="started",
            changed_on=datetime.date.today() + datetime.timedelta(days=2),
            by=coordinator,
        )
    assert exc.value.code == "date_in_future"


def test_an_unknown_status_is_refused(coordinator):
    with pytest.raises(ApplicationError) as exc:
        services.change_activity_status(
            activity=ActivityFactory(), status="cancelled", changed_on=D(2019, 1, 1), by=SYSTEM
        )
    assert exc.value.code == "invalid_status"


def test_a_member_cannot_change_a_status(member):
    with pytest.raises(PermissionDeniedError):
        services.change_activity_status(
            activity=ActivityFactory(), status="started", changed_on=D(2019, 1, 1), by=member
        )
    assert not ActivityStatusChange.objects.exists()


def test_a_revision_is_recorded_once_per_mandate_period(coordinator):
    plan = PlanFactory()

    revision = services.record_revision(
        plan=plan,
        mandate_period="2019-2022",
        revised_on=D(2021, 6, 1),
        summary="Ny styrgrupp.",
        by=coordinator,
    )

    assert revision.mandate_period == "2019–2022"
    assert revision.created_by == coordinator
    assert "plan.revised" in audit_actions(plan)
    with pytest.raises(ConflictError) as exc:
        services.record_revision(
            plan=plan,
            mandate_period="2019–2022",
            revised_on=D(2022, 3, 1),
            summary="Igen.",
            by=coordinator,
        )
    assert exc.value.code == "already_revised"
    assert exc.value.field == "mandate_period"
    assert "2019–2022" in str(exc.value.message)
    assert PlanRevision.objects.count() == 1


def test_another_mandate_period_may_have_its_own_revision(coordinator):
    plan = PlanFactory()
    for period, day in [("2019–2022", D(2021, 6, 1)), ("2023–2026", D(2024, 1, 10))]:
        services.record_revision(
            plan=plan, mandate_period=period, revised_on=day, summary="Ändrad.", by=coordinator
        )
    assert plan.revisions.count() == 2


@pytest.mark.parametrize(
    "period",
    ["2019", "2019–2021", "2019–2023", "2020–2023", "19–22", "abcd–efgh", "", "2019/2022"],
)
def test_a_bad_mandate_period_is_refused(coordinator, period):
    with pytest.raises(ApplicationError) as exc:
        services.record_revision(
            plan=PlanFactory(),
            mandate_period=period,
            revised_on=D(2021, 6, 1),
            summary="Ändrad.",
            by=coordinator,
        )
    assert exc.value.code == "invalid_mandate_period"
    assert exc.value.field == "mandate_period"


def test_a_revision_date_outside_the_mandate_period_is_refused(coordinator):
    with pytest.raises(ApplicationError) as exc:
        services.record_revision(
            plan=PlanFactory(),
            mandate_period="2019–2022",
            revised_on=D(2023, 2, 1),
            summary="Ändrad.",
            by=coordinator,
        )
    assert exc.value.code == "date_outside_mandate_period"


def test_mandate_period_of_a_date_follows_the_elections():
    assert services.mandate_period_of(D(2021, 6, 1)) == "2019–2022"
    assert services.mandate_period_of(D(2018, 12, 31)) == "2015–2018"
    assert services.mandate_period_of(D(2023, 1, 1)) == "2023–2026"


def test_nobody_is_not_the_system():
    """A forgotten `by` is a programming error, not a write that skips the check."""
    with pytest.raises(TypeError):
        services.change_activity_status(activity=ActivityFactory(), status="started", by=None)


def test_the_system_changes_a_status_without_an_author():
    activity = ActivityFactory()

    change = services.change_activity_status(activity=activity, status="started", by=SYSTEM)

    assert change.changed_by is None
    entry = AuditEntry.objects.get(
        action="plan.activity_status_changed", object_id=str(activity.pk)
    )
    assert entry.actor is None
