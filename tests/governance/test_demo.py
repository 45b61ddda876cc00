"""The governance part of the Malmöandan demo: loaded once, unchanged by a second load."""

import pytest
from django.utils import timezone

from samverkan.areas.models import FocusArea, FocusAreaProposal
from samverkan.governance import demo, selectors
from samverkan.governance.models import Body, Meeting, MinutesParagraph, Statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(shared_demo):
    return shared_demo.counts


def test_demo_creates_the_steering_group_complete(loaded):
    steering = Body.objects.get(agreement__slug="malmoandan", slug="styrgruppen")

    composition = selectors.composition(steering)
    assert (composition.voting_city, composition.voting_civil, composition.adjoined) == (3, 5, 2)
    assert composition.is_complete
    assert Body.objects.filter(agreement__slug="malmoandan", slug="arbetsgruppen").exists()
    assert loaded["bodies"] == {"created": 2, "existing": 0}


def test_demo_holds_four_published_meetings_in_2022_numbered_across_the_year(loaded):
    steering = Body.objects.get(slug="styrgruppen")
    meetings = Meeting.objects.filter(body=steering, starts_at__year=2022)

    assert meetings.count() == 4
    assert all(m.status == Meeting.Status.ADJUSTED for m in meetings)
    numbers = list(
        MinutesParagraph.objects.filter(body=steering, year=2022)
        .order_by("number")
        .values_list("number", flat=True)
    )
    assert numbers == list(range(1, len(numbers) + 1))
    assert Statement.objects.filter(paragraph__body=steering).exists()


def test_demo_approves_the_2022_report_in_march_2023(loaded):
    meeting = Meeting.objects.get(body__slug="styrgruppen", starts_at__year=2023)

    assert meeting.status == Meeting.Status.ADJUSTED
    assert meeting.starts_at.month == 3
    assert meeting.paragraphs.filter(decision__contains="årsrapporten för 2022").exists()


def test_the_only_planned_meeting_lies_ahead(loaded):
    planned = Meeting.objects.filter(status=Meeting.Status.PLANNED)

    assert planned.count() == 1
    assert planned.get().starts_at > timezone.now()


def test_demo_adopts_this_years_focus_area_in_last_novembers_meeting(loaded):
    year = timezone.localdate().year
    focus = FocusArea.objects.get(agreement__slug="malmoandan", year=year)

    assert focus.decided_in is not None
    assert focus.decided_in.meeting.starts_at.year == year - 1
    assert focus.decided_in.meeting.starts_at.month == 11


def test_demo_adopts_the_2023_focus_area_in_the_november_meeting(loaded):
    proposal = FocusAreaProposal.objects.get(title=demo.FOCUS_2023)
    assert proposal.status == FocusAreaProposal.Status.ADOPTED
    focus = FocusArea.objects.get(agreement__slug="malmoandan", year=2023)

    assert focus.decided_in is not None
    assert focus.decided_in.meeting.starts_at.month == 11


def test_a_second_load_creates_nothing(loaded):
    again = demo.load()

    assert all(tally["created"] == 0 for tally in again.values())
    assert again["meetings"]["existing"] == loaded["meetings"]["created"]
    assert Meeting.objects.count() == loaded["meetings"]["created"]
