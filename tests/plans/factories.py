import datetime

import factory

from samverkan.core.permissions import SYSTEM
from samverkan.plans import services
from samverkan.plans.models import PlanActivity, PlanPeriod
from tests import factories


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanPeriod

    agreement = factory.SubFactory(factories.AgreementFactory, is_primary=False)
    title = factory.Sequence(lambda n: f"Samarbetsplan {n}")
    slug = factory.Sequence(lambda n: f"samarbetsplan-{n}")
    first_year = 2018
    last_year = 2022
    adopted_on = datetime.date(2018, 6, 13)
    adopted_by = "Kommunstyrelsen"


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanActivity

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Aktivitet {n}")
    planned_year = 2019
    responsible = "Samordnarna"


def with_history(activity, *changes):
    """Record (status, date) changes through the service, as the system."""
    for status, changed_on in changes:
        services.change_activity_status(
            activity=activity, status=status, changed_on=changed_on, by=SYSTEM
        )
    activity.refresh_from_db()
    return activity


def plan_delayed_in_2019(size: int = 9, **plan_kwargs):
    """The seed-002 scenario: every activity started in 2018 or 2019 and delayed by the end of
    2019; from 2020 on, some are done."""
    plan = PlanFactory(**plan_kwargs)
    for n in range(size):
        activity = ActivityFactory(plan=plan, planned_year=2018 + n % 3)
        history = [
            ("started", datetime.date(2018 + n % 2, 10, 1)),
            ("delayed", datetime.date(2019, 11, 14)),
        ]
        if n % 3 == 0:
            history.append(("done", datetime.date(2020, 2, 12)))
        with_history(activity, *history)
    return plan
