"""The open API of areas and focus areas: public fields, no personal data."""

import datetime

import pytest

from samverkan.areas.models import (
    FocusAreaProposal,
    HostSide,
    Phase,
    PhaseChange,
    SustainabilityGoal,
)
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


@pytest.fixture
def agreement(db):
    return factories.AgreementFactory(slug="malmoandan")


@pytest.fixture
def area(agreement):
    area = PriorityAreaFactory(
        agreement=agreement, title="Ungas hälsa och livsstil", slug="ungas-halsa", phase=2
    )
    area.goals.set(SustainabilityGoal.objects.filter(number__in=[3, 10]))
    HostingFactory(area=area, organisation=factories.OrganisationFactory(name="MISO", slug="miso"))
    HostingFactory(
        area=area,
        organisation=factories.OrganisationFactory(),
        starts_on=datetime.date(2019, 1, 1),
        ends_on=datetime.date(2020, 1, 1),
    )
    city_hosting(area=area)
    PhaseChange.objects.create(area=area, phase=1, changed_on=datetime.date(2021, 1, 1))
    PhaseChange.objects.create(
        area=area, phase=Phase.DIALOGUE, changed_on=datetime.date(2022, 1, 1), note="Dialog"
    )
    return area


def test_areas_list_with_current_hosts_and_phase(client, area):
    other = factories.AgreementFactory(slug="lund", is_primary=False)
    PriorityAreaFactory(agreement=other)

    everything = client.get("/api/v1/areas").json()
    response = client.get("/api/v1/areas", {"agreement": "malmoandan"})

    assert len(everything) == 2
    [item] = response.json()
    assert item["slug"] == "ungas-halsa" and item["agreement"] == "malmoandan"
    assert (item["phase"], item["url"]) == (2, area.get_absolute_url())
    first_host = item["hosts"][0]
    assert (first_host["side"], first_host["organisation"]["slug"]) == ("civil", "miso")
    assert {h["side"] for h in item["hosts"]} == {HostSide.CIVIL_SOCIETY, HostSide.CITY}


@pytest.mark.parametrize("path", ["areas", "focus-areas", "focus-area-proposals"])
def test_unknown_agreement_is_404(client, area, path):
    response = client.get(f"/api/v1/{path}", {"agreement": "finns-inte"})

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_area_detail_has_goals_hosts_and_phase_history(client, area):
    response = client.get("/api/v1/areas/malmoandan/ungas-halsa")

    data = response.json()
    assert response.status_code == 200
    assert [g["number"] for g in data["goals"]] == [3, 10]
    assert len(data["hosts"]) == 2  # the ended hosting is history, not a current host
    assert [(c["phase"], c["note"]) for c in data["phase_history"]] == [(2, "Dialog"), (1, "")]
    assert "contact_person" not in str(data)


def test_area_of_another_agreement_is_404(client, area):
    factories.AgreementFactory(slug="lund", is_primary=False)

    assert client.get("/api/v1/areas/lund/ungas-halsa").status_code == 404


def test_focus_areas_by_agreement_and_year(client, agreement, area):
    focus = FocusAreaFactory(agreement=agreement, year=2022, title="Ungas trygghet")
    focus.areas.add(area)
    FocusAreaFactory(agreement=agreement, year=2021, title="Annat")

    response = client.get("/api/v1/focus-areas", {"agreement": "malmoandan", "year": 2022})

    assert response.json() == [
        {
            "agreement": "malmoandan",
            "year": 2022,
            "title": "Ungas trygghet",
            "description": "",
            "areas": [{"slug": "ungas-halsa", "title": "Ungas hälsa och livsstil"}],
        }
    ]


def test_proposals_with_supporters_and_no_personal_data(client, agreement):
    proposal = ProposalFactory(agreement=agreement, title="Jämlik hälsa")
    supports = SupportFactory.create_batch(2, proposal=proposal)
    ProposalFactory(agreement=agreement, status=FocusAreaProposal.Status.WITHDRAWN)

    response = client.get("/api/v1/focus-area-proposals", {"status": "proposed"})

    body = response.json()
    assert body["count"] == 1
    [item] = body["items"]
    assert (item["title"], item["supporters"]) == ("Jämlik hälsa", 2)
    text = response.content.decode()
    for person in [proposal.proposed_by, *(s.user for s in supports)]:
        assert person.email not in text and str(person) not in text
    assert "proposed_by" not in item


def test_operations_are_documented(client):
    schema = client.get("/api/v1/openapi.json").json()

    for path in [
        "/api/v1/areas",
        "/api/v1/areas/{agreement}/{slug}",
        "/api/v1/focus-areas",
        "/api/v1/focus-area-proposals",
    ]:
        operation = schema["paths"][path]["get"]
        assert operation["summary"]
        assert operation["tags"] in (["areas"], ["focus areas"])
