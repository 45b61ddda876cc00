"""My pages (Mina sidor) is the hub: each role sees what they have and what waits for them,
with links to the full lists, and nothing of other people's."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.events.models import Registration
from samverkan.funding import services as funding
from samverkan.funding.models import FundingCall
from samverkan.governance.models import Meeting
from samverkan.learning import services as learning
from samverkan.matching.models import Match
from samverkan.plans.models import ActivityStatus
from samverkan.reports import services as reports
from tests import factories
from tests.areas.factories import ProposalFactory
from tests.events.factories import EventFactory, RegistrationFactory, soon
from tests.funding.factories import CallFactory, in_days
from tests.governance import factories as governance
from tests.learning.factories import course_with_modules
from tests.matching.factories import NEED, OFFER, posting
from tests.partnerships.factories import IopAgreementFactory, iop_collaboration
from tests.plans.factories import ActivityFactory, PlanFactory
from tests.venues.factories import BookingFactory, RoomFactory, VenueFactory, at

pytestmark = pytest.mark.django_db

DASHBOARD = "/mina-sidor/"


@pytest.fixture
def agreement():
    return factories.AgreementFactory(slug="malmoandan", is_primary=True)


@pytest.fixture
def club():
    return factories.OrganisationFactory(name="Föreningen Zig Zag", slug="zig-zag")


@pytest.fixture
def ombud(club):
    return factories.representative(club)


@pytest.fixture
def other_club():
    return factories.OrganisationFactory(name="Andra föreningen", slug="andra")


def page_of(client, user) -> str:
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response.content.decode()


def in_(name: str, agreement, **kwargs) -> str:
    return reverse(name, kwargs={"agreement": agreement.slug, **kwargs})


# --- Registrations ---------------------------------------------------------------------------


def test_a_member_sees_their_coming_registrations_with_a_link_to_all_of_them(client, agreement):
    person = factories.UserFactory()
    mine = EventFactory(agreement=agreement, title="Dialogforum om lokaler")
    RegistrationFactory(event=mine, user=person)
    page = page_of(client, person)
    assert "Dialogforum om lokaler" in page
    assert mine.get_absolute_url() in page
    assert in_("events:mine", agreement) in page


def test_another_persons_registration_is_not_shown(client, agreement):
    person = factories.UserFactory()
    RegistrationFactory(event=EventFactory(agreement=agreement, title="Någon annans"))
    page = page_of(client, person)
    assert "Någon annans" not in page
    assert "Du har inga anmälningar till kommande evenemang." in page
    assert in_("events:calendar", agreement) in page


def test_a_place_on_the_waiting_list_shows_its_number_in_the_queue(client, agreement):
    person = factories.UserFactory()
    event = EventFactory(agreement=agreement, title="Fullbokad lunch", capacity=1)
    RegistrationFactory(event=event)
    for minutes in (1, 2):
        RegistrationFactory(
            event=event,
            status=Registration.Status.WAITLISTED,
            queued_at=timezone.now() - datetime.timedelta(minutes=10 - minutes),
        )
    RegistrationFactory(
        event=event, user=person, status=Registration.Status.WAITLISTED, queued_at=timezone.now()
    )
    assert "Reservlista, plats 3" in page_of(client, person)


def test_a_cancelled_registration_and_a_past_event_are_not_listed(client, agreement):
    person = factories.UserFactory()
    RegistrationFactory(
        event=EventFactory(agreement=agreement, title="Avanmäld"),
        user=person,
        status=Registration.Status.CANCELLED,
    )
    past = soon(days=-10)
    RegistrationFactory(
        event=EventFactory(agreement=agreement, title="Förra månaden", starts_at=past), user=person
    )
    page = page_of(client, person)
    assert "Avanmäld" not in page
    assert "Förra månaden" not in page


# --- Bookings, postings: an ombud's organisation ---------------------------------------------


def test_an_ombud_sees_their_organisations_coming_bookings_and_not_another_organisations(
    client, agreement, club, other_club, ombud
):
    room = RoomFactory(venue=VenueFactory(agreement=agreement), name="Stora salen")
    ours = BookingFactory(room=room, organisation=club, starts_at=at(2, 10))
    theirs = BookingFactory(room=room, organisation=other_club, starts_at=at(3, 10))
    page = page_of(client, ombud)
    assert ours.get_absolute_url() in page
    assert theirs.get_absolute_url() not in page
    assert in_("venues:my_bookings", agreement) in page


def test_a_member_who_represents_no_organisation_has_no_bookings_or_postings_block(
    client, agreement, club
):
    BookingFactory(room=RoomFactory(venue=VenueFactory(agreement=agreement)), organisation=club)
    page = page_of(client, factories.UserFactory())
    assert 'id="bookings"' not in page
    assert 'id="postings"' not in page


def test_an_ombud_sees_their_organisations_postings_and_the_matches_waiting_for_an_answer(
    client, agreement, club, other_club, ombud
):
    need = posting(agreement, club, NEED, "Lokal för dans på kvällar")
    offer = posting(agreement, other_club, OFFER, "Danssal på kvällar")
    Match.objects.create(need=need, offer=offer, status=Match.Status.OFFER_ACCEPTED)
    page = page_of(client, ombud)
    assert need.get_absolute_url() in page
    assert "1 matchning väntar på ert svar" in page
    assert "Danssal på kvällar" not in page  # the other organisation's posting


def test_a_tjansteperson_sees_the_postings_of_their_administration(client, agreement):
    administration = factories.administration(name="Fritidsförvaltningen")
    person = factories.representative(administration)
    need = posting(agreement, administration, NEED, "Volontärer till sommarlovet")
    page = page_of(client, person)
    assert need.get_absolute_url() in page
    assert in_("matching:new", agreement) in page


# --- Courses and funding calls ---------------------------------------------------------------


def test_a_course_in_progress_is_listed_and_a_completed_one_is_not(client, agreement):
    person = factories.UserFactory()
    started, modules = course_with_modules(2, agreement=agreement, title="Medskapa förändring")
    learning.mark_module_done(module=modules[0], by=person)
    _finished, [only] = course_with_modules(1, agreement=agreement, title="Avslutad kurs")
    learning.mark_module_done(module=only, by=person)
    page = page_of(client, person)
    assert started.get_absolute_url() in page
    assert "1 av 2 moduler klara" in page
    assert "Avslutad kurs" not in page
    assert in_("learning:my_courses", agreement) in page


def test_a_followed_call_is_listed_until_its_deadline_has_passed(client, agreement):
    person = factories.UserFactory()
    open_call = CallFactory(title="Stöd till sommarlovet", deadline=in_days(10))
    closed = CallFactory(title="Stängd utlysning", opens_on=in_days(-60), deadline=in_days(1))
    CallFactory(title="Inte följd")
    for call in (open_call, closed):
        funding.follow_call(call=call, by=person)
    FundingCall.objects.filter(pk=closed.pk).update(deadline=in_days(-1))  # time passes
    page = page_of(client, person)
    assert open_call.url_in(agreement) in page
    assert "Stängd utlysning" not in page
    assert "Inte följd" not in page


# --- Representation --------------------------------------------------------------------------


def test_a_member_sees_their_own_pending_request_to_represent(client, agreement, club):
    person = factories.UserFactory()
    factories.RepresentationFactory(user=person, organisation=club, status="pending")
    page = page_of(client, person)
    assert "Dina förfrågningar som väntar på svar:" in page
    assert club.get_absolute_url() in page
    assert 'id="requests"' not in page  # nothing for a member to confirm


def test_an_ombud_sees_the_requests_to_represent_their_organisation_waiting_for_them(
    client, agreement, club, other_club, ombud
):
    asking = factories.UserFactory(first_name="Erik", last_name="Svensson")
    factories.RepresentationFactory(user=asking, organisation=club, status="pending")
    stranger = factories.UserFactory(first_name="Okänd", last_name="Person")
    factories.RepresentationFactory(user=stranger, organisation=other_club, status="pending")
    page = page_of(client, ombud)
    assert "Bekräfta Erik Svensson" in page
    assert "Okänd Person" not in page


# --- The coordinators' queues ----------------------------------------------------------------


@pytest.fixture
def queues(agreement, club, other_club):
    """One item in each of the coordinators' queues."""
    coordinator = factories.coordinator()
    posting(agreement, club, NEED, "Behov utan matchning")
    posting(agreement, other_club, OFFER, "Erbjudande utan matchning")
    report = reports.create_report(agreement=agreement, year=2025, by=coordinator)
    body = governance.body(agreement=agreement, by=coordinator, slug="styrgruppen")
    meeting = Meeting.objects.create(body=body, starts_at=soon(days=-7), status=Meeting.Status.HELD)
    proposal = ProposalFactory(agreement=agreement, title="Psykisk hälsa bland unga")
    year = timezone.localdate().year
    plan = PlanFactory(agreement=agreement, first_year=year - 1, last_year=year + 2)
    ActivityFactory(plan=plan, title="Lärandeluncher", status=ActivityStatus.DELAYED)
    iop = IopAgreementFactory(collaboration=iop_collaboration(agreement=agreement))
    return {"report": report, "meeting": meeting, "proposal": proposal, "iop": iop}


def test_a_coordinator_sees_the_unmatched_postings_link_with_its_count(client, agreement, queues):
    page = page_of(client, factories.coordinator())
    assert f'href="{in_("matching:unmatched", agreement)}"' in page
    assert "2 öppna behov och erbjudanden saknar matchning" in page


def test_a_member_does_not_see_the_unmatched_postings_link(client, agreement, queues, ombud):
    page = page_of(client, ombud)
    assert in_("matching:unmatched", agreement) not in page


@pytest.mark.parametrize("role", ["coordinator", "administrator"])
def test_a_coordinator_and_an_administrator_see_every_queue(client, agreement, queues, role):
    page = page_of(client, getattr(factories, role)())
    assert in_("reports:detail", agreement, year=2025) in page
    assert queues["meeting"].get_absolute_url() in page
    assert queues["proposal"].get_absolute_url() in page
    assert queues["iop"].get_absolute_url() in page
    assert "Lärandeluncher" in page


def test_a_coordinator_sees_every_request_to_represent(client, agreement, club):
    asking = factories.UserFactory(first_name="Erik", last_name="Svensson")
    factories.RepresentationFactory(user=asking, organisation=club, status="pending")
    page = page_of(client, factories.coordinator())
    assert "Bekräfta Erik Svensson" in page
    assert "1 förfrågan väntar på ditt svar." in page


@pytest.mark.parametrize("who", ["member", "ombud"])
def test_a_person_who_is_not_a_coordinator_sees_no_coordinator_queue(
    client, agreement, queues, ombud, who
):
    person = ombud if who == "ombud" else factories.UserFactory()
    page = page_of(client, person)
    for block in ("unmatched", "reports", "minutes", "proposals", "plan", "iop"):
        assert f'id="{block}"' not in page


def test_an_empty_coordinator_queue_says_so_in_plain_words(client, agreement):
    page = page_of(client, factories.coordinator())
    assert "Alla öppna behov och erbjudanden har en matchning." in page
    assert "Alla protokoll från hållna möten är justerade." in page


def test_a_member_without_an_organisation_is_told_how_to_become_an_ombud(client, agreement):
    page = page_of(client, factories.UserFactory())
    assert "Du är inte ombud för någon organisation än." in page
    assert reverse("actors:register") in page
