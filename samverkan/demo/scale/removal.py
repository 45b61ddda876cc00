"""Removing the rows an earlier run generated (`--replace`)."""

from django.contrib.auth import get_user_model

from samverkan.actors.models import (
    Organisation,
)
from samverkan.areas.models import (
    Hosting,
    PriorityArea,
)
from samverkan.demo import bulk
from samverkan.demo.scale.common import PREFIX, analyse_tables
from samverkan.demo.scale.partnerships import recount_term_stats
from samverkan.events.models import (
    Event,
)
from samverkan.funding.models import Funder, FundingCall
from samverkan.governance.models import (
    Body,
    Statement,
)
from samverkan.learning.models import Course, Material
from samverkan.matching.models import Posting
from samverkan.partnerships.models import (
    Collaboration,
    CollaborationParty,
)
from samverkan.plans.models import PlanPeriod
from samverkan.venues.models import Booking, Venue


def generated_exist() -> bool:
    return Organisation.objects.filter(slug__startswith=PREFIX).exists()


def remove_generated() -> dict[str, int]:
    """Delete every generated row (what a previous run made), dependants first, and count the
    matching index's term statistics anew for the agreements whose postings went."""
    analyse_tables()  # a bulk load may not have been analysed yet: plan the deletes on facts
    deleted: dict[str, int] = {}
    generated_orgs = Organisation.objects.filter(slug__startswith=PREFIX)
    postings = Posting.objects.filter(organisation__in=generated_orgs)
    agreements = set(postings.order_by().values_list("agreement_id", flat=True).distinct())
    User = get_user_model()
    generated_users = User.objects.filter(email__startswith=PREFIX)
    steps = [
        ("postings", postings),
        ("collaborations", Collaboration.objects.filter(slug__startswith=PREFIX)),
        ("events", Event.objects.filter(slug__startswith=PREFIX)),
        ("bookings", Booking.objects.filter(room__venue__slug__startswith=PREFIX)),
        ("bookings", Booking.objects.filter(organisation__in=generated_orgs)),
        ("venues", Venue.objects.filter(slug__startswith=PREFIX)),
        ("statements", Statement.objects.filter(by__body__slug__startswith=PREFIX)),
        ("bodies", Body.objects.filter(slug__startswith=PREFIX)),
        ("funding_calls", FundingCall.objects.filter(slug__startswith=PREFIX)),
        ("funders", Funder.objects.filter(slug__startswith=PREFIX)),
        ("materials", Material.objects.filter(slug__startswith=PREFIX)),
        ("courses", Course.objects.filter(slug__startswith=PREFIX)),
        ("plans", PlanPeriod.objects.filter(slug__startswith=PREFIX)),
        ("priority_areas", PriorityArea.objects.filter(slug__startswith=PREFIX)),
        ("hostings", Hosting.objects.filter(organisation__in=generated_orgs)),
        ("parties", CollaborationParty.objects.filter(organisation__in=generated_orgs)),
        ("organisations", generated_orgs),
        ("users", generated_users),
    ]
    for name, queryset in steps:
        deleted[name] = deleted.get(name, 0) + bulk.delete(queryset)
    for agreement_id in agreements:
        recount_term_stats(agreement_id)
    return deleted
