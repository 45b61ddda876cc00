"""This app's part of the Malmöandan demo: what it creates, and that a second load changes
nothing."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client

from samverkan.areas import demo, selectors
from samverkan.areas.models import FocusArea, FocusAreaProposal, HostSide, Phase, PriorityArea
from samverkan.demo import data, loader

pytestmark = pytest.mark.django_db

PLAN_AREAS = [
    "Ungas hälsa och livsstil",
    "Jämlik fritid och kultur",
    "Stadsliv, allmänna platser och lokaler",
    "Delaktighet, trygghet, demokrati",
    "Nya vägar till arbete och aktivitet",
]


@pytest.fixture
def actors_demo(db):
    """What the areas demo builds on: the agreement, organisations and demo users."""
    loader._load_agreement()
    _tally, districts = loader._load_districts()
    _tally, interest_areas = loader._load_interest_areas()
    loader._load_organisations(districts, interest_areas)
    loader._load_users()


def area_rows() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_app_config("areas").get_models()
    } | {"users": get_user_model().objects.count()}


def test_demo_has_the_plans_five_areas_with_both_hosts_while_they_run(actors_demo):
    counts = demo.load()

    assert counts["priority_areas"] == {"created": 5, "existing": 0}
    areas = list(
        selectors.areas_of(PriorityArea.objects.get(slug="ungas-halsa-och-livsstil").agreement)
    )
    assert [a.title for a in areas] == PLAN_AREAS
    for area in areas:
        assert area.is_demo and area.from_plan and area.description and area.goals.all()
        hosts = selectors.hosts_by_side(area.current_hostings)
        if area.ended_on is not None:
            assert hosts == {"civil": None, "city": None}, area.title
            continue
        assert hosts["civil"].organisation.sector == "civil", area.title
        assert hosts["city"].organisation.sector == "municipal", area.title
        assert hosts["civil"].contact_person.email.startswith("vard.")
        assert hosts["city"].starts_on.year >= 2019
        assert area.phase_changes.count() >= 2
    youth = areas[0]
    assert selectors.hosts_by_side(youth.current_hostings)["civil"].organisation.slug == "miso"


def test_demo_keeps_a_hosting_history(actors_demo):
    demo.load()

    area = PriorityArea.objects.get(slug="delaktighet-trygghet-demokrati")
    assert area.hostings.filter(side=HostSide.CIVIL_SOCIETY).count() == 2
    assert area.hostings.filter(ends_on__lt=area.ended_on).count() == 1


def test_demo_has_one_area_that_ended_with_its_hosts(actors_demo):
    demo.load()

    ended = PriorityArea.objects.get(ended_on__isnull=False)
    assert ended.slug == "delaktighet-trygghet-demokrati"
    assert ended.ended_on == datetime.date(2023, 12, 31)
    assert not ended.hostings.filter(ends_on__isnull=True).exists()
    assert ended.phase == Phase.EVALUATION


def test_demo_focus_areas_and_proposals(actors_demo):
    demo.load()

    focus = FocusArea.objects.get(year=2022)
    assert (focus.title, focus.decided_in, focus.is_demo) == (
        "Ungas trygghet och delaktighet",
        None,
        True,
    )
    assert not FocusArea.objects.filter(year=2023).exists()
    prepared = selectors.proposals_with_support().get(year=2023)
    assert prepared.title == demo.PROPOSAL_2023_TITLE
    assert prepared.status == FocusAreaProposal.Status.PREPARED
    assert prepared.supporters >= 3
    open_ones = FocusAreaProposal.objects.filter(status="proposed")
    assert open_ones.count() == 2
    assert all(p.is_demo and p.supports.count() >= 2 for p in open_ones)


def test_demo_contact_people_can_log_in(actors_demo):
    demo.load()

    client = Client()
    assert client.login(email="vard.1.ideburen@demo.samverkan.se", password=data.DEMO_PASSWORD)
    assert get_user_model().objects.get(email="vard.5.stad@demo.samverkan.se").is_demo


def test_second_load_creates_and_changes_nothing(actors_demo):
    demo.load()
    before = area_rows()
    snapshot = list(PriorityArea.objects.values())

    counts = demo.load()

    assert area_rows() == before
    assert list(PriorityArea.objects.values()) == snapshot
    assert all(tally["created"] == 0 for tally in counts.values()), counts
    assert counts["priority_areas"] == {"created": 0, "existing": 5}


def test_without_the_agreement_nothing_is_loaded(db):
    assert demo.load() == {}
    assert not PriorityArea.objects.exists()
