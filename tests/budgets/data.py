"""The data set the query budgets are measured on: one agreement with an object behind every
kind of page of the sitemap (`build`), and rounds of `grow`, each adding one more row to every
list and to the children of the objects whose pages are measured (the first of each kind in the
sitemap), and one more registration, booking, course and request to the member. A page whose
number of queries follows the data shows it between 1 round and 3 rounds."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from samverkan.actors.models import Representation
from samverkan.areas.models import HostSide, PhaseChange
from samverkan.events.models import Registration
from samverkan.events.services import events as event_services
from samverkan.events.services.registrations import calendar_token_for
from samverkan.governance.models import Body, Membership
from samverkan.learning import services as learning_services
from samverkan.learning.models import MaterialFile
from samverkan.matching.models import Posting
from samverkan.partnerships.models import CollaborationParty
from samverkan.reports import services as reports
from tests import factories
from tests.areas.factories import (
    FocusAreaFactory,
    HostingFactory,
    PriorityAreaFactory,
    ProposalFactory,
    SupportFactory,
)
from tests.events.factories import EventFactory, RegistrationFactory, SessionFactory, soon
from tests.funding.factories import CallFactory, ExpenseFactory, GrantFactory
from tests.governance import factories as governance
from tests.learning.factories import MaterialFactory, ModuleFactory, course_with_modules
from tests.matching.factories import NEED, OFFER, posting
from tests.partnerships.factories import IopAgreementFactory, iop_collaboration
from tests.plans.factories import ActivityFactory, PlanFactory, plan_delayed_in_2019
from tests.venues.factories import (
    BookingFactory,
    RoomFactory,
    VenueFactory,
    VisitorCountFactory,
    at,
    open_every_day,
)

SLUG = "malmoandan"


@dataclass
class Data:
    """The rows the measured pages are about, and the people who look at them."""

    agreement: object = None
    member: object = None  # a confirmed representative (ombud) of `club`
    coordinator: object = None
    club: object = None
    city: object = None
    districts: list = field(default_factory=list)
    interests: list = field(default_factory=list)
    area: object = None
    proposal: object = None
    body: object = None
    meeting: object = None
    plan: object = None
    event: object = None
    event_with_quota: object = None
    venue: object = None
    room: object = None
    material: object = None
    course: object = None
    modules: list = field(default_factory=list)
    collaboration: object = None
    need: object = None
    booking: object = None
    call: object = None
    rounds: int = 0
    size: str = ""  # set by the test's fixture: "small" or "large"
    sitemap: dict = field(default_factory=dict)  # URL name → the first address of that kind


def last_year(n: int) -> datetime.datetime:
    """A time in June last year: for the figures of a past year."""
    day = datetime.date(timezone.localdate().year - 1, 6, n)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def build(rounds: int = 1) -> Data:
    """Every kind of page of the sitemap has at least one object; then `rounds` of `grow`."""
    data = Data()
    data.agreement = factories.AgreementFactory(slug=SLUG, is_primary=True)
    data.coordinator = factories.coordinator()
    data.districts = [factories.DistrictFactory() for _ in range(2)]
    data.interests = [factories.InterestAreaFactory() for _ in range(2)]
    data.club = factories.OrganisationFactory(
        districts=data.districts, interest_areas=data.interests
    )
    data.city = factories.administration()
    data.member = factories.representative(data.club)

    data.area = PriorityAreaFactory(agreement=data.agreement)
    HostingFactory(area=data.area, organisation=data.club, contact_person=data.member)
    HostingFactory(area=data.area, side=HostSide.CITY, organisation=data.city)
    FocusAreaFactory(agreement=data.agreement)
    data.proposal = ProposalFactory(agreement=data.agreement, proposed_by=data.member)

    data.body = governance.body(agreement=data.agreement, by=data.coordinator, slug="styrgruppen")
    data.meeting = governance.published_meeting(
        data.body, datetime.date(2022, 2, 15), paragraphs=2 * rounds, by=data.coordinator
    )

    data.plan = plan_delayed_in_2019(size=2, agreement=data.agreement)

    data.venue = VenueFactory(agreement=data.agreement)
    open_every_day(data.venue)
    data.room = RoomFactory(venue=data.venue)
    data.booking = BookingFactory(
        room=data.room, organisation=data.club, booked_by=data.member, starts_at=at(1, 7)
    )

    data.event = EventFactory(agreement=data.agreement, organisers=[data.club])
    for person in (data.member, data.coordinator):
        calendar_token_for(person)  # made on the first visit to My registrations
    SessionFactory(event=data.event)
    # An event with a seat quota: its page also reads the quotas and their organisations.
    data.event_with_quota = EventFactory(
        agreement=data.agreement, organisers=[data.club, data.city], capacity=10
    )
    SessionFactory(event=data.event_with_quota)
    event_services.add_quota(
        event=data.event_with_quota, by=data.coordinator, name="Kvot", seats=1, sectors=["city"]
    )

    data.material = MaterialFactory(agreement=data.agreement, authors=[data.club])
    data.course, data.modules = course_with_modules(2, agreement=data.agreement)
    data.modules[0].materials.set([data.material])

    data.collaboration = iop_collaboration(
        agreement=data.agreement, parties=[(data.club, "lead"), (data.city, "partner")]
    )
    IopAgreementFactory(collaboration=data.collaboration)
    data.need = posting(
        data.agreement, data.club, NEED, "Lokal för läxhjälp", "Vi söker en lokal för läxhjälp.",
        areas=[data.area], districts=data.districts,
    )  # fmt: skip
    data.call = CallFactory(agreement=data.agreement, districts=data.districts)

    report = reports.create_report(
        agreement=data.agreement, year=timezone.localdate().year - 1, by=data.coordinator
    )
    reports.approve(report=report, by=data.coordinator)
    reports.publish(report=report, by=data.coordinator)

    grow(data, times=rounds)
    return data


def grow(data: Data, times: int = 1) -> None:
    """One more of everything on every list, and more children of the measured objects; the
    member gets one more registration, booking, course and representation each round."""
    agreement = data.agreement
    for _ in range(times):
        data.rounds += 1
        n = data.rounds
        organisation = factories.OrganisationFactory(
            districts=data.districts, interest_areas=data.interests
        )
        organisation.umbrellas.add(data.club)
        factories.RepresentationFactory(
            user=data.member, organisation=organisation, status=Representation.Status.PENDING
        )
        factories.RepresentationFactory(organisation=data.club, status="pending")
        person = factories.UserFactory()

        area = PriorityAreaFactory(agreement=agreement)
        HostingFactory(area=area, organisation=organisation)
        HostingFactory(
            area=data.area,
            organisation=organisation,
            starts_on=datetime.date(2010 + n, 1, 1),
            ends_on=datetime.date(2010 + n, 12, 31),
        )
        PhaseChange.objects.create(
            area=data.area, phase=n % 5 + 1, changed_on=datetime.date(2020, 1, n), note=f"Steg {n}"
        )
        proposal = ProposalFactory(agreement=agreement, proposed_by=person)
        SupportFactory(proposal=data.proposal, user=person)
        SupportFactory(proposal=proposal, user=data.member)

        governance.member(data.body, role=Membership.Role.ADJOINED, by=data.coordinator)
        governance.published_meeting(
            data.body, datetime.date(2022, 3, n), paragraphs=2, by=data.coordinator
        )

        ActivityFactory(plan=data.plan, responsible_organisation=organisation)
        PlanFactory(agreement=agreement, first_year=2026 + n, last_year=2030 + n)
        governance.body(
            agreement=agreement, by=data.coordinator, fill=False, adjoined=0,
            kind=Body.Kind.WORKING_GROUP, name=f"Arbetsgrupp {n}", slug=f"arbetsgrupp-{n}",
        )  # fmt: skip

        room = RoomFactory(venue=data.venue)
        RoomFactory(venue=VenueFactory(agreement=agreement))
        VisitorCountFactory(venue=data.venue, date=datetime.date(2022, 3, n), visitors=40 + n)
        for target in (data.room, room):
            BookingFactory(room=target, organisation=data.club, starts_at=at(n % 5 + 1, 8 + n))
            BookingFactory(room=target, organisation=organisation, starts_at=last_year(n))

        event = EventFactory(
            agreement=agreement, organisers=[organisation], starts_at=soon(days=3 + n)
        )
        RegistrationFactory(event=event, user=data.member, organisation=data.club)
        RegistrationFactory(event=data.event, organisation=organisation)
        RegistrationFactory(
            event=data.event, status=Registration.Status.WAITLISTED, queued_at=timezone.now()
        )
        SessionFactory(event=data.event, starts_at=soon(days=8 + n))
        EventFactory(agreement=agreement, organisers=[data.club], starts_at=last_year(n))

        material = MaterialFactory(agreement=agreement, authors=[data.club, organisation])
        MaterialFile.objects.create(
            material=data.material,
            file=f"learning/materials/x/{n}.pdf",
            stored_name=f"{n}.pdf",
            original_name=f"guide-{n}.pdf",
            content_type="application/pdf",
            size=100,
        )
        module = ModuleFactory(course=data.course, position=10 + n, materials=[material])
        data.modules.append(module)
        _course, modules = course_with_modules(2, agreement=agreement)
        modules[0].materials.set([data.material, material])
        learning_services.mark_module_done(module=modules[0], by=data.member)
        learning_services.mark_module_done(module=module, by=data.member)

        collaboration = iop_collaboration(
            agreement=agreement, parties=[(organisation, "lead"), (data.club, "partner")]
        )
        collaboration.areas.set([area, data.area])
        CollaborationParty.objects.create(
            collaboration=data.collaboration, organisation=organisation, role="partner"
        )
        IopAgreementFactory(collaboration=collaboration)
        posting(
            agreement, organisation, OFFER, f"Lokal för läxhjälp {n}", "Vi har en lokal.",
            areas=[data.area, area], districts=data.districts,
        )  # fmt: skip
        posting(
            agreement, data.city, NEED, f"Volontärer {n}", "Vi söker volontärer.",
            kind=Posting.Kind.VOLUNTEERS, areas=[area],
        )  # fmt: skip

        CallFactory(agreement=agreement, areas=[area, data.area], districts=data.districts)
        CallFactory(areas=[area])  # a national call
        for year in (2021, 2022):
            GrantFactory(agreement=agreement, year=year)
            ExpenseFactory(
                agreement=agreement,
                spent_on=datetime.date(year, n % 12 + 1, 1),
                amount=Decimal("10.50"),
            )
