"""The open API of funding calls, funders and the economic account: exact amounts as strings,
no followers, no expense lines."""

import datetime
from decimal import Decimal

import pytest

from samverkan.actors.models import Sector
from samverkan.funding.models import ExpenseCategory, Funder
from tests import factories
from tests.funding.factories import (
    CallFactory,
    ExpenseFactory,
    FunderFactory,
    GrantFactory,
    in_days,
)

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.fixture
def agreement():
    return factories.AgreementFactory(slug="malmoandan")


def test_calls_list_with_exact_amounts(client, agreement):
    lindangen = factories.DistrictFactory(name="Lindängen", slug="lindangen")
    CallFactory(
        title="Snart",
        slug="snart",
        deadline=in_days(3),
        amount_min=Decimal("0.10"),
        amount_max=Decimal("1000000.00"),
        sector_values=[Sector.CIVIL_SOCIETY],
        districts=[lindangen],
    )
    CallFactory(title="Senare", deadline=in_days(30))
    CallFactory(title="Stängd", opens_on=in_days(-30), deadline=in_days(-1))
    response = client.get(f"{API}/funding-calls", {"agreement": "malmoandan"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert [i["title"] for i in items] == ["Snart", "Senare"]
    first = items[0]
    assert first["amount_min"] == "0.10"
    assert first["amount_max"] == "1000000.00"
    assert first["sectors"] == ["civil"]
    assert first["districts"] == [{"slug": "lindangen", "name": "Lindängen"}]
    assert first["status"] == "open"
    assert first["agreement"] is None
    assert "follows" not in first


def test_calls_filters(client, agreement):
    CallFactory(title="EU", funder=FunderFactory(kind=Funder.Kind.EU))
    CallFactory(title="Kommun", sector_values=[Sector.MUNICIPALITY])
    CallFactory(title="Stängd", opens_on=in_days(-30), deadline=in_days(-1))

    def titles(**params):
        items = client.get(f"{API}/funding-calls", params).json()["items"]
        return sorted(i["title"] for i in items)

    assert titles(funder_kind="eu") == ["EU"]
    assert titles(sector="civil") == ["EU"]
    assert titles(include_closed="true") == ["EU", "Kommun", "Stängd"]
    assert client.get(f"{API}/funding-calls", {"agreement": "finns-inte"}).status_code == 404


def test_one_call(client, agreement):
    CallFactory(slug="arvsfonden", description="Projektstöd.")
    data = client.get(f"{API}/funding-calls/arvsfonden").json()
    assert data["description"] == "Projektstöd."
    assert "Öppen för organisationer inom alla sektorer." in data["eligibility"]
    assert client.get(f"{API}/funding-calls/finns-inte").status_code == 404


def test_funders(client, agreement):
    funder = FunderFactory(name="Postkodstiftelsen", slug="postkodstiftelsen")
    CallFactory(funder=funder)
    [data] = client.get(f"{API}/funders").json()
    assert data["slug"] == "postkodstiftelsen"
    assert data["open_calls"] == 1


def test_economic_account(client, agreement):
    GrantFactory(agreement=agreement, year=2022, amount=Decimal("1000000.00"))
    ExpenseFactory(agreement=agreement, amount=Decimal("0.10"), description="Hemlig")
    ExpenseFactory(agreement=agreement, amount=Decimal("0.20"))
    ExpenseFactory(
        agreement=agreement, amount=Decimal("696000"), category=ExpenseCategory.PERSONNEL
    )
    ExpenseFactory(agreement=agreement, amount=Decimal("5"), spent_on=datetime.date(2023, 1, 2))
    response = client.get(f"{API}/budget/malmoandan/2022")
    assert response.status_code == 200
    data = response.json()
    assert data["total_grants"] == "1000000.00"
    assert data["total_spent"] == "696000.30"
    assert data["balance"] == "303999.70"
    sums = {c["category"]: c["amount"] for c in data["categories"]}
    assert sums["activities"] == "0.30"
    assert sums["other"] == "0.00"
    assert data["grants"][0]["amount"] == "1000000.00"
    assert "Hemlig" not in response.content.decode()
    assert client.get(f"{API}/budget/finns-inte/2022").status_code == 404
    assert client.get(f"{API}/budget/malmoandan/1800").status_code == 404


def test_openapi_schema_lists_the_funding_paths(client, db):
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    for path in [
        "/api/v1/funding-calls",
        "/api/v1/funding-calls/{slug}",
        "/api/v1/funders",
        "/api/v1/budget/{agreement}/{year}",
    ]:
        assert path in paths
