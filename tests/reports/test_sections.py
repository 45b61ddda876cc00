"""Each section of the report computed on small data: the year's figure, the year before's
(`previous`) and the link to the records counted."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samverkan.events.models import EventKind, Registration, SeatQuota
from samverkan.funding.models import ExpenseCategory
from samverkan.partnerships.models import IopAgreement
from samverkan.reports import selectors
from samverkan.reports.models import ChannelFigure
from tests import factories
from tests.events.factories import EventFactory, RegistrationFactory
from tests.funding.factories import ExpenseFactory, GrantFactory
from tests.governance import factories as governance
from tests.partnerships.factories import CollaborationFactory, IopAgreementFactory, confirm_all
from tests.venues.factories import BookingFactory, RoomFactory, VenueFactory, VisitorCountFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement():
    return factories.AgreementFactory(slug="malmoandan", is_primary=False)


def sources(agreement, year=2022):
    return selectors.Sources(agreement, year)


def figures(section) -> dict:
    return {f["key"]: f for f in section["figures"]}


def at(year, month=6, day=1, hour=12):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def test_steering_group_counts_voting_members_by_side_and_meetings_held(agreement):
    body = governance.body(agreement=agreement, city=3, civil=5, adjoined=2)
    governance.published_meeting(body, datetime.date(2022, 2, 15))
    governance.published_meeting(body, datetime.date(2022, 9, 20))
    governance.published_meeting(body, datetime.date(2021, 9, 20))
    section = selectors.steering_group(sources(agreement))
    result = figures(section)
    assert result["steering_group.members"]["value"] == 8
    assert result["steering_group.city_members"]["value"] == 3
    assert result["steering_group.civil_members"]["value"] == 5
    assert result["steering_group.adjoined"]["value"] == 2
    assert result["steering_group.meetings"]["value"] == 2
    assert result["steering_group.meetings"]["previous"] == 1
    assert result["steering_group.members"]["link"] == body.get_absolute_url()
    meetings = section["tables"][0]
    assert [row[0] for row in meetings["rows"]] == ["2022-02-15", "2022-09-20"]
    assert all(link.startswith(body.get_absolute_url()) for link in meetings["links"])


def test_focus_area_names_the_chosen_area_and_next_years(agreement):
    from tests.areas.factories import FocusAreaFactory

    FocusAreaFactory(agreement=agreement, year=2022, title="Ungas trygghet och delaktighet")
    FocusAreaFactory(agreement=agreement, year=2023, title="Jämlik hälsa")
    src = sources(agreement)
    assert "Ungas trygghet och delaktighet" in selectors.focus_area(src)["summary"]
    assert "Jämlik hälsa" in selectors.next_focus_area(src)["summary"]


def test_dialogue_forum_counts_who_attended_by_sector_and_the_year_before(agreement):
    forum = EventFactory(
        agreement=agreement,
        kind=EventKind.DIALOGUE_FORUM,
        starts_at=at(2022),
        capacity=None,
        theme="Ungas hälsa",
    )
    for sector in ("city", "city", "civil"):
        RegistrationFactory(event=forum, sector=sector, attended=True)
    RegistrationFactory(event=forum, sector="business", attended=False)
    earlier = EventFactory(
        agreement=agreement, kind=EventKind.DIALOGUE_FORUM, starts_at=at(2021), capacity=None
    )
    RegistrationFactory(event=earlier, attended=True)
    section = selectors.dialogue_forum(sources(agreement))
    result = figures(section)
    assert result["dialogue_forum.participants"]["value"] == 3
    assert result["dialogue_forum.participants"]["previous"] == 1
    assert result["dialogue_forum.registered"]["value"] == 4
    assert result["dialogue_forum.participants"]["link"].endswith("/deltagande/2022/")
    chart = section["charts"][0]
    assert chart["key"] == "participants_by_sector"
    by_label = {point["label"]: point["value"] for point in chart["series"]}
    assert sorted(by_label.values()) == [0, 0, 0, 1, 2]
    assert "2" in chart["alt"] and "1" in chart["alt"]
    assert section["tables"][0]["rows"][0][2] == "Ungas hälsa"


def test_dialogue_forum_without_a_year_before_has_no_previous_value(agreement):
    forum = EventFactory(agreement=agreement, kind=EventKind.DIALOGUE_FORUM, starts_at=at(2022))
    RegistrationFactory(event=forum, attended=True)
    result = figures(selectors.dialogue_forum(sources(agreement)))
    assert result["dialogue_forum.participants"]["previous"] is None


def test_association_centre_counts_visitors_per_week_and_meetings_held(agreement):
    venue = VenueFactory(agreement=agreement)
    room = RoomFactory(venue=venue)
    VisitorCountFactory(venue=venue, date=datetime.date(2022, 3, 14), visitors=365 * 10)
    BookingFactory(room=room, starts_at=at(2022, 3, 14, 10), ends_at=at(2022, 3, 14, 12))
    BookingFactory(room=room, starts_at=at(2022, 4, 14, 10), ends_at=at(2022, 4, 14, 12))
    BookingFactory(room=room, starts_at=at(2021, 4, 14, 10), ends_at=at(2021, 4, 14, 12))
    section = selectors.association_centre(sources(agreement))
    result = figures(section)
    assert result["association_centre.visitors_per_week"]["value"] == 70  # 3650 / (365 / 7)
    assert result["association_centre.meetings"]["value"] == 2
    assert result["association_centre.meetings"]["previous"] == 1
    assert "ar=2022" in result["association_centre.meetings"]["link"]
    chart = section["charts"][0]
    assert chart["key"] == "visitors_per_month" and len(chart["series"]) == 12
    assert chart["series"][2]["value"] == 3650


def test_learning_counts_trainings_their_quota_seats_and_participants(agreement):
    training = EventFactory(
        agreement=agreement, kind=EventKind.TRAINING, starts_at=at(2022), capacity=16
    )
    SeatQuota.objects.create(
        event=training, name="Platser genom Malmöandan", seats=4, sectors=["city"]
    )
    RegistrationFactory(event=training)
    RegistrationFactory(event=training, status=Registration.Status.WAITLISTED)
    result = figures(selectors.learning(sources(agreement)))
    assert result["learning.trainings"]["value"] == 1
    assert result["learning.seats"]["value"] == 4
    assert result["learning.participants"]["value"] == 1
    assert result["learning.trainings"]["previous"] is None


def test_inspiration_counts_malmo_hours_and_learning_lunches_with_their_themes(agreement):
    EventFactory(
        agreement=agreement,
        kind=EventKind.MALMO_HOUR,
        starts_at=at(2022, 4),
        theme="Vägar till arbete",
    )
    EventFactory(agreement=agreement, kind=EventKind.MALMO_HOUR, starts_at=at(2022, 11))
    EventFactory(agreement=agreement, kind=EventKind.LEARNING_LUNCH, starts_at=at(2022, 2))
    EventFactory(agreement=agreement, kind=EventKind.LEARNING_LUNCH, starts_at=at(2021, 2))
    EventFactory(
        agreement=agreement,
        kind=EventKind.LEARNING_LUNCH,
        starts_at=at(2022, 3),
        is_published=False,
    )
    section = selectors.inspiration(sources(agreement))
    result = figures(section)
    assert result["inspiration.malmo_hour"]["value"] == 2
    assert result["inspiration.malmo_hour"]["previous"] is None
    assert result["inspiration.learning_lunch"]["value"] == 1
    assert result["inspiration.learning_lunch"]["previous"] == 1
    assert "Vägar till arbete" in [row[2] for row in section["tables"][0]["rows"]]


def test_communication_has_the_recorded_channel_figures_with_the_year_before(agreement):
    ChannelFigure.objects.create(
        agreement=agreement, year=2022, channel="LinkedIn", measure="Följare", value=600
    )
    ChannelFigure.objects.create(
        agreement=agreement, year=2021, channel="LinkedIn", measure="Följare", value=450
    )
    ChannelFigure.objects.create(
        agreement=agreement, year=2022, channel="Nyhetsbrev", measure="Prenumeranter", value=300
    )
    result = figures(selectors.communication(sources(agreement)))
    linkedin = result["communication.linkedin_foljare"]
    assert (linkedin["value"], linkedin["previous"]) == (600, 450)
    assert result["communication.nyhetsbrev_prenumeranter"]["previous"] is None
    assert result["communication.platform_followers"]["value"] == 0


def test_collaborations_count_running_by_area_and_the_iop_agreements_supported(agreement):
    from tests.areas.factories import PriorityAreaFactory

    area = PriorityAreaFactory(agreement=agreement)
    running = CollaborationFactory(
        agreement=agreement, starts_on=datetime.date(2021, 1, 1), results="Det gick bra."
    )
    running.areas.set([area])
    CollaborationFactory(agreement=agreement, starts_on=datetime.date(2022, 5, 1))
    iop = IopAgreementFactory(
        collaboration__agreement=agreement, starts_on=datetime.date(2022, 1, 1)
    )
    confirm_all(iop)
    IopAgreement.objects.filter(pk=iop.pk).update(signed_on=datetime.date(2021, 12, 1))
    section = selectors.collaborations(sources(agreement))
    result = figures(section)
    assert result["collaborations.running"]["value"] == 3
    assert (
        result["collaborations.running"]["previous"] == 2
    )  # the first and the IOP collaboration (from 2021)
    assert result["collaborations.new"]["value"] == 1
    assert result["collaborations.iop"]["value"] == 1
    assert result["collaborations.iop"]["link"].endswith("?kind=iop")
    chart = section["charts"][0]
    assert chart["series"] == [{"label": area.title, "value": 1}]
    examples = section["tables"][0]
    assert [row[0] for row in examples["rows"]] == [running.title]


def test_economy_sums_grants_and_expenses_by_category_in_whole_kronor(agreement):
    GrantFactory(agreement=agreement, year=2022, amount=Decimal("1000000.00"))
    ExpenseFactory(
        agreement=agreement,
        spent_on=datetime.date(2022, 3, 1),
        category=ExpenseCategory.PERSONNEL,
        amount=Decimal("600000.20"),
    )
    ExpenseFactory(
        agreement=agreement,
        spent_on=datetime.date(2022, 4, 1),
        category=ExpenseCategory.ACTIVITIES,
        amount=Decimal("100000.10"),
    )
    section = selectors.economy(sources(agreement))
    result = figures(section)
    assert result["economy.grants"]["value"] == 1_000_000
    assert result["economy.spent"]["value"] == 700_000
    assert result["economy.balance"]["value"] == 300_000
    assert result["economy.grants"]["previous"] is None
    assert result["economy.grants"]["link"].endswith("/budget/2022/")
    chart = section["charts"][0]
    assert chart["key"] == "budget_by_category" and chart["unit"] == "kr"
    assert "600 000 kr" in chart["alt"].replace("\xa0", " ")


def test_plan_follow_up_counts_activities_by_status(agreement):
    from samverkan.plans.models import ActivityStatus
    from tests.plans.factories import ActivityFactory, PlanFactory, with_history

    plan = PlanFactory(agreement=agreement, first_year=2021, last_year=2026)
    with_history(
        ActivityFactory(plan=plan, planned_year=2022),
        (ActivityStatus.DONE, datetime.date(2022, 5, 1)),
    )
    ActivityFactory(plan=plan, planned_year=2022)
    result = figures(selectors.plan_follow_up(sources(agreement)))
    assert result["plan_follow_up.activities"]["value"] == 2
    assert result["plan_follow_up.done"]["value"] == 1
    assert result["plan_follow_up.done"]["previous"] == 0


def test_compile_report_has_every_section_in_order_and_the_time_read(agreement):
    now = timezone.now()
    snapshot = selectors.compile_report(agreement, 2022, now=now)
    from samverkan.reports.snapshot import SECTION_KEYS

    assert [s["key"] for s in snapshot["sections"]] == SECTION_KEYS
    assert snapshot["year"] == 2022 and snapshot["previous_year"] == 2021
    assert snapshot["read_at"] == timezone.localtime(now).isoformat(timespec="seconds")


def _data(agreement, n):
    venue = VenueFactory(agreement=agreement)
    room = RoomFactory(venue=venue)
    body = governance.body(agreement=agreement, city=1, civil=1, adjoined=0)
    for i in range(n):
        forum = EventFactory(
            agreement=agreement, kind=EventKind.DIALOGUE_FORUM, starts_at=at(2022, 1 + i)
        )
        RegistrationFactory(event=forum, attended=True)
        BookingFactory(room=room, starts_at=at(2022, 1 + i, 3, 10), ends_at=at(2022, 1 + i, 3, 11))
        CollaborationFactory(agreement=agreement)
        GrantFactory(agreement=agreement, year=2022)
    return body


def test_compile_report_makes_the_same_number_of_queries_whatever_the_data(agreement):
    _data(agreement, 1)
    with CaptureQueriesContext(connection) as small:
        selectors.compile_report(agreement, 2022)
    other = factories.AgreementFactory(is_primary=False)
    _data(other, 4)
    with CaptureQueriesContext(connection) as large:
        selectors.compile_report(other, 2022)
    assert len(large.captured_queries) == len(small.captured_queries)
