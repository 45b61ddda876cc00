"""The demo agrees with the clock, whatever day it is loaded: what describes the present lies
around today, history keeps its own dates, and ended things read as ended.

The demo is loaded once per day tried (today, and 1 June 2027 with the clock moved there by
time-machine, which moves `timezone.now()` for the loader, the services and the pages alike),
inside a transaction rolled back at the end."""

import datetime
import re

import pytest
import time_machine
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from samverkan.agreements.models import Agreement
from samverkan.areas.models import FocusArea, FocusAreaProposal, PriorityArea
from samverkan.areas.selectors import (
    focus_areas_page_data,
    running_time,
    start_page_focus_areas,
)
from samverkan.demo.loader import load_demo
from samverkan.events.models import Event, EventKind
from samverkan.funding.models import FundingCall
from samverkan.governance.models import Meeting
from samverkan.matching.models import Posting
from samverkan.matching.selectors import unmatched_postings
from samverkan.plans.models import PlanPeriod
from samverkan.reports.models import AnnualReport, ReportStatus

pytestmark = pytest.mark.django_db

ANOTHER_DAY = datetime.datetime(2027, 6, 1, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(scope="module", params=["today", "2027-06-01"])
def agreement(request, django_db_setup, django_db_blocker):
    traveller = None
    if request.param != "today":
        traveller = time_machine.travel(ANOTHER_DAY, tick=False)
        traveller.start()
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            load_demo()
            yield Agreement.objects.get(slug="malmoandan")
            transaction.set_rollback(True)
    finally:
        if traveller is not None:
            traveller.stop()


@pytest.fixture(autouse=True)
def _no_cached_pages():
    """Pages are cached by table generation: each test reads the day's own pages."""
    cache.clear()
    yield
    cache.clear()


def test_the_clock_is_the_day_tried(request, agreement):
    day = request.node.callspec.params["agreement"]
    expected = timezone.localdate() if day == "today" else ANOTHER_DAY.date()
    assert timezone.localdate() == expected


def test_this_years_focus_area_exists_decided_last_year(agreement):
    year = timezone.localdate().year

    focus = FocusArea.objects.get(agreement=agreement, year=year)

    assert focus.decided_in is not None
    assert focus.decided_in.meeting.starts_at.year == year - 1


def test_start_page_and_focus_area_page_name_the_same_focus_area_as_this_years(agreement, client):
    focus = FocusArea.objects.get(agreement=agreement, year=timezone.localdate().year)

    assert start_page_focus_areas(agreement)["current"] == focus
    assert focus_areas_page_data(agreement)["this_year"] == focus
    start = client.get("/").content.decode()
    page = client.get(reverse("areas:focus_areas", kwargs={"agreement": agreement.slug}))
    assert focus.title in start
    assert focus.title in page.content.decode()


def test_next_year_has_open_proposals(agreement):
    proposals = FocusAreaProposal.objects.filter(
        agreement=agreement, year=timezone.localdate().year + 1
    )

    assert proposals.filter(status=FocusAreaProposal.Status.PROPOSED).count() >= 2


def test_the_2022_report_was_published_in_2023_and_last_years_is_the_draft(agreement):
    published = AnnualReport.objects.get(agreement=agreement, year=2022)
    draft = AnnualReport.objects.get(agreement=agreement, year=timezone.localdate().year - 1)

    assert published.status == ReportStatus.PUBLISHED
    assert timezone.localdate(published.published_at).year == 2023
    assert draft.status == ReportStatus.DRAFT


def test_no_ended_plan_reads_as_running(agreement, client):
    year = timezone.localdate().year
    ended = PlanPeriod.objects.filter(agreement=agreement, last_year__lt=year)

    assert ended.filter(slug="samarbetsplan-2018-2022").exists()
    for plan in ended:
        response = client.get(plan.get_absolute_url())
        assert response.context["state"] == "ended", plan.title
        assert "Planen har upphört" in response.content.decode(), plan.title


def test_no_ended_area_reads_as_running(agreement, client):
    ended = PriorityArea.objects.filter(agreement=agreement, ended_on__lt=timezone.localdate())

    assert ended.exists()
    for area in ended:
        html = client.get(area.get_absolute_url()).content.decode()
        assert running_time(area).has_ended
        assert 'id="ended-on"' in html
        assert "Har pågått" not in html


def test_every_coming_or_running_item_on_the_area_pages_is_current(agreement, client):
    now, today = timezone.now(), timezone.localdate()
    listed = 0
    for area in PriorityArea.objects.filter(agreement=agreement):
        sections = client.get(area.get_absolute_url()).context["sections"]
        for section in sections:
            for event in section.get("events", []):
                assert event.ends_at >= now, (area.title, event.title)
                listed += 1
            for collaboration in section.get("collaborations", []):
                assert collaboration.starts_on is None or collaboration.starts_on <= today
                assert collaboration.ends_on is None or collaboration.ends_on >= today, (
                    area.title,
                    collaboration.title,
                )
                listed += 1
    assert listed > 0


def test_events_lie_ahead_in_the_coming_weeks(agreement):
    now = timezone.now()

    coming = Event.objects.published().filter(
        agreement=agreement, starts_at__gt=now, starts_at__lt=now + datetime.timedelta(weeks=8)
    )

    assert coming.count() >= 3


def test_no_meeting_is_planned_in_the_past_and_one_lies_ahead(agreement):
    planned = Meeting.objects.filter(body__agreement=agreement, status=Meeting.Status.PLANNED)

    assert planned.exists()
    assert not planned.filter(starts_at__lt=timezone.now()).exists()


def test_open_funding_calls_exist_and_close_in_the_future(agreement):
    today = timezone.localdate()

    open_calls = FundingCall.objects.visible_in(agreement).open()

    assert open_calls.filter(deadline__gte=today).exists()
    assert not open_calls.filter(deadline__lt=today).exists()


def test_postings_are_dated_over_past_months_and_the_oldest_first_list_is_ordered(agreement):
    now = timezone.now()
    postings = Posting.objects.filter(agreement=agreement, is_demo=True)
    dates = list(postings.values_list("created_at", flat=True))

    assert len(set(dates)) == len(dates)
    assert all(d < now for d in dates)
    assert now - min(dates) > datetime.timedelta(days=90)
    oldest_first = [p.created_at for p in unmatched_postings(agreement)]
    assert len(oldest_first) > 10
    assert oldest_first == sorted(oldest_first)


def test_open_postings_are_valid_into_the_future(agreement):
    today = timezone.localdate()

    open_postings = Posting.objects.filter(agreement=agreement, status=Posting.Status.OPEN)

    assert not open_postings.filter(valid_until__lt=today).exists()


def test_the_nine_learning_lunches_of_2022_have_real_themes(agreement):
    lunches = Event.objects.filter(
        agreement=agreement, kind=EventKind.LEARNING_LUNCH, starts_at__year=2022
    )

    assert lunches.count() == 9
    for lunch in lunches:
        assert lunch.theme.strip(), lunch.title
        assert not re.fullmatch(r"Lärandelunch i \w+", lunch.title), lunch.title


def test_a_second_load_on_the_same_day_creates_nothing(agreement):
    counts = load_demo()

    assert all(tally["created"] == 0 for tally in counts.values()), counts
