"""The annual report as a standalone HTML file, and who may download the report's files."""

from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from samverkan.reports.export_html import figure_change, render_report_html
from tests import factories
from tests.reports.sample_snapshot import TEXTS_2022, all_charts, sample_snapshot, stored_report


def sv(message: str) -> str:
    with translation.override("sv"):
        return gettext(message)


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.styled: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "style" in attrs:
            self.styled.append(tag)


@pytest.fixture(scope="module")
def document() -> str:
    with translation.override("sv"):
        return render_report_html(sample_snapshot(), TEXTS_2022, status="approved")


def test_file_is_a_whole_document_in_swedish(document):
    assert document.startswith("<!DOCTYPE html>")
    assert '<html lang="sv">' in document
    assert '<meta charset="utf-8">' in document


def test_file_has_every_section_with_its_text_and_figures(document):
    for section in sample_snapshot()["sections"]:
        assert section["title"] in document
        for figure in section["figures"]:
            assert figure["label"] in document
    assert "<p>Samordnarna är adjungerade i styrgruppen.</p>" in document


def test_contents_link_to_every_section(document):
    parser = Links()
    parser.feed(document)
    anchors = [href[1:] for href in parser.hrefs if href.startswith("#")]
    assert len(anchors) == len(sample_snapshot()["sections"])
    assert set(anchors) <= parser.ids


def test_figures_link_to_their_records_on_the_site(document):
    parser = Links()
    parser.feed(document)
    assert f"{settings.SITE_URL}/overenskommelser/malmoandan/organ/styrgruppen/#moten" in (
        parser.hrefs
    )


def test_charts_are_inline_svg_with_their_figures_as_a_table(document):
    for chart in all_charts(sample_snapshot()):
        assert chart["title"] in document
    assert document.count('role="img"') == len(all_charts(sample_snapshot()))
    assert sv("The chart's figures as a table") in document


def test_file_shows_read_date_and_that_it_is_not_published(document):
    assert '<time datetime="2023-03-16T09:30:00+01:00">16 mars 2023, 09:30</time>' in document
    assert sv("Not published: the figures and texts may still change.") in document


def test_file_has_no_inline_style_attributes_and_no_scripts(document):
    parser = Links()
    parser.feed(document)
    assert parser.styled == []
    assert "<script" not in document


def test_texts_written_by_people_are_escaped():
    with translation.override("sv"):
        document = render_report_html(
            sample_snapshot(), {"economy": "<script>alert(1)</script>"}, status="draft"
        )
    assert "<script>alert(1)</script>" not in document
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document


@pytest.mark.parametrize(
    ("figure", "change"),
    [
        ({"value": 4, "previous": 3, "unit": "st"}, "+1 (+33\u00a0%)"),
        ({"value": 2, "previous": 3, "unit": "st"}, "−1 (−33\u00a0%)"),
        ({"value": 5, "previous": 5, "unit": "st"}, "±0"),
        ({"value": 5, "previous": None, "unit": "st"}, "–"),
        ({"value": 12_550, "previous": -4_200, "unit": "kr"}, "+16\u00a0750\u00a0kr (+399\u00a0%)"),
        ({"value": 3, "previous": 0, "unit": "st"}, "+3"),
    ],
)
def test_change_from_the_previous_year(figure, change):
    assert figure_change(figure) == change


def test_change_of_a_share_is_in_percentage_points():
    assert figure_change({"value": 71.5, "previous": 70.0, "unit": "%"}) == "+1,5 " + gettext(
        "percentage points"
    )


# Who may download: role × status -> found or not (404 hides a report that is not published).
ROLES = ["visitor", "member", "coordinator", "administrator"]
EXPECTED = {("published", role): 200 for role in ROLES} | {
    (status, role): 200 if role in {"coordinator", "administrator"} else 404
    for status in ("draft", "approved")
    for role in ROLES
}


def person(role):
    return {
        "visitor": AnonymousUser,
        "member": factories.UserFactory,
        "coordinator": factories.coordinator,
        "administrator": factories.administrator,
    }[role]()


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "role"), sorted(EXPECTED))
def test_who_may_download_the_html_file_and_spreadsheet(client, status, role):
    stored_report(status)
    user = person(role)
    if user.is_authenticated:
        client.force_login(user)
    for name in ("reports:html", "reports:xlsx"):
        response = client.get(reverse(name, args=["malmoandan", 2022]))
        assert response.status_code == EXPECTED[(status, role)], name


@pytest.mark.django_db
def test_html_download_is_an_attachment_of_the_stored_report(client):
    stored_report("published")
    response = client.get(reverse("reports:html", args=["malmoandan", 2022]))
    assert (
        response["Content-Disposition"] == 'attachment; filename="arsrapport-malmoandan-2022.html"'
    )
    assert response["Content-Type"] == "text/html; charset=utf-8"
    body = response.content.decode()
    assert "Styrgruppen" in body
    assert sv("Not published: the figures and texts may still change.") not in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    [
        ("nowhere", 2022),  # no such agreement
        ("malmoandan", 2019),  # no report for the year
    ],
)
def test_downloads_of_a_missing_report_are_not_found(client, coordinator, address):
    stored_report("published")
    client.force_login(coordinator)
    for name in ("reports:html", "reports:xlsx", "reports:pdf", "reports:memo_pdf"):
        assert client.get(reverse(name, args=address)).status_code == 404


@pytest.mark.django_db
def test_downloads_refuse_anything_but_get(client, coordinator):
    stored_report("published")
    client.force_login(coordinator)
    response = client.post(reverse("reports:html", args=["malmoandan", 2022]))
    assert response.status_code == 405


@pytest.mark.django_db
def test_a_published_reports_file_is_rendered_once(client, monkeypatch):
    from samverkan.reports.views import exports

    stored_report("published")
    calls = []
    real = exports.render_report_xlsx
    monkeypatch.setattr(exports, "render_report_xlsx", lambda r: calls.append(r) or real(r))
    first = client.get(reverse("reports:xlsx", args=["malmoandan", 2022]))
    second = client.get(reverse("reports:xlsx", args=["malmoandan", 2022]))
    assert first.content == second.content
    assert len(calls) == 1


@pytest.mark.django_db
def test_a_drafts_file_is_rendered_anew_after_its_texts_change(client, coordinator):
    report = stored_report("draft")
    client.force_login(coordinator)
    address = reverse("reports:html", args=["malmoandan", 2022])
    assert "Ny text om styrgruppen" not in client.get(address).content.decode()
    report.texts = {**report.texts, "steering_group": "Ny text om styrgruppen."}
    report.save()
    assert "Ny text om styrgruppen" in client.get(address).content.decode()
