"""One small data set with an object behind every address of the site, and the people of the
permission matrix: built once per test module (see conftest.py) and rolled back after it.

Organisation A ("own") owns or takes part in everything: its representative is the one who may
change its objects; organisation B's representative ("other") may not.
"""

import datetime
from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.utils import timezone

from samverkan.actors.models import Representation
from samverkan.areas.models import HostSide
from samverkan.core.notify import notify_person
from samverkan.governance.models import AgendaItem
from samverkan.matching.models import Match, Posting
from samverkan.partnerships.models import (
    CONDITION_SLUGS,
    CollaborationParty,
    IopCondition,
    IopDocument,
)
from samverkan.reports.services import create_report
from samverkan.venues.models import BookingSeries
from tests import factories
from tests.areas.factories import HostingFactory, PriorityAreaFactory, ProposalFactory
from tests.events.factories import EventFactory, SessionFactory
from tests.funding.factories import CallFactory, FunderFactory
from tests.governance import factories as governance
from tests.learning.factories import PDF_BYTES, CourseFactory, MaterialFactory, ModuleFactory
from tests.matching.factories import posting
from tests.partnerships.factories import CollaborationFactory, IopAgreementFactory
from tests.plans.factories import ActivityFactory, PlanFactory
from tests.venues.factories import BookingFactory, at, room_open_every_day

AGREEMENT = "malmoandan"

# The roles of the matrix, in the order the tables show them.
ROLES = (
    "anonymous",
    "member",
    "representative",
    "other_representative",
    "case_officer",
    "coordinator",
    "administrator",
)


def build_world() -> SimpleNamespace:
    w = SimpleNamespace()
    w.agreement = factories.AgreementFactory(slug=AGREEMENT, is_primary=True)
    w.own = factories.OrganisationFactory(name="Föreningen Egen", slug="foreningen-egen")
    w.other = factories.OrganisationFactory(name="Föreningen Annan", slug="foreningen-annan")
    w.city = factories.administration(name="Fritidsförvaltningen", slug="fritidsforvaltningen")

    w.users = {
        "anonymous": None,
        "member": factories.UserFactory(),
        "representative": factories.representative(w.own),
        "other_representative": factories.representative(w.other),
        "case_officer": factories.case_officer(),
        "coordinator": factories.coordinator(),
        "administrator": factories.administrator(),
    }
    rep = w.users["representative"]
    coordinator = w.users["coordinator"]

    # actors: a pending request to represent A (decided by A's representatives), and a
    # confirmed representation of someone else that can be ended.
    w.pending = Representation.objects.create(
        user=factories.UserFactory(), organisation=w.own, status=Representation.Status.PENDING
    )
    w.confirmed = factories.RepresentationFactory(organisation=w.own)

    # areas: A hosts the area through its representative; the representative proposed a focus area.
    w.area = PriorityAreaFactory(agreement=w.agreement)
    w.hosting = HostingFactory(
        area=w.area, side=HostSide.CIVIL_SOCIETY, organisation=w.own, contact_person=rep
    )
    w.proposal = ProposalFactory(agreement=w.agreement, proposed_by=rep)

    # governance: a body with members and a meeting whose minutes are not yet adjusted.
    w.body = governance.body(agreement=w.agreement, by=coordinator, city=1, civil=1, adjoined=0)
    w.meeting = governance.meeting(w.body, datetime.date(2022, 2, 15), by=coordinator, present=2)
    w.paragraph = governance.paragraph(w.meeting, by=coordinator)
    AgendaItem.objects.create(meeting=w.meeting, position=1, title="Årsrapport")

    # plans
    w.plan = PlanFactory(agreement=w.agreement)
    w.activity = ActivityFactory(plan=w.plan)

    # events: organised by A.
    w.event = EventFactory(agreement=w.agreement, organisers=[w.own])
    w.session = SessionFactory(event=w.event)
    w.quota = w.event.quotas.create(name="Platser via Malmöandan", seats=2, sectors=["civil"])
    w.document = w.event.documents.create(
        kind="report",
        title="Rapport",
        file=ContentFile(PDF_BYTES, name="rapport.pdf"),
        content_type="application/pdf",
        size=len(PDF_BYTES),
    )

    # venues: a booking and a weekly series of A.
    w.room = room_open_every_day(venue__agreement=w.agreement)
    w.venue = w.room.venue
    w.booking = BookingFactory(room=w.room, organisation=w.own, booked_by=rep)
    first = timezone.localdate() + datetime.timedelta(days=14)
    w.series = BookingSeries.objects.create(
        room=w.room,
        organisation=w.own,
        booked_by=rep,
        first_date=first,
        last_date=first + datetime.timedelta(days=14),
        starts_at=datetime.time(18),
        ends_at=datetime.time(20),
        purpose="Körövning",
        expected_participants=10,
    )
    BookingFactory(
        room=w.room,
        organisation=w.own,
        series=w.series,
        starts_at=at(14, 18),
        ends_at=at(14, 20),
    )

    # learning
    w.material = MaterialFactory(agreement=w.agreement)
    w.material_file = w.material.files.create(
        title="Handbok",
        file=ContentFile(PDF_BYTES, name="handbok.pdf"),
        stored_name="handbok.pdf",
        original_name="handbok.pdf",
        content_type="application/pdf",
        size=len(PDF_BYTES),
    )
    w.course = CourseFactory(agreement=w.agreement)
    w.module = ModuleFactory(course=w.course, position=1)

    # partnerships: A leads an IOP collaboration with the city's administration.
    w.collaboration = CollaborationFactory(
        agreement=w.agreement,
        parties=[
            (w.own, CollaborationParty.Role.LEAD),
            (w.city, CollaborationParty.Role.PARTNER),
        ],
        kind="iop",
    )
    w.party = w.collaboration.parties.get(organisation=w.city)
    w.iop = IopAgreementFactory(collaboration=w.collaboration)
    w.iop_document = IopDocument.objects.create(
        iop=w.iop,
        title="Avtal",
        file=ContentFile(PDF_BYTES, name="avtal.pdf"),
        content_type="application/pdf",
        size=len(PDF_BYTES),
    )
    w.condition = CONDITION_SLUGS[IopCondition.STATE_AID]

    # matching: A needs, B offers, a suggested match between them.
    w.need = posting(
        w.agreement, w.own, Posting.Direction.NEED, "Lokal för läxhjälp", by=coordinator
    )
    w.offer = posting(
        w.agreement, w.other, Posting.Direction.OFFER, "Vi lånar ut lokal", by=coordinator
    )
    w.match = Match.objects.create(need=w.need, offer=w.offer)

    # funding
    w.funder = FunderFactory()
    w.call = CallFactory(funder=w.funder, agreement=w.agreement)
    w.year = 2022

    # reports: a draft annual report, seen by the coordinators only.
    w.report = create_report(agreement=w.agreement, year=w.year, by=coordinator)

    # site: a notification of the representative's, which only they may mark as read.
    w.notification = notify_person(user=rep, kind="test", title="Notis", url="/")
    return w


def url_kwargs(name: str, w: SimpleNamespace) -> dict:
    """The URL keyword arguments that address an existing object of `w` for the route `name`."""
    app = name.partition(":")[0]
    kwargs = {
        "agreement": w.agreement.slug,
        "section": "omraden",
        "token": "ingen-sadan-kalender",
        "message_id": "inget-sadant-meddelande",  # the demo outbox's (core:outbox_message)
        "date": timezone.localdate(),
    }
    by_app = {
        "actors": {"slug": w.own.slug},
        "site": {"pk": w.notification.pk},
        "areas": {"slug": w.area.slug, "pk": w.proposal.pk},
        "governance": {
            "slug": w.body.slug,
            "body": w.body.slug,
            "pk": w.meeting.pk,
            "paragraph": w.paragraph.pk,
        },
        "plans": {"slug": w.plan.slug, "pk": w.activity.pk},
        "events": {"slug": w.event.slug, "area": w.area.slug, "year": 2026, "month": 1},
        "venues": {"venue": w.venue.slug, "room": w.room.slug, "pk": w.booking.pk},
        "learning": {"slug": w.material.slug, "pk": w.material_file.pk, "topic": "medskapande"},
        "partnerships": {"slug": w.collaboration.slug, "pk": w.party.pk},
        "matching": {"pk": w.need.pk, "other": w.offer.pk, "match": w.match.pk},
        "funding": {"slug": w.call.slug, "pk": w.funder.pk, "year": w.year},
        "reports": {"year": w.year},
        "agreements": {"slug": w.agreement.slug},
    }
    specific = {
        "actors:representation_decide": {"pk": w.pending.pk, "decision": "confirm"},
        "actors:representation_end_confirm": {"pk": w.confirmed.pk},
        "areas:hosting_end": {"slug": w.area.slug, "pk": w.hosting.pk},
        "events:session_delete": {"pk": w.session.pk},
        "events:quota_delete": {"pk": w.quota.pk},
        "events:document": {"pk": w.document.pk},
        "events:document_delete": {"pk": w.document.pk},
        "venues:series": {"pk": w.series.pk},
        "venues:series_cancel": {"pk": w.series.pk},
        "learning:course_edit": {"slug": w.course.slug},
        "learning:course_delete": {"slug": w.course.slug},
        "learning:course_start": {"slug": w.course.slug},
        "learning:course": {"slug": w.course.slug},
        "learning:module_new": {"slug": w.course.slug},
        "learning:module": {"slug": w.course.slug, "pk": w.module.pk},
        "learning:module_done": {"slug": w.course.slug, "pk": w.module.pk},
        "learning:module_undo": {"slug": w.course.slug, "pk": w.module.pk},
        "learning:module_edit": {"slug": w.course.slug, "pk": w.module.pk},
        "learning:module_delete": {"slug": w.course.slug, "pk": w.module.pk},
        "partnerships:iop_condition": {"condition": w.condition},
        "partnerships:iop_document": {"pk": w.iop_document.pk},
    }
    kwargs.update(by_app.get(app, {}))
    kwargs.update(specific.get(name, {}))
    return kwargs
