"""A page's query count does not grow with the data: measured at two sizes."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.areas.models import PhaseChange, SustainabilityGoal
from tests import factories
from tests.areas.factories import (
    FocusAreaFactory,
    HostingFactory,
    PriorityAreaFactory,
    ProposalFactory,
    SupportFactory,
    city_hosting,
)

pytestmark = pytest.mark.django_db

SIZES = [2, 8]
D = datetime.date


def fill(size: int):
    """`size` areas, each with two current hosts and an ended one, `size` phase changes and two
    goals; `size` past focus areas and `size` open proposals with `size` supporters each."""
    agreement = factories.AgreementFactory(slug="malmoandan")
    goals = list(SustainabilityGoal.objects.order_by("number")[:3])
    areas = []
    for n in range(size):
        area = PriorityAreaFactory(agreement=agreement, position=n)
        area.goals.set(goals[n % 2 : n % 2 + 2])
        HostingFactory(area=area, starts_on=D(2019, 1, 1), ends_on=D(2020, 12, 31))
        HostingFactory(area=area, starts_on=D(2021, 1, 1))
        city_hosting(area=area)
        for m in range(size):
            PhaseChange.objects.create(
                area=area, phase=m % 5 + 1, changed_on=D(2021, 1, 1), note=f"Steg {m}"
            )
        areas.append(area)
    year = timezone.localdate().year
    for n in range(size):
        focus = FocusAreaFactory(agreement=agreement, year=year - n)
        focus.areas.set(areas[:2])
        proposal = ProposalFactory(agreement=agreement)
        proposal.areas.set(areas[:2])
        SupportFactory.create_batch(size, proposal=proposal)
    for area in areas:
        FocusAreaFactory(agreement=agreement, year=2000 + area.position).areas.add(area)
    return agreement, areas


# The agreement, the areas, their current hostings, their goals.
LIST_QUERIES = 4
# The agreement, the area, goals, hostings (with organisations and contact people), phase
# history, focus areas; the sections other apps add: coming events (1), running collaborations
# and their count (2).
AREA_QUERIES = 9
# A coordinator: + session, user, group check (coordinator?).
AREA_QUERIES_COORDINATOR = AREA_QUERIES + 3
# The agreement, focus areas, their areas, proposals (counted), their areas.
FOCUS_QUERIES = 5
# The agreement, the proposal with its count, its areas; a member: + session, user, own
# support, coordinator?
PROPOSAL_QUERIES_MEMBER = 7
# The areas, their current hostings, their goals.
API_LIST_QUERIES = 3


@pytest.mark.parametrize("size", SIZES)
def test_area_list_queries_do_not_grow(client, django_assert_num_queries, size):
    agreement, _areas = fill(size)

    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(reverse("areas:list", kwargs={"agreement": agreement.slug}))

    assert len(response.context["areas"]) == size


@pytest.mark.parametrize("size", SIZES)
def test_area_page_queries_do_not_grow(client, django_assert_num_queries, size):
    _agreement, areas = fill(size)

    with django_assert_num_queries(AREA_QUERIES):
        response = client.get(areas[0].get_absolute_url())

    assert len(response.context["area"].history) == size
    assert len(response.context["past_hostings"]) == 1


@pytest.mark.parametrize("size", SIZES)
def test_area_page_queries_for_a_coordinator_do_not_grow(client, django_assert_num_queries, size):
    _agreement, areas = fill(size)
    client.force_login(factories.coordinator())

    with django_assert_num_queries(AREA_QUERIES_COORDINATOR):
        response = client.get(areas[0].get_absolute_url())

    assert response.context["can_manage_hosts"]


@pytest.mark.parametrize("size", SIZES)
def test_focus_areas_page_queries_do_not_grow(client, django_assert_num_queries, size):
    agreement, _areas = fill(size)

    with django_assert_num_queries(FOCUS_QUERIES):
        response = client.get(reverse("areas:focus_areas", kwargs={"agreement": agreement.slug}))

    assert len(response.context["proposals"]) == size
    assert {p.supporters for p in response.context["proposals"]} == {size}


@pytest.mark.parametrize("size", SIZES)
def test_proposal_page_queries_do_not_grow(client, django_assert_num_queries, size):
    agreement, _areas = fill(size)
    proposal = agreement.focus_proposals.first()
    client.force_login(factories.UserFactory())

    with django_assert_num_queries(PROPOSAL_QUERIES_MEMBER):
        response = client.get(proposal.get_absolute_url())

    assert response.context["proposal"].supporters == size


@pytest.mark.parametrize("size", SIZES)
def test_api_area_list_queries_do_not_grow(client, django_assert_num_queries, size):
    fill(size)

    with django_assert_num_queries(API_LIST_QUERIES):
        response = client.get("/api/v1/areas")

    assert len(response.json()) == size
