"""The funding demo: loads twice without creating anything new, always has open calls and one
with its deadline in ten days, and the 2022 account adds up to the city board's grant."""

from decimal import Decimal

import pytest

from samverkan.funding import demo, selectors
from samverkan.funding.models import FundingCall
from tests import factories
from tests.funding.factories import in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement():
    agreement = factories.AgreementFactory(slug="malmoandan")
    factories.OrganisationFactory(name="Malmö Ideella", slug="malmo-ideella")
    factories.administration(name="Stadskontoret", slug="stadskontoret")
    factories.DistrictFactory(name="Lindängen", slug="lindangen")
    return agreement


def test_demo_loads_twice_without_duplicates(agreement):
    first = demo.load()
    assert first["funders"]["created"] >= 10
    assert first["funding_calls"]["created"] >= 20
    assert first["grants"]["created"] == 8
    assert first["expenses"]["created"] > 150
    second = demo.load()
    for key, tally in second.items():
        assert tally["created"] == 0, key
        assert tally["existing"] == first[key]["created"], key


def test_demo_has_open_calls_and_one_due_in_ten_days(agreement):
    demo.load()
    open_calls = FundingCall.objects.open()
    assert open_calls.count() >= 15
    assert open_calls.filter(deadline=in_days(10)).exists()
    assert FundingCall.objects.exclude(pk__in=open_calls.values("pk")).exists()  # closed/later


def test_demo_budget_follows_the_seeds(agreement):
    demo.load()
    for year in range(2020, 2027):
        account = selectors.economic_account(agreement, year)
        expected = Decimal("1100000.00") if year == 2020 else Decimal("1000000.00")
        assert account.total_grants == expected, year
    account_2022 = selectors.economic_account(agreement, 2022)
    assert account_2022.total_spent == Decimal("1000000.00")
    assert account_2022.balance == Decimal("0.00")
    assert {g.recipient_label for g in account_2022.grants} == {"Malmö Ideella"}
    competence = next(
        c for c in selectors.economic_account(agreement, 2020).categories
        if c.category == "competence"
    )  # fmt: skip
    assert competence.amount == Decimal("93500.00")


def test_demo_without_the_agreement_loads_nothing(db):
    counts = demo.load()
    assert all(t == {"created": 0, "existing": 0} for t in counts.values())
