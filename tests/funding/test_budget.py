"""The agreement's budget: exact amounts, the rules of entering them, the economic account."""

import datetime
from decimal import Decimal

import pytest

from samverkan.core.exceptions import ApplicationError, ConflictError, PermissionDeniedError
from samverkan.core.permissions import SYSTEM
from samverkan.funding import selectors, services
from samverkan.funding.models import Expense, ExpenseCategory, Grant
from tests import factories
from tests.funding.factories import ExpenseFactory, GrantFactory

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def agreement():
    return factories.AgreementFactory(slug="malmoandan")


def expense(agreement, by, amount, *, category=ExpenseCategory.ACTIVITIES, day=None, grant=None):
    return services.record_expense(
        agreement=agreement,
        by=by,
        year=2022,
        spent_on=day or datetime.date(2022, 5, 1),
        category=category,
        description="Fika",
        amount=amount,
        grant=grant,
    )


def test_tenths_add_up_exactly(agreement, coordinator):
    expense(agreement, coordinator, D("0.10"))
    expense(agreement, coordinator, D("0.20"))
    account = selectors.economic_account(agreement, 2022)
    assert account.total_spent == D("0.30")
    assert isinstance(account.total_spent, Decimal)
    assert account.balance == D("-0.30")


def test_many_small_amounts_sum_to_the_ore(agreement):
    ExpenseFactory.create_batch(
        30, agreement=agreement, amount=D("0.10"), category=ExpenseCategory.COMMUNICATION
    )
    ExpenseFactory(agreement=agreement, amount=D("12345.67"), category=ExpenseCategory.OTHER)
    account = selectors.economic_account(agreement, 2022)
    sums = {c.category: c.amount for c in account.categories}
    assert sums["communication"] == D("3.00")
    assert sums["other"] == D("12345.67")
    assert account.total_spent == D("12348.67")
    assert account.expense_count == 31


def test_economic_account_sums_grants_categories_and_balance(agreement):
    GrantFactory(agreement=agreement, year=2022, amount=D("1000000.00"))
    GrantFactory(agreement=agreement, year=2022, amount=D("100000.00"), purpose="Kompetens")
    GrantFactory(agreement=agreement, year=2021, amount=D("999.00"))
    ExpenseFactory(agreement=agreement, amount=D("696000"), category=ExpenseCategory.PERSONNEL)
    ExpenseFactory(agreement=agreement, amount=D("48000"), category=ExpenseCategory.PREMISES)
    ExpenseFactory(agreement=agreement, amount=D("12500.50"), category=ExpenseCategory.COMPETENCE)
    ExpenseFactory(agreement=agreement, amount=D("500"), spent_on=datetime.date(2023, 1, 1))
    account = selectors.economic_account(agreement, 2022)
    assert account.total_grants == D("1100000.00")
    assert [c.category for c in account.categories] == list(ExpenseCategory.values)
    sums = {c.category: c.amount for c in account.categories}
    assert sums == {
        "personnel": D("696000.00"),
        "premises": D("48000.00"),
        "activities": D("0.00"),
        "communication": D("0.00"),
        "competence": D("12500.50"),
        "other": D("0.00"),
    }
    assert account.total_spent == D("756500.50")
    assert account.balance == D("343499.50")


def test_balance_is_not_carried_over(agreement):
    GrantFactory(agreement=agreement, year=2021, amount=D("1000"))
    GrantFactory(agreement=agreement, year=2022, amount=D("1000"))
    ExpenseFactory(agreement=agreement, amount=D("400"), spent_on=datetime.date(2021, 3, 1))
    assert selectors.economic_account(agreement, 2021).balance == D("600.00")
    assert selectors.economic_account(agreement, 2022).balance == D("1000.00")
    years = selectors.budget_years(agreement)
    assert [(y.year, y.total_grants, y.total_spent, y.balance) for y in years] == [
        (2022, D("1000.00"), D("0.00"), D("1000.00")),
        (2021, D("1000.00"), D("400.00"), D("600.00")),
    ]


def test_other_agreements_budget_is_not_counted(agreement):
    other = factories.AgreementFactory(slug="lund", is_primary=False)
    GrantFactory(agreement=other, year=2022)
    ExpenseFactory(agreement=other)
    account = selectors.economic_account(agreement, 2022)
    assert account.total_grants == D("0.00")
    assert account.total_spent == D("0.00")
    assert account.is_empty


def test_coordinator_records_a_grant(agreement, coordinator):
    org = factories.OrganisationFactory(name="Malmö Ideella")
    grant = services.record_grant(
        agreement=agreement, by=coordinator, year=2024, purpose="Samordning",
        amount="1000000", recipient=org,
    )  # fmt: skip
    grant.refresh_from_db()
    assert grant.amount == D("1000000.00")
    assert grant.recipient_label == "Malmö Ideella"


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (D("0"), "större än noll"),
        (D("-5"), "större än noll"),
        (D("10.005"), "högst två decimaler"),
        ("tio kronor", "belopp i kronor"),
        (0.1, "exakta"),
        (D("1e20"), "för stort"),
    ],
)
def test_bad_amounts_are_refused_and_nothing_is_written(agreement, coordinator, amount, message):
    with pytest.raises(ApplicationError) as error:
        expense(agreement, coordinator, amount)
    assert message in str(error.value.message)
    assert error.value.field == "amount"
    assert not Expense.objects.exists()


def test_expense_date_must_be_within_the_year(agreement, coordinator):
    with pytest.raises(ApplicationError) as error:
        expense(agreement, coordinator, D("10"), day=datetime.date(2023, 1, 1))
    assert error.value.field == "spent_on"
    assert not Expense.objects.exists()


def test_expense_grant_must_be_of_the_same_agreement_and_year(agreement, coordinator):
    grant_2021 = GrantFactory(agreement=agreement, year=2021)
    with pytest.raises(ConflictError):
        expense(agreement, coordinator, D("10"), grant=grant_2021)
    grant_2022 = GrantFactory(agreement=agreement, year=2022)
    assert expense(agreement, coordinator, D("10"), grant=grant_2022).grant == grant_2022


@pytest.mark.parametrize("role", ["member", "representative"])
def test_only_coordinators_enter_the_budget(agreement, role):
    user = (
        factories.UserFactory()
        if role == "member"
        else factories.representative(factories.OrganisationFactory())
    )
    with pytest.raises(PermissionDeniedError):
        expense(agreement, user, D("10"))
    with pytest.raises(PermissionDeniedError):
        services.record_grant(
            agreement=agreement, by=user, year=2022, purpose="X", amount=D("1"),
            recipient_name="Y",
        )  # fmt: skip
    assert not Expense.objects.exists()
    assert not Grant.objects.exists()


def test_the_platform_enters_the_budget_as_system_never_as_none(agreement):
    entry = expense(agreement, SYSTEM, D("10"))

    assert entry.created_by is None
    with pytest.raises(TypeError):
        expense(agreement, None, D("10"))
    with pytest.raises(TypeError):
        services.create_funder(by=None, name="Glömd", kind="foundation")
    assert Expense.objects.count() == 1


def test_database_refuses_a_negative_amount(agreement):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Expense.objects.create(
            agreement=agreement,
            spent_on=datetime.date(2022, 1, 1),
            category="other",
            description="Fel",
            amount=D("-1"),
        )


def test_no_float_in_the_account(agreement):
    GrantFactory(agreement=agreement, amount=D("1000000"))
    ExpenseFactory(agreement=agreement, amount=D("0.10"))
    account = selectors.economic_account(agreement, 2022)
    values = [account.total_grants, account.total_spent, account.balance]
    values += [c.amount for c in account.categories] + [g.amount for g in account.grants]
    assert all(type(v) is Decimal for v in values)
