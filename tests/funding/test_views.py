"""The pages: the list of calls with its filters, a call's page, following, the coordinators'
forms, the budget pages, and who may see and do what (role × action)."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from samverkan.actors.models import Sector
from samverkan.funding.models import CallFollow, Expense, Funder, FundingCall, Grant
from tests import factories
from tests.areas.factories import PriorityAreaFactory
from tests.funding.factories import (
    CallFactory,
    ExpenseFactory,
    FunderFactory,
    GrantFactory,
    in_days,
)

pytestmark = pytest.mark.django_db

BASE = "/overenskommelser/malmoandan"


@pytest.fixture
def agreement():
    return factories.AgreementFactory(slug="malmoandan")


def user_of(role):
    if role == "anonymous":
        return None
    if role == "member":
        return factories.UserFactory()
    if role == "ombud":
        return factories.representative(factories.OrganisationFactory())
    return factories.coordinator()


def client_of(client, role):
    user = user_of(role)
    if user is not None:
        client.force_login(user)
    return client


def listed(response) -> list[str]:
    return [call.title for call in response.context["page"].object_list]


# ---------------------------------------------------------------------------------------------
# The list
# ---------------------------------------------------------------------------------------------


def test_list_shows_open_calls_soonest_deadline_first(client, agreement):
    CallFactory(title="Löpande", deadline=None)
    CallFactory(title="Snart", deadline=in_days(2))
    CallFactory(title="Senare", deadline=in_days(20), agreement=agreement)
    CallFactory(title="Stängd", opens_on=in_days(-40), deadline=in_days(-1))
    other = factories.AgreementFactory(is_primary=False)
    CallFactory(title="Annan överenskommelse", agreement=other)
    response = client.get(f"{BASE}/finansiering/")
    assert response.status_code == 200
    assert listed(response) == ["Snart", "Senare", "Löpande"]


def test_list_filters(client, agreement):
    lindangen = factories.DistrictFactory(name="Lindängen", slug="lindangen")
    area = PriorityAreaFactory(agreement=agreement, slug="ungas-halsa")
    eu = FunderFactory(kind=Funder.Kind.EU)
    CallFactory(title="EU", funder=eu, deadline=in_days(50))
    CallFactory(title="Kommunal", sector_values=[Sector.MUNICIPALITY], deadline=in_days(5))
    CallFactory(title="Lindängen", districts=[lindangen], deadline=in_days(8))
    CallFactory(title="Hälsa", areas=[area], agreement=agreement, deadline=in_days(9))
    CallFactory(title="Mötesplatser för unga", deadline=in_days(70))
    url = f"{BASE}/finansiering/"
    assert listed(client.get(url, {"funder_kind": "eu"})) == ["EU"]
    assert "Kommunal" not in listed(client.get(url, {"sector": "civil"}))
    # Calls open to every district fit Lindängen too.
    assert listed(client.get(url, {"district": "lindangen"})) == [
        "Kommunal",
        "Lindängen", "Hälsa", "EU", "Mötesplatser för unga",
    ]  # fmt: skip
    assert "Hälsa" in listed(client.get(url, {"area": "ungas-halsa"}))
    assert listed(client.get(url, {"q": "mötesplatser"})) == ["Mötesplatser för unga"]
    before = in_days(6).isoformat()
    assert listed(client.get(url, {"deadline_before": before})) == ["Kommunal"]
    # An unknown value is dropped, not an error.
    assert client.get(url, {"district": "atlantis", "deadline_before": "igår"}).status_code == 200


def test_list_is_paginated(client, agreement):
    CallFactory.create_batch(25)
    first = client.get(f"{BASE}/finansiering/")
    second = client.get(f"{BASE}/finansiering/", {"sida": 2})
    assert len(first.context["page"].object_list) == 20
    assert len(second.context["page"].object_list) == 5


# ---------------------------------------------------------------------------------------------
# A call's page and following
# ---------------------------------------------------------------------------------------------


def test_call_page_explains_eligibility(client, agreement):
    lindangen = factories.DistrictFactory(name="Lindängen", slug="lindangen")
    call = CallFactory(
        sector_values=[Sector.CIVIL_SOCIETY],
        form_values=["association"],
        districts=[lindangen],
        amount_min=Decimal("25000"),
        amount_max=Decimal("300000.50"),
    )
    response = client.get(call.url_in(agreement))
    assert response.status_code == 200
    eligibility = response.context["eligibility"]
    assert eligibility[0].startswith("Öppen för organisationer inom:")
    assert "För verksamhet i: Lindängen." in eligibility
    assert "För arbete inom alla samhällsutmaningar." in eligibility
    assert "25 000 kr – 300 000,50 kr" in response.content.decode()


def test_call_of_another_agreement_is_not_found(client, agreement):
    other = factories.AgreementFactory(slug="lund", is_primary=False)
    call = CallFactory(agreement=other)
    assert client.get(call.url_in(agreement)).status_code == 404
    assert client.get(f"{BASE}/finansiering/finns-inte/").status_code == 404


def test_member_follows_and_unfollows(client, agreement, member):
    call = CallFactory()
    client.force_login(member)
    url = reverse("funding:follow", kwargs={"agreement": "malmoandan", "slug": call.slug})
    response = client.post(url, {"action": "follow"})
    assert response.status_code == 302
    assert CallFollow.objects.filter(call=call, user=member).exists()
    assert client.get(call.url_in(agreement)).context["following"] is True
    client.post(url, {"action": "unfollow"})
    assert not CallFollow.objects.exists()


def test_anonymous_cannot_follow(client, agreement):
    call = CallFactory()
    url = reverse("funding:follow", kwargs={"agreement": "malmoandan", "slug": call.slug})
    response = client.post(url, {"action": "follow"})
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "konto" in response["Location"]
    assert not CallFollow.objects.exists()


def test_following_a_closed_call_is_refused_with_a_message(client, agreement, member):
    call = CallFactory(opens_on=in_days(-30), deadline=in_days(-1), agreement=agreement)
    client.force_login(member)
    url = reverse("funding:follow", kwargs={"agreement": "malmoandan", "slug": call.slug})
    response = client.post(url, {"action": "follow"}, follow=True)
    assert response.status_code == 200
    assert not CallFollow.objects.exists()
    assert any("Utlysningen har stängt" in str(m) for m in response.context["messages"])


# ---------------------------------------------------------------------------------------------
# Permissions: role × action
# ---------------------------------------------------------------------------------------------

MANAGE_PAGES = [
    "/finansiering/ny/",
    "/finansiering/finansiarer/ny/",
    "/budget/2022/bidrag/ny/",
    "/budget/2022/utgifter/ny/",
]


@pytest.mark.parametrize("path", MANAGE_PAGES)
@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 302), ("member", 403), ("ombud", 403), ("coordinator", 200)]
)
def test_who_may_open_the_managing_forms(client, agreement, path, role, status):
    assert client_of(client, role).get(BASE + path).status_code == status


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 302), ("member", 403), ("ombud", 403), ("coordinator", 200)]
)
def test_who_may_edit_a_call(client, agreement, role, status):
    call = CallFactory()
    assert client_of(client, role).get(f"{call.url_in(agreement)}redigera/").status_code == status


@pytest.mark.parametrize(
    ("role", "sees_lines"),
    [("anonymous", False), ("member", False), ("ombud", False), ("coordinator", True)],
)
def test_who_sees_the_expense_lines(client, agreement, role, sees_lines):
    GrantFactory(agreement=agreement)
    ExpenseFactory(agreement=agreement, description="Hemlig rad", amount=Decimal("1234.50"))
    response = client_of(client, role).get(f"{BASE}/budget/2022/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 234,50 kr" in html  # the aggregate is public
    assert ("Hemlig rad" in html) is sees_lines
    assert ('id="expenses"' in html) is sees_lines


@pytest.mark.parametrize("role", ["member", "ombud"])
def test_posting_to_a_managing_form_writes_nothing_without_the_right(client, agreement, role):
    client_of(client, role)
    response = client.post(
        f"{BASE}/budget/2022/utgifter/ny/",
        {"spent_on": "2022-05-01", "category": "other", "description": "X", "amount": "10"},
    )
    assert response.status_code == 403
    assert not Expense.objects.exists()


# ---------------------------------------------------------------------------------------------
# The coordinators' forms
# ---------------------------------------------------------------------------------------------


def test_coordinator_publishes_a_call(client, agreement, coordinator):
    funder = FunderFactory()
    area = PriorityAreaFactory(agreement=agreement)
    client.force_login(coordinator)
    response = client.post(
        f"{BASE}/finansiering/ny/",
        {
            "funder": funder.pk,
            "title": "Stöd till mötesplatser",
            "description": "Pengar till mötesplatser.",
            "sectors": ["civil"],
            "areas": [area.pk],
            "amount_min": "10 000",
            "amount_max": "250 000,50",
            "deadline": in_days(20).isoformat(),
        },
    )
    call = FundingCall.objects.get()
    assert response.status_code == 302
    assert response["Location"] == call.url_in(agreement)
    assert call.agreement == agreement
    assert call.amount_max == Decimal("250000.50")
    assert call.sector_list == ["civil"]
    assert list(call.areas.all()) == [area]


def test_call_form_shows_a_bad_range_at_the_field(client, agreement, coordinator):
    client.force_login(coordinator)
    response = client.post(
        f"{BASE}/finansiering/ny/",
        {
            "funder": FunderFactory().pk,
            "title": "Fel",
            "description": "X",
            "amount_min": "500",
            "amount_max": "100",
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors["amount_max"]
    assert not FundingCall.objects.exists()


def test_coordinator_edits_a_call(client, agreement, coordinator):
    call = CallFactory(agreement=agreement)
    client.force_login(coordinator)
    form = client.get(f"{call.url_in(agreement)}redigera/").context["form"]
    data = {k: v for k, v in form.initial.items() if v not in (None, "", [])}
    data.update(
        funder=call.funder_id,
        title="Nytt namn",
        deadline=in_days(40).isoformat(),
        opens_on=in_days(-30).isoformat(),
        amount_min="10000,00",
        amount_max="100000,00",
    )
    response = client.post(f"{call.url_in(agreement)}redigera/", data)
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.title == "Nytt namn"
    assert call.deadline == in_days(40)


def test_coordinator_enters_a_grant_and_an_expense(client, agreement, coordinator):
    client.force_login(coordinator)
    response = client.post(
        f"{BASE}/budget/2022/bidrag/ny/",
        {"purpose": "Samordning", "recipient_name": "Malmö Ideella", "amount": "1 000 000"},
    )
    assert response.status_code == 302
    grant = Grant.objects.get()
    assert (grant.year, grant.amount) == (2022, Decimal("1000000.00"))
    response = client.post(
        f"{BASE}/budget/2022/utgifter/ny/",
        {
            "spent_on": "2022-10-20",
            "category": "activities",
            "description": "Dialogforum",
            "amount": "12 345,50",
            "grant": grant.pk,
        },
    )
    assert response.status_code == 302
    page = client.get(f"{BASE}/budget/2022/")
    assert page.context["account"].balance == Decimal("987654.50")
    assert "987 654,50 kr" in page.content.decode()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"spent_on": "2021-12-31", "amount": "10"}, "spent_on"),
        ({"spent_on": "2022-01-01", "amount": "-10"}, "amount"),
        ({"spent_on": "2022-01-01", "amount": "10,555"}, "amount"),
        ({"spent_on": "2022-01-01", "amount": "0"}, "amount"),
    ],
)
def test_expense_form_refuses_bad_input(client, agreement, coordinator, data, field):
    client.force_login(coordinator)
    response = client.post(
        f"{BASE}/budget/2022/utgifter/ny/",
        {"category": "other", "description": "X", **data},
    )
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not Expense.objects.exists()


def test_budget_pages(client, agreement):
    GrantFactory(agreement=agreement, year=2021)
    ExpenseFactory(agreement=agreement, spent_on=datetime.date(2021, 2, 1))
    response = client.get(f"{BASE}/budget/")
    assert [y.year for y in response.context["years"]] == [2021]
    assert client.get(f"{BASE}/budget/2021/").status_code == 200
    assert client.get(f"{BASE}/budget/2019/").status_code == 404  # nothing entered
    assert client.get(f"{BASE}/budget/1800/").status_code == 404


def test_funders_page(client, agreement):
    funder = FunderFactory(name="Allmänna arvsfonden")
    CallFactory(funder=funder)
    CallFactory(funder=funder, opens_on=in_days(-30), deadline=in_days(-2))
    response = client.get(f"{BASE}/finansiering/finansiarer/")
    assert response.status_code == 200
    [row] = response.context["funders"]
    assert row.open_calls == 1


def test_sitemap_lists_calls_list_open_calls_and_budget_years(client, agreement):
    open_call = CallFactory()
    closed = CallFactory(opens_on=in_days(-30), deadline=in_days(-1))
    GrantFactory(agreement=agreement, year=2022)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"{BASE}/finansiering/</loc>" in xml
    assert f"{open_call.url_in(agreement)}</loc>" in xml
    assert closed.slug not in xml
    assert f"{BASE}/budget/</loc>" in xml
    assert f"{BASE}/budget/2022/</loc>" in xml
