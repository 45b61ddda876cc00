"""Browser walk through the funding and budget pages with axe-core on each, and a member who
follows a call. Elements are found by id, name or address, never by (translated) text."""

import datetime
from decimal import Decimal

import pytest

from samverkan.actors.models import Sector
from samverkan.funding.models import CallFollow, ExpenseCategory, Funder
from tests import factories
from tests.areas.factories import PriorityAreaFactory
from tests.browser.support import assert_accessible, follow, log_in, visit
from tests.funding.factories import (
    CallFactory,
    ExpenseFactory,
    FunderFactory,
    GrantFactory,
    in_days,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BASE = "/overenskommelser/malmoandan"


@pytest.fixture
def demo(db):
    agreement = factories.AgreementFactory(slug="malmoandan", name="Överenskommelse Malmöandan")
    lindangen = factories.DistrictFactory(name="Lindängen", slug="lindangen")
    area = PriorityAreaFactory(agreement=agreement, title="Ungas hälsa och livsstil")
    city = FunderFactory(name="Malmö stad – Fritidsförvaltningen", kind=Funder.Kind.MUNICIPALITY)
    call = CallFactory(
        funder=city,
        agreement=agreement,
        title="Aktivitetsbidrag",
        slug="aktivitetsbidrag",
        deadline=in_days(10),
        sector_values=[Sector.CIVIL_SOCIETY],
        form_values=["association"],
        areas=[area],
        districts=[lindangen],
        amount_min=None,
        amount_max=Decimal("150000.00"),
    )
    CallFactory(title="Arvsfondens projektstöd", deadline=None)
    GrantFactory(agreement=agreement, year=2022, amount=Decimal("1000000.00"))
    for n, category in enumerate(ExpenseCategory):
        ExpenseFactory(
            agreement=agreement,
            spent_on=datetime.date(2022, n + 1, 10),
            category=category,
            amount=Decimal("12345.50"),
        )
    return {"agreement": agreement, "call": call}


def test_public_pages_have_no_axe_violations(page, live_server, demo):
    call = demo["call"]
    visit(page, live_server, f"{BASE}/finansiering/")
    assert page.locator("#calls > li").count() == 2
    page.locator("#id_district").select_option("lindangen")
    follow(page.locator("form.filters button[type=submit]"))
    page.wait_for_url("**district=lindangen**")
    assert_accessible(page)
    follow(page.locator(f"#calls a[href='{call.url_in(demo['agreement'])}']"))
    page.wait_for_url(f"**{call.url_in(demo['agreement'])}")
    assert page.locator("h1").inner_text() == "Aktivitetsbidrag"
    assert page.locator("#eligibility li").count() == 4
    assert "150 000 kr" in page.locator("#call-amount").inner_text()
    assert_accessible(page)

    visit(page, live_server, f"{BASE}/finansiering/finansiarer/")
    visit(page, live_server, f"{BASE}/budget/")
    visit(page, live_server, f"{BASE}/budget/2022/")
    assert page.locator("#total-grants").inner_text() == "1 000 000 kr"
    assert page.locator("#total-spent").inner_text() == "74 073 kr"
    assert page.locator("#balance").inner_text() == "925 927 kr"
    assert page.locator("#categories tbody tr").count() == 6
    assert page.locator("#expenses").count() == 0


def test_member_follows_a_call(page, live_server, demo):
    member = factories.UserFactory()
    log_in(page, live_server, member)
    call = demo["call"]
    visit(page, live_server, call.url_in(demo["agreement"]))
    follow(page.locator("#follow"))
    page.wait_for_selector("#unfollow")
    assert CallFollow.objects.filter(call=call, user=member).exists()
    assert_accessible(page)
    follow(page.locator("#unfollow"))
    page.wait_for_selector("#follow")
    assert not CallFollow.objects.exists()


def test_coordinator_pages_have_no_axe_violations(page, live_server, demo):
    log_in(page, live_server, factories.coordinator())
    visit(page, live_server, f"{BASE}/budget/2022/")
    assert page.locator("#expenses tbody tr").count() == 6
    visit(page, live_server, f"{BASE}/budget/2022/utgifter/ny/")
    page.locator("#id_spent_on").fill("2023-01-01")
    page.locator("#id_description").fill("Lärandelunch")
    page.locator("#id_amount").fill("1 487,50")
    follow(page.locator("main form.stack button[type=submit]"))
    assert page.locator("#id_spent_on_error").count() == 1
    assert_accessible(page)
    page.locator("#id_spent_on").fill("2022-11-10")
    follow(page.locator("main form.stack button[type=submit]"))
    page.wait_for_url(f"**{BASE}/budget/2022/")
    assert page.locator("#total-spent").inner_text() == "75 560,50 kr"
    assert_accessible(page)
    visit(page, live_server, f"{BASE}/finansiering/ny/")
    visit(page, live_server, f"{demo['call'].url_in(demo['agreement'])}redigera/")
