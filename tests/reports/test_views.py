"""The report's pages: who sees and does what (role × report state), the forms, the
confirmation before publishing, a published page unchanged after the data changes, and the
number of queries of the list and the report page."""

import re

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from samverkan.core.permissions import SYSTEM
from samverkan.reports import services
from samverkan.reports.models import AnnualReport, ChannelFigure, ReportStatus
from tests import factories

pytestmark = pytest.mark.django_db

SLUG = "malmoandan"


@pytest.fixture
def agreement():
    return factories.AgreementFactory(
        slug=SLUG, name="Överenskommelse Malmöandan", is_primary=False
    )


def _report(agreement, status, year=2022):
    report = services.create_report(agreement=agreement, year=year, by=SYSTEM)
    if status != ReportStatus.DRAFT:
        report = services.approve(report=report, by=SYSTEM)
    if status == ReportStatus.PUBLISHED:
        report = services.publish(report=report, by=SYSTEM)
    return report


def url(name, year=2022):
    kwargs = {"agreement": SLUG}
    if name not in ("list", "new"):
        kwargs["year"] = year
    return reverse(f"reports:{name}", kwargs=kwargs)


def client_for(client, role):
    if role == "member":
        client.force_login(factories.UserFactory())
    elif role == "coordinator":
        client.force_login(factories.coordinator())
    return client


@pytest.mark.parametrize(
    ("role", "status", "expected"),
    [
        ("anonymous", ReportStatus.DRAFT, 404),
        ("anonymous", ReportStatus.APPROVED, 404),
        ("anonymous", ReportStatus.PUBLISHED, 200),
        ("member", ReportStatus.DRAFT, 404),
        ("member", ReportStatus.PUBLISHED, 200),
        ("coordinator", ReportStatus.DRAFT, 200),
        ("coordinator", ReportStatus.APPROVED, 200),
        ("coordinator", ReportStatus.PUBLISHED, 200),
    ],
)
def test_who_sees_the_report_page(client, agreement, role, status, expected):
    _report(agreement, status)
    assert client_for(client, role).get(url("detail")).status_code == expected


@pytest.mark.parametrize(
    ("role", "status", "expected"),
    [
        ("member", ReportStatus.DRAFT, 404),
        ("member", ReportStatus.PUBLISHED, 403),
        ("coordinator", ReportStatus.DRAFT, 200),
    ],
)
@pytest.mark.parametrize("page", ["edit", "memo"])
def test_who_opens_the_coordinators_forms(client, agreement, role, status, expected, page):
    _report(agreement, status)
    assert client_for(client, role).get(url(page)).status_code == expected


@pytest.mark.parametrize("action", ["recompile", "approve", "publish", "reopen"])
def test_a_member_cannot_change_a_published_report(client, agreement, action):
    _report(agreement, ReportStatus.PUBLISHED)
    assert client_for(client, "member").post(url(action)).status_code == 403


def test_anonymous_is_sent_to_log_in_before_creating(client, agreement):
    response = client.post(url("new"), {"year": 2022})
    assert response.status_code == 302 and "login" in response["Location"]
    assert not AnnualReport.objects.exists()


def test_list_shows_published_reports_to_everyone_and_all_to_coordinators(client, agreement):
    _report(agreement, ReportStatus.PUBLISHED, 2021)
    _report(agreement, ReportStatus.DRAFT, 2022)
    public = client.get(url("list")).content.decode()
    assert 'data-year="2021"' in public and 'data-year="2022"' not in public
    assert 'name="year"' not in public
    coordinator_page = client_for(client, "coordinator").get(url("list")).content.decode()
    assert 'data-year="2022"' in coordinator_page and 'name="year"' in coordinator_page


def test_coordinator_creates_a_report_and_a_second_one_for_the_year_is_refused(client, agreement):
    client_for(client, "coordinator")
    response = client.post(url("new"), {"year": 2022})
    assert response.status_code == 302 and response["Location"] == url("detail")
    again = client.post(url("new"), {"year": 2022})
    assert again.status_code == 400
    expected = gettext("There is already an annual report for %(year)d.") % {"year": 2022}
    assert expected in again.content.decode()
    assert AnnualReport.objects.count() == 1


def test_coordinator_walks_the_workflow_with_confirmation_before_publishing(client, agreement):
    _report(agreement, ReportStatus.DRAFT)
    client_for(client, "coordinator")
    response = client.post(url("edit"), {"dialogue_forum": "Cirka 120 personer deltog."})
    assert response.status_code == 302
    assert client.post(url("approve")).status_code == 302
    confirmation = client.get(url("publish"))
    assert gettext("A published report can no longer be changed:") in confirmation.content.decode()
    assert AnnualReport.objects.get().status == ReportStatus.APPROVED
    client.post(url("publish"))
    report = AnnualReport.objects.get()
    assert report.status == ReportStatus.PUBLISHED
    assert report.texts["dialogue_forum"] == "Cirka 120 personer deltog."


def test_memo_form_saves_the_coordinators_edits(client, agreement):
    report = _report(agreement, ReportStatus.APPROVED)
    client_for(client, "coordinator")
    data = {**report.memo, "signatories": "Per Persson, avdelningschef"}
    assert client.post(url("memo"), data).status_code == 302
    assert AnnualReport.objects.get().memo["signatories"] == "Per Persson, avdelningschef"
    refused = client.post(url("memo"), {**data, "proposed_decision": ""})
    assert refused.status_code == 400


def _without_nonces(page: str) -> str:
    """The page's main content, without what differs per response (CSP nonce, CSRF token)."""
    main = page[page.index("<main") : page.index("</main>")]
    return re.sub(r'(nonce|value)="[^"]*"', "", main)


def test_published_page_stays_the_same_when_the_data_changes(client, agreement):
    _report(agreement, ReportStatus.PUBLISHED)
    before = _without_nonces(client.get(url("detail")).content.decode())
    ChannelFigure.objects.create(
        agreement=agreement, year=2022, channel="LinkedIn", measure="Följare", value=600
    )
    client_for(client, "coordinator").post(url("recompile"))
    client.logout()
    assert _without_nonces(client.get(url("detail")).content.decode()) == before


def test_report_page_shows_figures_with_links_previous_year_and_the_time_read(client, agreement):
    from tests.funding.factories import GrantFactory

    GrantFactory(agreement=agreement, year=2022)
    GrantFactory(agreement=agreement, year=2021, amount=900000)
    _report(agreement, ReportStatus.PUBLISHED)
    page = client.get(url("detail")).content.decode()
    budget = reverse("funding:budget_year", kwargs={"agreement": SLUG, "year": 2022})
    assert f'<a href="{budget}">' in page
    row = page[page.index('data-figure="economy.grants"') :]
    row = row[: row.index("</tr>")]
    assert "1\xa0000\xa0000" in row and "900\xa0000" in row and "+100\xa0000" in row
    assert 'id="data-read"' in page
    assert 'id="chart-budget_by_category"' in page


def test_report_page_shows_a_charts_figures_once_in_the_sections_table(client, agreement):
    from tests.funding.factories import GrantFactory

    GrantFactory(agreement=agreement, year=2022)
    _report(agreement, ReportStatus.PUBLISHED)
    page = client.get(url("detail")).content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    assert 'id="chart-participants_by_sector"' in main
    # The chart describes itself (its <desc>); its figures are the section's table, not a
    # collapsible copy of the same numbers.
    assert "<details" not in main
    assert 'id="table-dialogue_forumsectors"' in main


@pytest.fixture
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


@pytest.mark.usefixtures("_page_cache_on")
def test_the_report_sections_are_rendered_once_for_every_reader(client, agreement, coordinator):
    _report(agreement, ReportStatus.DRAFT)
    client.force_login(coordinator)
    first = client.get(url("detail"))
    other = factories.coordinator()
    client.force_login(other)

    second = client.get(url("detail"))

    rendered = [t.name for t in second.templates]
    assert "reports/_sections.html" in [t.name for t in first.templates]
    assert "reports/_sections.html" not in rendered
    assert second.content.decode().count('class="report-section"') == first.content.decode().count(
        'class="report-section"'
    )


@pytest.mark.usefixtures("_page_cache_on")
@pytest.mark.django_db(transaction=True)
def test_the_report_sections_show_a_changed_text_at_once(client, coordinator):
    agreement = factories.AgreementFactory(slug=SLUG, is_primary=False)
    report = _report(agreement, ReportStatus.DRAFT)
    client.force_login(coordinator)
    assert "Ny text om styrgruppen" not in client.get(url("detail")).content.decode()
    key = report.snapshot["sections"][0]["key"]
    report.texts = {**(report.texts or {}), key: "Ny text om styrgruppen."}
    report.save()
    assert "Ny text om styrgruppen" in client.get(url("detail")).content.decode()
