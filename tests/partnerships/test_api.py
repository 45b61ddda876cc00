"""The public API: collaborations, one collaboration, figures, IOP agreements (public fields)."""

import datetime
from decimal import Decimal

import pytest

from samverkan.partnerships.models import IopCondition
from tests import factories
from tests.partnerships.factories import (
    CollaborationFactory,
    IopAgreementFactory,
    confirm_all,
    iop_collaboration,
)

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def agreement():
    return factories.AgreementFactory(slug="malmoandan")


@pytest.fixture
def data(agreement):
    civil = factories.OrganisationFactory(name="Rädda Barnen Malmö", slug="radda-barnen")
    city = factories.administration(name="Stadskontoret", slug="stadskontoret")
    herrgarden = iop_collaboration(
        agreement=agreement,
        title="Kraftsamling Herrgården",
        slug="kraftsamling-herrgarden",
        parties=[(civil, "lead"), (city, "partner")],
    )
    signed = IopAgreementFactory(
        collaboration=herrgarden, value=Decimal("3600000.10"), internal_note="Intern"
    )
    confirm_all(signed, by=factories.coordinator(last_name="Bergström"))
    signed.signed_on = D(2021, 2, 22)
    signed.save()
    lindangen = iop_collaboration(agreement=agreement, title="Jämlik hälsa på Lindängen")
    preparing = IopAgreementFactory(collaboration=lindangen)
    confirm_all(preparing, except_=[c for c in IopCondition if c != IopCondition.SHARED_PURPOSE])
    CollaborationFactory(agreement=agreement, title="Simskola", kind="project", mapping_year=2019)
    CollaborationFactory(agreement=agreement, title="Dold", is_public=False)
    return {"signed": signed, "preparing": preparing}


def test_list_of_collaborations_with_filters_and_pages(client, data):
    body = client.get("/api/v1/collaborations", {"agreement": "malmoandan"}).json()
    assert body["count"] == 3
    assert [c["title"] for c in body["items"]] == [
        "Jämlik hälsa på Lindängen",
        "Kraftsamling Herrgården",
        "Simskola",
    ]
    herrgarden = body["items"][1]
    assert herrgarden["kind"] == "iop"
    assert herrgarden["parties"][0]["organisation"]["slug"] == "radda-barnen"
    assert herrgarden["parties"][0]["role"] == "lead"
    only = client.get(
        "/api/v1/collaborations", {"agreement": "malmoandan", "year": 2019, "q": "simskolor"}
    ).json()
    assert [c["title"] for c in only["items"]] == ["Simskola"]


def test_an_unknown_agreement_answers_404_in_the_uniform_shape(client, data):
    response = client.get("/api/v1/collaborations", {"agreement": "finns-inte"})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_one_collaboration(client, data):
    response = client.get("/api/v1/collaborations/malmoandan/kraftsamling-herrgarden")
    assert response.status_code == 200
    assert response.json()["title"] == "Kraftsamling Herrgården"
    hidden = data["signed"].collaboration.agreement.collaborations.get(title="Dold")
    assert client.get(f"/api/v1/collaborations/malmoandan/{hidden.slug}").status_code == 404


def test_figures(client, data):
    response = client.get(
        "/api/v1/collaborations/figures", {"agreement": "malmoandan", "year": 2021}
    )
    body = response.json()
    assert response.status_code == 200
    assert (body["year"], body["new"]) == (2021, 4)
    assert {row["key"] for row in body["by_kind"]} >= {"iop", "project"}


@pytest.mark.parametrize("year, status", [(1800, 400), ("abc", 422)])
def test_figures_of_an_impossible_year_are_refused(client, data, year, status):
    response = client.get(
        "/api/v1/collaborations/figures", {"agreement": "malmoandan", "year": year}
    )
    assert response.status_code == status
    assert "error" in response.json()


def test_iop_agreements_show_public_fields_only(client, data):
    body = client.get("/api/v1/iop-agreements", {"agreement": "malmoandan"}).json()
    assert body["count"] == 2
    signed = next(
        i for i in body["items"] if i["collaboration"]["title"] == "Kraftsamling Herrgården"
    )
    assert Decimal(str(signed["value"])) == Decimal("3600000.10")
    assert signed["signed_on"] == "2021-02-22"
    assert all(c["confirmed"] for c in signed["checklist"])
    assert [p["organisation"]["slug"] for p in signed["parties"]] == [
        "radda-barnen",
        "stadskontoret",
    ]
    text = str(body)
    assert "Intern" not in text
    assert "Bergström" not in text
    preparing = client.get("/api/v1/iop-agreements", {"signed": False}).json()["items"]
    assert [i["collaboration"]["title"] for i in preparing] == ["Jämlik hälsa på Lindängen"]
    assert [c["confirmed"] for c in preparing[0]["checklist"]].count(True) == 1


def test_the_paths_are_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in [
        "/api/v1/collaborations",
        "/api/v1/collaborations/{agreement}/{slug}",
        "/api/v1/collaborations/figures",
        "/api/v1/iop-agreements",
    ]:
        assert path in paths
