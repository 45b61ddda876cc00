"""The annual report read in English: the snapshot is stored in Swedish (the agreement's
record), and the page translates its headings, labels, captions and summaries back at display
time; numbers are grouped one way, the reader's."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from samverkan.core.permissions import SYSTEM
from samverkan.reports import services
from samverkan.reports.localise import translate_stored, with_readable_dates
from samverkan.reports.models import ChannelFigure
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client):
    agreement = factories.AgreementFactory(slug="malmoandan", name="Malmöandan")
    ChannelFigure.objects.create(
        agreement=agreement, year=2022, channel="Nyhetsbrev", measure="Prenumeranter", value=28418
    )
    report = services.create_report(agreement=agreement, year=2022, by=SYSTEM)
    report = services.publish(report=services.approve(report=report, by=SYSTEM), by=SYSTEM)
    client.cookies["django_language"] = "en"
    url = reverse("reports:detail", kwargs={"agreement": "malmoandan", "year": 2022})
    html = client.get(url).content.decode()
    html = re.sub(r'<div class="prose">.*?</div>', " ", html, flags=re.DOTALL)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_snapshot_is_stored_in_swedish():
    agreement = factories.AgreementFactory()
    report = services.create_report(agreement=agreement, year=2022, by=SYSTEM)
    assert report.snapshot["sections"][0]["title"] == "Styrgruppen"


@pytest.mark.parametrize(
    "heading", ["The steering group", "Learning and knowledge", "Economic account"]
)
def test_section_headings_are_in_english(page, heading):
    assert heading in page


@pytest.mark.parametrize(
    "swedish", ["Styrgruppen", "Lärande och kunskap", "Ekonomisk redovisning", "Ledamöter med"]
)
def test_no_swedish_heading_or_label_is_left(page, swedish):
    assert swedish not in page


def test_the_summary_sentences_are_in_english(page):
    assert "0 collaborations ran in 2022, 0 of them new" in page


def test_numbers_are_grouped_the_english_way(page):
    assert "Nyhetsbrev: Prenumeranter 28,418" in page


def test_numbers_inside_a_stored_sentence_are_grouped_the_english_way_too(page):
    assert "Nyhetsbrev 28,418" in page
    assert "28\u00a0418" not in page


def test_a_stored_iso_date_reads_as_swedish_writes_it():
    with translation.override("sv"):
        assert with_readable_dates("Styrgruppen 2022-03-16, § 4") == "Styrgruppen 16 mar 2022, § 4"


def test_a_stored_iso_date_reads_as_english_writes_it():
    with translation.override("en"):
        assert with_readable_dates("2022-03-16") == "16 Mar 2022"


def test_a_name_with_och_is_not_half_translated():
    with translation.override("en"):
        assert translate_stored("Ungas hälsa och livsstil") == "Ungas hälsa och livsstil"


def test_a_shared_swedish_word_is_said_as_the_report_means_it():
    with translation.override("en"):
        assert translate_stored("Besökare") == "Visitors"


def test_a_label_before_a_long_stored_value_is_translated():
    theme = "Ungas situation på arbetsmarknaden och ungas psykiska och fysiska hälsa"
    with translation.override("en"):
        assert translate_stored(f"Tema: {theme}.") == f"Theme: {theme}."


def test_a_name_before_a_catalogue_text_keeps_the_name_and_translates_the_rest():
    stored = "Samarbetsplan 2021–2026: 9 av 14 aktiviteter påbörjade; 4 klara."
    with translation.override("en"):
        assert translate_stored(stored) == (
            "Samarbetsplan 2021–2026: 9 of 14 activities started; 4 done."
        )
