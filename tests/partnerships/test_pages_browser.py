"""Browser walk through the mapping's pages, public and the parties', with axe-core on each.
Elements are found by id, name or address, never by (translated) text."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from samverkan.partnerships.models import Collaboration
from tests import factories
from tests.areas.factories import PriorityAreaFactory
from tests.browser.support import assert_accessible, follow, log_in, visit
from tests.partnerships.factories import CollaborationFactory, IopAgreementFactory, confirm_all

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BASE = "/overenskommelser/malmoandan/samarbeten"
D = datetime.date


@pytest.fixture
def demo(db):
    agreement = factories.AgreementFactory(slug="malmoandan", name="Överenskommelse Malmöandan")
    area = PriorityAreaFactory(
        agreement=agreement, title="Ungas hälsa och livsstil", slug="ungas-halsa-och-livsstil"
    )
    district = factories.DistrictFactory(name="Herrgården", slug="herrgarden")
    civil = factories.OrganisationFactory(name="Rädda Barnen Malmö", slug="radda-barnen-malmo")
    city = factories.administration(name="Stadskontoret", slug="stadskontoret")
    herrgarden = CollaborationFactory(
        agreement=agreement,
        title="Kraftsamling Herrgården",
        slug="kraftsamling-herrgarden",
        kind=Collaboration.Kind.IOP,
        starts_on=D(2021, 3, 1),
        mapping_year=2021,
        results="Fler barn deltar i fritidsaktiviteter.",
        parties=[(civil, "lead"), (city, "partner")],
    )
    herrgarden.areas.add(area)
    herrgarden.districts.add(district)
    iop = IopAgreementFactory(collaboration=herrgarden, value=Decimal("3600000"))
    confirm_all(iop, by=factories.coordinator())
    iop.signed_on = D(2021, 2, 22)
    iop.save()
    CollaborationFactory(
        agreement=agreement,
        title="Malmö Tillsammans",
        slug="malmo-tillsammans",
        status="ended",
        starts_on=None,
        ends_on=D(2023, 4, 30),
        mapping_year=2022,
        parties=[(factories.OrganisationFactory(name="Malmö ideella"), "lead"), (city, "partner")],
    )
    lindangen = CollaborationFactory(
        agreement=agreement,
        title="Jämlik hälsa på Lindängen",
        slug="jamlik-halsa-pa-lindangen",
        kind=Collaboration.Kind.IOP,
        status="planned",
        parties=[(factories.OrganisationFactory(name="Lindängens IF"), "lead"), (city, "partner")],
    )
    IopAgreementFactory(collaboration=lindangen)
    return {"herrgarden": herrgarden, "lindangen": lindangen, "city": city}


def submit(page) -> None:
    follow(page.locator("main form.stack button[type=submit]").first)


def test_public_pages_have_no_axe_violations(page, live_server, demo):
    herrgarden = demo["herrgarden"]

    visit(page, live_server, f"{BASE}/")
    assert page.locator("#collaborations > li").count() == 3
    # Without JavaScript the filter form is a plain GET form.
    page.locator("#id_kind").select_option("iop")
    follow(page.locator("form.filters button[type=submit]"))
    page.wait_for_url("**kind=iop**")
    assert page.locator("#collaborations > li").count() == 2
    assert_accessible(page)

    follow(page.locator(f"#collaborations a[href='{herrgarden.get_absolute_url()}']"))
    page.wait_for_url(f"**{herrgarden.get_absolute_url()}")
    assert_accessible(page)
    assert page.locator("h1").inner_text() == "Kraftsamling Herrgården"
    assert page.locator("#parties a[href='/organisationer/radda-barnen-malmo/']").count() == 1

    visit(page, live_server, f"{herrgarden.get_absolute_url()}iop/")
    assert page.locator("#checklist li").count() == 5
    assert page.locator("#internal-note").count() == 0

    visit(page, live_server, f"{BASE}/statistik/?ar=2022")
    assert page.locator("#by-kind tbody tr").count() == len(Collaboration.Kind.values)


def test_a_city_party_prepares_and_signs_an_iop(page, live_server, demo):
    lindangen = demo["lindangen"]
    log_in(page, live_server, factories.representative(demo["city"]))
    iop_url = f"{lindangen.get_absolute_url()}iop/"

    visit(page, live_server, iop_url)
    assert page.locator("#document-form").count() == 1
    visit(page, live_server, f"{iop_url}underteckna/")
    assert page.locator("#missing-conditions li").count() == 5
    for condition in [
        "utanfor-lou",
        "statsstod",
        "egen-insats",
        "gemensamt-syfte",
        "inte-kop-av-tjanst",
    ]:
        visit(page, live_server, f"{iop_url}villkor/{condition}/")
        page.locator("#id_note").fill("Bedömt med stadens jurist.")
        submit(page)
        page.wait_for_url(f"**{iop_url}")
    assert_accessible(page)
    visit(page, live_server, f"{iop_url}underteckna/")
    assert page.locator("#missing-conditions").count() == 0
    submit(page)
    page.wait_for_url(f"**{iop_url}")
    lindangen.iop.refresh_from_db()
    assert lindangen.iop.signed_on == timezone.localdate()
    assert_accessible(page)


def test_coordinator_forms_have_no_axe_violations(page, live_server, demo):
    log_in(page, live_server, factories.coordinator())
    herrgarden = demo["herrgarden"]

    visit(page, live_server, f"{BASE}/ny/")
    submit(page)  # nothing filled in: errors at the fields and in the summary
    assert page.locator("#error-summary").count() == 1
    assert page.locator("#id_title_error").count() == 1
    assert_accessible(page)
    page.locator("#id_title").fill("Läxhjälp på Herrgården")
    page.locator("#id_lead").select_option(label="Rädda Barnen Malmö")
    submit(page)
    page.wait_for_url(f"**{BASE}/laxhjalp-pa-herrgarden/")
    assert_accessible(page)

    visit(page, live_server, f"{herrgarden.get_absolute_url()}redigera/")
    visit(page, live_server, f"{herrgarden.get_absolute_url()}parter/")
    visit(page, live_server, f"{herrgarden.get_absolute_url()}avsluta/")
    submit(page)
    page.wait_for_url(f"**{herrgarden.get_absolute_url()}")
    herrgarden.refresh_from_db()
    assert herrgarden.status == "ended"
    assert_accessible(page)
    visit(page, live_server, f"{herrgarden.get_absolute_url()}iop/redigera/")
