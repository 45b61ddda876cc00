"""The rules of areas, hosting, phases and focus-area proposals, as the services keep them."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from samverkan.areas import selectors, services
from samverkan.areas.models import (
    FocusAreaProposal,
    Hosting,
    HostSide,
    Phase,
    PhaseChange,
    PriorityArea,
    ProposalSupport,
)
from samverkan.core.exceptions import ApplicationError, ConflictError, PermissionDeniedError
from samverkan.core.models import AuditEntry
from samverkan.core.permissions import SYSTEM
from tests import factories
from tests.areas.factories import HostingFactory, PriorityAreaFactory, ProposalFactory

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = timezone.localdate()

OVERLAP_CIVIL = (
    "%(area)s already has a non-profit host in this period: %(org)s (from %(start)s). "
    "End that hosting first, or let the new one start after it ends."
)
WRONG_SECTOR_CITY = "The city host must be a city administration; %(org)s is not."
WRONG_SECTOR_CIVIL = "The non-profit host must be a civil-society organisation; %(org)s is not."


def t(msgid: str) -> str:
    """The text a person reads for `msgid` (the tests run in Swedish)."""
    with translation.override("sv"):
        return translation.gettext(msgid)


def audit_actions(obj) -> list[str]:
    return list(
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        ).values_list("action", flat=True)
    )


@pytest.fixture
def agreement(db):
    return factories.AgreementFactory(slug="malmoandan")


@pytest.fixture
def area(agreement):
    return PriorityAreaFactory(agreement=agreement, title="Ungas hälsa och livsstil")


START = D(2021, 1, 1)


def host(area, coordinator, *, side=HostSide.CIVIL_SOCIETY, starts_on=START, **kwargs):
    organisation = kwargs.pop("organisation", None) or (
        factories.OrganisationFactory()
        if side == HostSide.CIVIL_SOCIETY
        else factories.administration()
    )
    return services.start_hosting(
        area=area,
        side=side,
        organisation=organisation,
        starts_on=starts_on,
        by=coordinator,
        **kwargs,
    )


# Areas


def test_coordinator_creates_an_area_in_the_first_phase_with_its_history(agreement, coordinator):
    area = services.create_area(
        agreement=agreement,
        title="Stadsliv, allmänna platser och lokaler",
        started_on=D(2020, 1, 1),
        by=coordinator,
    )

    assert area.slug == "stadsliv-allmanna-platser-och-lokaler"
    assert area.phase == Phase.FINDING_HOSTS
    change = area.phase_changes.get()
    assert (change.phase, change.changed_on, change.changed_by) == (1, D(2020, 1, 1), coordinator)
    assert audit_actions(area) == ["area.created"]


def test_the_platform_creates_an_area_as_system_and_nobody_as_none(agreement):
    area = services.create_area(agreement=agreement, title="Från planen", by=SYSTEM)

    assert area.phase_changes.get().changed_by is None
    with pytest.raises(TypeError):
        services.create_area(agreement=agreement, title="Glömt vem", by=None)


def test_two_areas_with_the_same_title_get_different_addresses(agreement, coordinator):
    first = services.create_area(agreement=agreement, title="Ny", by=coordinator)
    second = services.create_area(agreement=agreement, title="Ny", by=coordinator)

    assert first.slug != "ny"  # "ny" is the address of the new-area page
    assert first.slug != second.slug


def test_member_cannot_create_an_area(agreement, member):
    with pytest.raises(PermissionDeniedError):
        services.create_area(agreement=agreement, title="Något", by=member)


def test_host_edits_the_description_but_not_the_title(area, coordinator):
    hosting = host(area, coordinator, contact_person=factories.UserFactory())
    person = hosting.contact_person

    services.update_area(area=area, by=person, description="Ny text från värden.")
    with pytest.raises(PermissionDeniedError):
        services.update_area(area=area, by=person, title="Annat namn")

    area.refresh_from_db()
    assert (area.description, area.title) == ("Ny text från värden.", "Ungas hälsa och livsstil")
    assert audit_actions(area) == ["area.updated"]


# Hosting


def test_second_civil_host_is_refused(area, coordinator):
    first = host(area, coordinator, starts_on=D(2021, 1, 1))

    with pytest.raises(ConflictError) as refused:
        host(area, coordinator, starts_on=D(2022, 6, 1))

    assert refused.value.field == "starts_on"
    assert refused.value.code == "host_overlap"
    assert str(refused.value.message) == t(OVERLAP_CIVIL) % {
        "area": area.title,
        "org": first.organisation.name,
        "start": "2021-01-01",
    }
    assert Hosting.objects.filter(area=area).count() == 1


def test_one_host_per_side_civil_and_city_together(area, coordinator):
    host(area, coordinator, side=HostSide.CIVIL_SOCIETY)
    host(area, coordinator, side=HostSide.CITY)

    hosts = selectors.hosts_by_side(selectors.areas_of(area.agreement).get().current_hostings)
    assert hosts["civil"].organisation.sector == "civil"
    assert hosts["city"].organisation.sector == "municipal"


def test_city_side_with_a_non_profit_organisation_is_refused(area, coordinator):
    club = factories.OrganisationFactory(name="Rosengårds idrottsförening")

    with pytest.raises(ApplicationError) as refused:
        host(area, coordinator, side=HostSide.CITY, organisation=club)

    assert refused.value.field == "organisation"
    assert str(refused.value.message) == t(WRONG_SECTOR_CITY) % {"org": club.name}


def test_civil_side_with_an_administration_is_refused(area, coordinator):
    administration = factories.administration(name="Fritidsförvaltningen")

    with pytest.raises(ApplicationError) as refused:
        host(area, coordinator, organisation=administration)

    assert str(refused.value.message) == t(WRONG_SECTOR_CIVIL) % {"org": "Fritidsförvaltningen"}


def test_a_period_overlapping_an_ended_hosting_is_refused(area, coordinator):
    host(area, coordinator, starts_on=D(2019, 1, 1), ends_on=D(2020, 12, 31))

    with pytest.raises(ConflictError):
        host(area, coordinator, starts_on=D(2020, 6, 1), ends_on=D(2021, 6, 1))
    with pytest.raises(ConflictError):  # planned to start before the first one
        host(area, coordinator, starts_on=D(2018, 6, 1), ends_on=D(2019, 1, 1))


def test_after_ending_a_new_host_is_accepted_and_history_is_kept(area, coordinator):
    first = host(area, coordinator, starts_on=D(2019, 1, 1))
    services.end_hosting(hosting=first, ends_on=TODAY - datetime.timedelta(days=1), by=coordinator)

    second = host(area, coordinator, starts_on=TODAY)

    assert list(Hosting.objects.filter(area=area).order_by("starts_on")) == [first, second]
    first.refresh_from_db()
    assert first.ends_on == TODAY - datetime.timedelta(days=1)
    data = selectors.area_page_data(area.agreement, area.slug, user=coordinator)
    assert data["hosts"]["civil"] == second
    assert data["past_hostings"] == [first]
    assert sorted(audit_actions(first)) == ["hosting.ended", "hosting.started"]


def test_ending_a_hosting_twice_is_refused(area, coordinator):
    hosting = host(area, coordinator, starts_on=D(2019, 1, 1))
    services.end_hosting(hosting=hosting, ends_on=D(2020, 1, 1), by=coordinator)

    with pytest.raises(ConflictError):
        services.end_hosting(hosting=hosting, by=coordinator)


def test_a_hosting_cannot_end_before_it_starts(area, coordinator):
    hosting = host(area, coordinator, starts_on=D(2021, 1, 1))

    with pytest.raises(ApplicationError) as refused:
        services.end_hosting(hosting=hosting, ends_on=D(2020, 1, 1), by=coordinator)

    assert refused.value.field == "ends_on"


def test_only_coordinators_appoint_hosts(area, member):
    with pytest.raises(PermissionDeniedError):
        host(area, member)


def test_the_database_allows_one_open_hosting_per_side(area):
    HostingFactory(area=area, starts_on=D(2019, 1, 1))

    with pytest.raises(IntegrityError), transaction.atomic():
        HostingFactory(area=area, starts_on=D(2022, 1, 1))


@pytest.mark.postgres
def test_exclusion_constraint_refuses_overlapping_periods(area):
    HostingFactory(area=area, starts_on=D(2019, 1, 1), ends_on=D(2020, 12, 31))

    # Both ended, so the partial unique constraint does not apply: only the exclusion does.
    with pytest.raises(IntegrityError), transaction.atomic():
        HostingFactory(area=area, starts_on=D(2020, 6, 1), ends_on=D(2021, 6, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        HostingFactory(area=area, starts_on=D(2020, 12, 31))

    HostingFactory(area=area, starts_on=D(2021, 1, 1))  # the day after: fine
    HostingFactory(area=area, side=HostSide.CITY, starts_on=D(2019, 1, 1))  # other side: fine
    assert Hosting.objects.filter(area=area).count() == 3


# Phases and running time


def test_phase_changes_are_recorded_with_date_person_and_note(area, coordinator):
    services.change_phase(
        area=area, phase=Phase.DIALOGUE, changed_on=D(2021, 5, 1), note="Värdar", by=coordinator
    )
    services.change_phase(area=area, phase=Phase.DEVELOPMENT, by=coordinator)

    area.refresh_from_db()
    assert area.phase == Phase.DEVELOPMENT
    history = list(PhaseChange.objects.filter(area=area).values_list("phase", "changed_on", "note"))
    assert history == [(3, TODAY, ""), (2, D(2021, 5, 1), "Värdar")]
    assert audit_actions(area).count("area.phase_changed") == 2


def test_host_records_a_phase_change(area, coordinator):
    person = factories.UserFactory()
    host(area, coordinator, contact_person=person)

    services.change_phase(area=area, phase=Phase.DIALOGUE, by=person)

    assert PhaseChange.objects.get(area=area).changed_by == person


def test_the_same_phase_again_is_refused(area, coordinator):
    with pytest.raises(ConflictError) as refused:
        services.change_phase(area=area, phase=area.phase, by=coordinator)
    assert refused.value.field == "phase"


def test_phase_change_in_the_future_or_before_the_last_is_refused(area, coordinator):
    services.change_phase(area=area, phase=Phase.DIALOGUE, changed_on=D(2022, 1, 1), by=coordinator)
    with pytest.raises(ApplicationError):
        services.change_phase(
            area=area, phase=Phase.DEVELOPMENT, changed_on=D(2021, 1, 1), by=coordinator
        )
    with pytest.raises(ApplicationError):
        services.change_phase(
            area=area,
            phase=Phase.DEVELOPMENT,
            changed_on=TODAY + datetime.timedelta(days=1),
            by=coordinator,
        )


@pytest.mark.parametrize(
    ("started_on", "today", "years", "months", "text"),
    [
        (D(2021, 1, 15), D(2023, 4, 15), 2, 3, "2 år och 3 månader av 4 år"),
        (D(2021, 1, 15), D(2023, 4, 14), 2, 2, "2 år och 2 månader av 4 år"),
        (D(2022, 3, 1), D(2022, 4, 1), 0, 1, "1 månad av 4 år"),
        (D(2019, 2, 1), D(2024, 2, 1), 5, 0, "5 år av 4 år"),
    ],
)
def test_running_time_against_the_plans_four_years(started_on, today, years, months, text):
    area = PriorityArea(started_on=started_on)

    running = selectors.running_time(area, today=today)

    assert (running.years, running.months) == (years, months)
    assert running.beyond_plan == (years * 12 + months > 48)
    with translation.override("sv"):
        swedish = str(running)
    with translation.override("en"):
        english = str(running)
    # Until the lead translates the catalogue, Swedish shows the English text.
    assert swedish in (text, english)


def test_an_ended_area_tells_how_long_it_ran_not_how_long_it_has_run():
    area = PriorityArea(started_on=D(2019, 2, 1), ended_on=D(2023, 12, 31))

    ran = selectors.running_time(area, today=D(2026, 12, 7))

    assert ran.has_ended
    assert (ran.years, ran.months) == (4, 10)
    with translation.override("sv"):
        assert str(ran) == "4 år och 10 månader (planerat: 4 år)"


def test_an_area_on_its_last_day_still_runs():
    area = PriorityArea(started_on=D(2019, 2, 1), ended_on=D(2023, 12, 31))

    running = selectors.running_time(area, today=D(2023, 12, 31))

    assert not running.has_ended
    with translation.override("sv"):
        assert str(running) == "4 år och 10 månader av 4 år"


def test_an_area_cannot_be_ended_ahead_of_time(area, coordinator):
    with pytest.raises(ApplicationError) as error:
        services.update_area(area=area, ended_on=TODAY + datetime.timedelta(days=1), by=coordinator)

    assert error.value.field == "ended_on"


def test_an_area_cannot_end_before_it_started(area, coordinator):
    with pytest.raises(ApplicationError) as error:
        services.update_area(
            area=area, ended_on=area.started_on - datetime.timedelta(days=1), by=coordinator
        )

    assert error.value.field == "ended_on"


def test_no_running_time_without_a_start():
    assert selectors.running_time(PriorityArea(started_on=None)) is None


# Focus-area proposals


@pytest.fixture
def proposal(agreement):
    return ProposalFactory(agreement=agreement)


def test_support_counts_once_per_person(proposal, member):
    services.support_proposal(proposal=proposal, by=member)

    with pytest.raises(ConflictError):
        services.support_proposal(proposal=proposal, by=member)

    counted = selectors.proposals_with_support(proposal.agreement).get()
    assert counted.supporters == 1


def test_the_database_refuses_a_second_support_of_the_same_person(proposal, member):
    ProposalSupport.objects.create(proposal=proposal, user=member)

    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalSupport.objects.create(proposal=proposal, user=member)


def test_one_cannot_support_ones_own_proposal(proposal):
    with pytest.raises(PermissionDeniedError):
        services.support_proposal(proposal=proposal, by=proposal.proposed_by)


def test_withdrawn_support_is_not_counted(proposal, member):
    services.support_proposal(proposal=proposal, by=member)
    services.withdraw_support(proposal=proposal, by=member)

    assert selectors.proposals_with_support(proposal.agreement).get().supporters == 0


def test_a_visitor_cannot_withdraw_support(proposal):
    with pytest.raises(PermissionDeniedError):
        services.withdraw_support(proposal=proposal, by=AnonymousUser())


def test_past_year_is_refused_unless_recording_history(agreement, member):
    with pytest.raises(ApplicationError):
        services.propose_focus_area(
            agreement=agreement, year=2023, title="Hälsa", motivation="Viktigt", by=member
        )

    proposal = services.propose_focus_area(
        agreement=agreement,
        year=2023,
        title="Hälsa",
        motivation="Viktigt",
        by=member,
        allow_past_year=True,
    )
    assert proposal.year == 2023


def test_a_proposal_cannot_name_another_agreements_area(agreement, member):
    elsewhere = PriorityAreaFactory()

    with pytest.raises(ApplicationError) as refused:
        services.propose_focus_area(
            agreement=agreement,
            year=TODAY.year + 1,
            title="Hälsa",
            motivation="Viktigt",
            areas=[elsewhere],
            by=member,
        )
    assert refused.value.field == "areas"


def test_current_focus_area_of_a_year(agreement, coordinator):
    services.record_focus_area(
        agreement=agreement, year=2022, title="Ungas trygghet och delaktighet", by=coordinator
    )

    assert selectors.current_focus_area(agreement, 2022).title == "Ungas trygghet och delaktighet"
    assert selectors.current_focus_area(agreement, 2021) is None
    with pytest.raises(ConflictError):
        services.record_focus_area(agreement=agreement, year=2022, title="Annat", by=coordinator)


def test_the_governance_calls_keep_working(proposal, coordinator):
    services.prepare_proposal(proposal=proposal, note="Bra förslag.", by=coordinator)
    services.mark_proposal_on_agenda(proposal=proposal, by=coordinator)
    focus = services.adopt_focus_area(proposal=proposal, paragraph=None, by=coordinator)

    proposal.refresh_from_db()
    assert proposal.status == FocusAreaProposal.Status.ADOPTED
    assert selectors.current_focus_area(proposal.agreement, proposal.year) == focus
