"""The rules of bodies, meetings and minutes, as the services keep them."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from samverkan.areas.models import FocusArea, FocusAreaProposal
from samverkan.core.exceptions import ApplicationError, ConflictError, PermissionDeniedError
from samverkan.core.models import AuditEntry
from samverkan.governance import selectors, services
from samverkan.governance.models import Body, Meeting, Membership, MinutesParagraph, Seat, Statement
from tests import factories
from tests.governance import factories as gov

pytestmark = pytest.mark.django_db


# --- Composition ------------------------------------------------------------------------------


def test_a_filled_steering_group_is_complete():
    body = gov.body(adjoined=2)

    result = selectors.composition(body)

    assert (result.voting_city, result.voting_civil, result.adjoined) == (3, 5, 2)
    assert result.is_complete
    assert result.missing == []


def test_a_steering_group_with_empty_seats_says_what_is_missing():
    body = gov.body(fill=False)
    gov.member(body, seat=Seat.CITY)
    for _ in range(4):
        gov.member(body, seat=Seat.CIVIL_SOCIETY)

    with translation.override("sv"):
        result = selectors.composition(body)

    assert not result.is_complete
    assert len(result.missing) == 2
    assert "2" in result.missing[0] and "3" in result.missing[0]
    assert "1" in result.missing[1] and "5" in result.missing[1]


def test_composition_on_a_date_leaves_out_ended_memberships():
    coordinator = factories.coordinator()
    body = gov.body(by=coordinator)
    leaving = gov.voting(body)[0]
    services.end_membership(membership=leaving, ends_on=datetime.date(2022, 6, 30), by=coordinator)

    assert selectors.composition(body, on=datetime.date(2022, 6, 30)).is_complete
    assert not selectors.composition(body, on=datetime.date(2022, 7, 1)).is_complete


def test_a_body_without_seats_is_complete_as_it_is():
    body = gov.body(kind=Body.Kind.WORKING_GROUP, city=None, civil=None, name="Arbetsgruppen")

    assert selectors.composition(body).is_complete
    assert not selectors.composition(body).has_fixed_composition


def test_a_voting_member_beyond_the_seats_is_refused():
    body = gov.body()

    with pytest.raises(ConflictError) as error:
        gov.member(body, seat=Seat.CITY)

    assert error.value.code == "seats_full"
    assert body.memberships.filter(seat=Seat.CITY, role="voting").count() == 3


def test_a_successor_can_take_a_seat_after_a_membership_ends():
    coordinator = factories.coordinator()
    body = gov.body(by=coordinator)
    services.end_membership(
        membership=gov.voting(body)[0], ends_on=datetime.date(2022, 6, 30), by=coordinator
    )

    successor = services.add_membership(
        body=body,
        user=factories.UserFactory(),
        seat=Seat.CITY,
        starts_on=datetime.date(2022, 7, 1),
        by=coordinator,
    )

    assert successor.pk
    assert selectors.composition(body, on=datetime.date(2022, 7, 1)).is_complete


def test_a_person_holds_one_membership_of_a_body_at_a_time():
    body = gov.body(fill=False)
    membership = gov.member(body)

    with pytest.raises(ConflictError):
        gov.member(body, seat=Seat.CITY, user=membership.user)


def test_a_city_seat_cannot_represent_an_association():
    body = gov.body(fill=False)

    with pytest.raises(ApplicationError) as error:
        services.add_membership(
            body=body,
            user=factories.UserFactory(),
            seat=Seat.CITY,
            organisation=factories.OrganisationFactory(),
            starts_on=gov.TERM_START,
            by=factories.coordinator(),
        )

    assert error.value.field == "organisation"


# --- Quorum ------------------------------------------------------------------------------------


def test_default_quorum_is_more_than_half_of_the_voting_seats():
    assert selectors.quorum_required(gov.body()) == 5
    assert selectors.quorum_required(gov.body(city=2, civil=2, slug="fyra")) == 3


def test_a_decision_without_quorum_is_refused_with_the_numbers():
    body = gov.body()
    meeting = gov.meeting(body, present=4)

    with translation.override("sv"), pytest.raises(ApplicationError) as error:
        gov.paragraph(meeting)

    assert error.value.code == "not_quorate"
    assert "4" in str(error.value.message) and "5" in str(error.value.message)
    # The refused decision used no paragraph number.
    assert not MinutesParagraph.objects.filter(meeting=meeting).exists()


def test_a_decision_with_a_majority_present_is_recorded():
    meeting = gov.meeting(gov.body(), present=5)

    paragraph = gov.paragraph(meeting)

    assert paragraph.is_decision
    assert paragraph.decided_at == meeting.starts_at


def test_adjoined_members_do_not_count_towards_the_quorum():
    body = gov.body(adjoined=3)
    adjoined = list(body.memberships.filter(role=Membership.Role.ADJOINED))
    meeting = gov.meeting(body, present=gov.voting(body)[:4] + adjoined)

    with pytest.raises(ApplicationError):
        gov.paragraph(meeting)


def test_a_fixed_quorum_replaces_the_majority_rule():
    body = gov.body(quorum=3)
    refused = gov.meeting(body, present=2)
    accepted = gov.meeting(body, datetime.date(2022, 3, 1), present=3)

    with pytest.raises(ApplicationError):
        gov.paragraph(refused)
    assert gov.paragraph(accepted).is_decision


def test_a_note_needs_no_quorum():
    meeting = gov.meeting(gov.body(), present=1)

    paragraph = gov.paragraph(meeting, decided=False)

    assert paragraph.method == MinutesParagraph.Method.NOTED


def test_a_vote_needs_its_counts_within_those_present():
    meeting = gov.meeting(gov.body(), present=6)

    with pytest.raises(ApplicationError):
        gov.paragraph(meeting, method="vote", votes_for=5, votes_against=3)
    paragraph = gov.paragraph(meeting, method="vote", votes_for=4, votes_against=2)

    assert (paragraph.votes_for, paragraph.votes_against) == (4, 2)


# --- Numbering ---------------------------------------------------------------------------------


def test_paragraphs_are_numbered_across_meetings_and_restart_each_year():
    coordinator = factories.coordinator()
    body = gov.body(by=coordinator)
    february = gov.meeting(body, datetime.date(2022, 2, 15), present=8, by=coordinator)
    may = gov.meeting(body, datetime.date(2022, 5, 17), present=8, by=coordinator)
    january = gov.meeting(body, datetime.date(2023, 1, 17), present=8, by=coordinator)

    numbers = [
        gov.paragraph(meeting, by=coordinator).number
        for meeting in (february, february, may, may, may, january, january)
    ]

    assert numbers == [1, 2, 3, 4, 5, 1, 2]
    assert list(
        MinutesParagraph.objects.filter(meeting=january).values_list("year", flat=True)
    ) == [
        2023,
        2023,
    ]


def test_the_year_is_that_of_the_local_meeting_date():
    body = gov.body()
    # 00:30 on 1 January in Stockholm is still 31 December in UTC.
    meeting = services.schedule_meeting(
        body=body,
        starts_at=timezone.make_aware(datetime.datetime(2023, 1, 1, 0, 30)),
        by=factories.coordinator(),
        allow_past=True,
    )

    assert gov.paragraph(meeting, decided=False).year == 2023


def test_two_bodies_number_independently():
    agreement = factories.AgreementFactory()
    steering = gov.body(agreement=agreement, slug="styrgruppen")
    working = gov.body(agreement=agreement, slug="arbetsgruppen", kind=Body.Kind.WORKING_GROUP)
    gov.paragraph(gov.meeting(steering, present=8))
    gov.paragraph(gov.meeting(steering, datetime.date(2022, 3, 1), present=8))

    assert gov.paragraph(gov.meeting(working, present=8)).number == 1


def test_the_database_refuses_a_paragraph_number_twice():
    meeting = gov.meeting(gov.body(), present=8)
    first = gov.paragraph(meeting)

    with pytest.raises(IntegrityError), transaction.atomic():
        MinutesParagraph.objects.create(
            meeting=meeting, body=meeting.body, year=first.year, number=first.number, title="X"
        )


def test_a_paragraph_of_a_meeting_to_come_is_refused():
    body = gov.body()
    meeting = services.schedule_meeting(
        body=body,
        starts_at=timezone.now() + datetime.timedelta(days=30),
        by=factories.coordinator(),
    )

    with pytest.raises(ConflictError):
        gov.paragraph(meeting, decided=False)


def test_a_meeting_in_the_past_is_refused_unless_allowed():
    with pytest.raises(ApplicationError) as error:
        services.schedule_meeting(
            body=gov.body(), starts_at=gov.at(datetime.date(2022, 1, 1)), by=factories.coordinator()
        )

    assert error.value.field == "starts_at"


# --- Statements ----------------------------------------------------------------------------------


def test_a_present_voting_member_enters_a_reservation_against_a_decision():
    body = gov.body()
    meeting = gov.meeting(body, present=8)
    paragraph = gov.paragraph(meeting, method="vote", votes_for=6, votes_against=2)

    statement = services.add_statement(
        paragraph=paragraph,
        kind=Statement.Kind.RESERVATION,
        membership=gov.voting(body)[7],
        text="Jag reserverar mig.",
        by=factories.coordinator(),
    )

    assert statement.paragraph == paragraph


def test_an_absent_member_cannot_make_a_statement():
    body = gov.body()
    meeting = gov.meeting(body, present=6)
    paragraph = gov.paragraph(meeting)

    with pytest.raises(ApplicationError) as error:
        services.add_statement(
            paragraph=paragraph,
            kind=Statement.Kind.DISSENTING,
            membership=gov.voting(body)[7],
            text="Särskilt yttrande.",
            by=factories.coordinator(),
        )

    assert error.value.code == "not_present"


def test_a_reservation_needs_a_decision():
    body = gov.body()
    meeting = gov.meeting(body, present=8)
    paragraph = gov.paragraph(meeting, decided=False)

    with pytest.raises(ApplicationError):
        services.add_statement(
            paragraph=paragraph,
            kind=Statement.Kind.RESERVATION,
            membership=gov.voting(body)[0],
            text="Nej.",
            by=factories.coordinator(),
        )


# --- Adjustment and publication ----------------------------------------------------------------


def test_adjusting_publishes_the_minutes_and_logs_it():
    body = gov.body()
    meeting = gov.meeting(body, present=8)
    gov.paragraph(meeting)

    meeting = gov.adjust(meeting, adjusted_on=datetime.date(2022, 2, 22))

    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.ADJUSTED
    assert meeting.adjusted_on == datetime.date(2022, 2, 22)
    assert meeting.published_at is not None
    assert meeting.adjusters.count() == 1
    assert AuditEntry.objects.filter(action="meeting.minutes_adjusted").exists()


def test_minutes_without_paragraphs_cannot_be_adjusted():
    meeting = gov.meeting(gov.body(), present=8)

    with pytest.raises(ApplicationError) as error:
        gov.adjust(meeting)

    assert error.value.code == "no_paragraphs"


def test_an_adjuster_must_have_attended():
    body = gov.body()
    meeting = gov.meeting(body, present=6)
    gov.paragraph(meeting)

    with pytest.raises(ApplicationError) as error:
        services.adjust_minutes(
            meeting=meeting,
            adjusters=[gov.voting(body)[7].user],
            adjusted_on=datetime.date(2022, 2, 20),
            by=factories.coordinator(),
        )

    assert error.value.field == "adjusters"


def test_no_adjuster_is_refused():
    meeting = gov.meeting(gov.body(), present=8)
    gov.paragraph(meeting)

    with pytest.raises(ApplicationError):
        services.adjust_minutes(
            meeting=meeting,
            adjusters=[],
            adjusted_on=datetime.date(2022, 2, 20),
            by=factories.coordinator(),
        )


def test_the_adjustment_date_is_not_before_the_meeting():
    meeting = gov.meeting(gov.body(), present=8)
    gov.paragraph(meeting)

    with pytest.raises(ApplicationError) as error:
        gov.adjust(meeting, adjusted_on=datetime.date(2022, 2, 14))

    assert error.value.field == "adjusted_on"


def test_adjusted_minutes_cannot_be_changed():
    body = gov.body()
    meeting = gov.published_meeting(body)

    with pytest.raises(ConflictError):
        gov.paragraph(meeting)
    with pytest.raises(ConflictError):
        gov.adjust(meeting)
    with pytest.raises(ConflictError):
        services.add_agenda_item(meeting=meeting, title="Övrigt", by=factories.coordinator())


def test_only_coordinators_write_minutes():
    meeting = gov.meeting(gov.body(), present=8)

    with pytest.raises(PermissionDeniedError):
        gov.paragraph(meeting, by=factories.UserFactory())


# --- Focus areas -------------------------------------------------------------------------------


def test_a_prepared_proposal_on_the_agenda_becomes_the_focus_area_when_adopted():
    coordinator = factories.coordinator()
    body = gov.body(by=coordinator)
    proposal = gov.prepared_proposal(body.agreement)
    meeting = gov.meeting(body, datetime.date(2022, 11, 29), present=8, by=coordinator)

    item = services.add_agenda_item(
        meeting=meeting, title="", focus_proposal=proposal, by=coordinator
    )
    proposal.refresh_from_db()
    assert proposal.status == FocusAreaProposal.Status.ON_AGENDA
    assert item.title == proposal.title

    paragraph = gov.paragraph(meeting, agenda_item=item, focus_area_adopted=True, by=coordinator)

    focus = FocusArea.objects.get(agreement=body.agreement, year=2023)
    assert focus.decided_in == paragraph
    assert focus.proposal == proposal


def test_a_proposal_not_adopted_is_rejected_and_makes_no_focus_area():
    coordinator = factories.coordinator()
    body = gov.body(by=coordinator)
    proposal = gov.prepared_proposal(body.agreement)
    meeting = gov.meeting(body, present=8, by=coordinator)
    item = services.add_agenda_item(
        meeting=meeting, title="Fokus", focus_proposal=proposal, by=coordinator
    )

    gov.paragraph(meeting, agenda_item=item, focus_area_adopted=False, by=coordinator)

    proposal.refresh_from_db()
    assert proposal.status == FocusAreaProposal.Status.NOT_ADOPTED
    assert not FocusArea.objects.filter(agreement=body.agreement).exists()


def test_the_outcome_of_a_focus_proposal_must_be_given():
    coordinator = factories.coordinator()
    body = gov.body(by=coordinator)
    meeting = gov.meeting(body, present=8, by=coordinator)
    item = services.add_agenda_item(
        meeting=meeting,
        title="Fokus",
        focus_proposal=gov.prepared_proposal(body.agreement),
        by=coordinator,
    )

    with pytest.raises(ApplicationError) as error:
        gov.paragraph(meeting, agenda_item=item, by=coordinator)

    assert error.value.field == "focus_area_adopted"


def test_only_a_steering_group_takes_a_focus_proposal():
    body = gov.body(kind=Body.Kind.WORKING_GROUP, city=None, civil=None)
    meeting = gov.meeting(body)
    proposal = gov.prepared_proposal(body.agreement)

    with pytest.raises(ApplicationError) as error:
        services.add_agenda_item(
            meeting=meeting, title="", focus_proposal=proposal, by=factories.coordinator()
        )

    assert error.value.code == "not_steering_group"
    proposal.refresh_from_db()
    assert proposal.status == FocusAreaProposal.Status.PREPARED


def test_a_proposal_not_yet_prepared_cannot_go_on_the_agenda():
    body = gov.body()
    proposal = gov.prepared_proposal(body.agreement)
    FocusAreaProposal.objects.filter(pk=proposal.pk).update(
        status=FocusAreaProposal.Status.PROPOSED
    )
    proposal.refresh_from_db()

    with pytest.raises(ConflictError):
        services.add_agenda_item(
            meeting=gov.meeting(body), title="", focus_proposal=proposal, by=factories.coordinator()
        )


def test_swedish_messages_come_from_gettext():
    with translation.override("sv"):
        assert gettext("Only the coordinators keep the minutes.")
