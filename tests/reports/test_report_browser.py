"""A coordinator takes the 2022 report from draft to published in the browser, and the public
then reads it; axe-core runs on every page passed. Elements are found by id, name or address,
never by (translated) text."""

import pytest

from samverkan.reports.models import AnnualReport, ReportStatus
from tests import factories
from tests.browser.support import assert_accessible, follow, log_in, visit
from tests.funding.factories import GrantFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BASE = "/overenskommelser/malmoandan/arsrapporter"


def test_coordinator_takes_the_report_from_draft_to_published(browser, page, live_server):
    agreement = factories.AgreementFactory(slug="malmoandan", name="Överenskommelse Malmöandan")
    GrantFactory(agreement=agreement, year=2022)
    log_in(page, live_server, factories.coordinator())

    visit(page, live_server, f"{BASE}/")
    page.fill("#id_year", "2022")
    follow(page.locator("form[action$='/arsrapporter/ny/'] button[type=submit]"))
    page.wait_for_url(f"**{BASE}/2022/")
    assert_accessible(page)

    follow(page.locator(f"a[href='{BASE}/2022/redigera/']"))
    page.wait_for_url(f"**{BASE}/2022/redigera/")
    assert_accessible(page)
    page.fill("#id_dialogue_forum", "Cirka 120 personer deltog i dialogforumet.")
    follow(page.locator("main form button[type=submit]").first)
    page.wait_for_url(f"**{BASE}/2022/")
    assert "Cirka 120 personer deltog" in page.locator("#dialogue_forum").inner_text()

    follow(page.locator(f"form[action='{BASE}/2022/godkann/'] button"))
    page.wait_for_url(f"**{BASE}/2022/")
    follow(page.locator(f"a[href='{BASE}/2022/publicera/']"))
    page.wait_for_url(f"**{BASE}/2022/publicera/")
    assert_accessible(page)
    follow(page.locator("main form button.danger"))
    page.wait_for_url(f"**{BASE}/2022/")
    assert AnnualReport.objects.get().status == ReportStatus.PUBLISHED

    page.context.clear_cookies()
    visit(page, live_server, f"{BASE}/2022/")
    assert page.locator("#economy [data-figure='economy.grants']").count() == 1
    assert "Cirka 120 personer deltog" in page.locator("#dialogue_forum").inner_text()
    visit(page, live_server, f"{BASE}/")
    assert page.locator("#reports [data-year='2022']").count() == 1
