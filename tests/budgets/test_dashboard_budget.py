"""My pages costs the same number of queries for each role however much the person has: measured
with one and with three rounds of registrations, bookings, postings, courses, followed calls,
requests and coordinator queues. The budgets are DASHBOARD in tests/budgets/budgets.py, with the
other pages' (tests/budgets/test_query_budgets.py measures those)."""

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone

from samverkan.events.models import Registration
from samverkan.funding import services as funding
from samverkan.governance.models import Meeting
from samverkan.learning import services as learning
from samverkan.matching.models import Match
from samverkan.plans.models import ActivityStatus
from samverkan.reports import services as reports
from tests import factories
from tests.areas.factories import ProposalFactory
from tests.budgets.budgets import DASHBOARD
from tests.events.factories import EventFactory, RegistrationFactory, soon
from tests.funding.factories import CallFactory
from tests.governance import factories as governance
from tests.learning.factories import course_with_modules
from tests.matching.factories import NEED, OFFER, posting
from tests.partnerships.factories import IopAgreementFactory, iop_collaboration
from tests.plans.factories import ActivityFactory, PlanFactory
from tests.venues.factories import BookingFactory, RoomFactory, VenueFactory, at

pytestmark = pytest.mark.django_db

SIZES = {"small": 1, "large": 3}


def grow(people: dict, world: dict, n: int) -> None:
    """One more of everything each person has or waits for."""
    agreement, club, city = world["agreement"], world["club"], world["city"]
    everyone = list(people.values())
    for person in everyone:
        event = EventFactory(agreement=agreement, starts_at=soon(days=3 + n), capacity=1)
        RegistrationFactory(event=event)
        RegistrationFactory(event=event, user=person, status=Registration.Status.WAITLISTED,
                            queued_at=timezone.now())  # fmt: skip
        RegistrationFactory(event=EventFactory(agreement=agreement), user=person)
        _course, modules = course_with_modules(2, agreement=agreement)
        learning.mark_module_done(module=modules[0], by=person)
        funding.follow_call(call=CallFactory(), by=person)
    factories.RepresentationFactory(user=people["medlem"], status="pending")
    factories.RepresentationFactory(organisation=club, status="pending")
    room = RoomFactory(venue=world["venue"])
    for hour, organisation in ((8, club), (12, city)):
        BookingFactory(room=room, organisation=organisation, starts_at=at(n, hour))
        need = posting(agreement, organisation, NEED, f"Behov {organisation.pk} {n}")
        offer = posting(agreement, factories.OrganisationFactory(), OFFER, f"Erbjudande {n}")
        Match.objects.create(need=need, offer=offer, status=Match.Status.OFFER_ACCEPTED)
    reports.create_report(agreement=agreement, year=2000 + n, by=people["samordnare"])
    Meeting.objects.create(body=world["body"], starts_at=soon(days=-n), status="held")
    ProposalFactory(agreement=agreement)
    ActivityFactory(plan=world["plan"], status=ActivityStatus.DELAYED)
    IopAgreementFactory(collaboration=iop_collaboration(agreement=agreement))


@pytest.fixture(scope="module", params=list(SIZES))
def people(request, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        club = factories.OrganisationFactory()
        city = factories.administration()
        people = {
            "medlem": factories.UserFactory(),
            "ombud": factories.representative(club),
            "tjansteperson": factories.representative(city),
            "samordnare": factories.coordinator(),
            "admin": factories.administrator(),
        }
        year = timezone.localdate().year
        agreement = factories.AgreementFactory(is_primary=True)
        world = {
            "agreement": agreement,
            "club": club,
            "city": city,
            "venue": VenueFactory(agreement=agreement),
            "body": governance.body(agreement=agreement, by=people["samordnare"], fill=False),
            "plan": PlanFactory(agreement=agreement, first_year=year - 1, last_year=year + 1),
        }
        for n in range(1, SIZES[request.param] + 1):
            grow(people, world, n)
        yield people
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.mark.parametrize("role", list(DASHBOARD))
def test_my_pages_is_within_its_query_budget_for_every_role(
    people, django_assert_num_queries, role
):
    client = Client()
    client.force_login(people[role])
    with django_assert_num_queries(DASHBOARD[role]):
        response = client.get("/mina-sidor/")
    assert response.status_code == 200
    # Something of every kind is listed, so the budget covers the blocks that list things.
    assert response.context["blocks"]
    assert all(block["total"] for block in response.context["blocks"] if block["key"] in (
        "registrations", "courses", "calls", "bookings", "postings", "unmatched", "reports",
        "minutes", "proposals", "plan", "iop"))  # fmt: skip
