"""The figures page in plain Swedish and English: a column counting people is "Anmälda", a day
is "12 maj" (lower-case month) in Swedish and "12 May" in English, numbers grouped per language."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def figures_page(client, event, language="sv"):
    client.cookies["django_language"] = language
    url = reverse(
        "events:figures", kwargs={"agreement": event.agreement.slug, "year": event.starts_at.year}
    )
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", client.get(url).content.decode()))


@pytest.fixture
def may_event():
    year = timezone.localdate().year - 1
    starts = timezone.make_aware(datetime.datetime(year, 5, 12, 18))
    event = EventFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))
    RegistrationFactory(event=event, sector="civil", attended=True)
    return event


def test_figures_column_counting_people_reads_anmalda(client, may_event):
    page = figures_page(client, may_event)

    assert "Anmälda" in page
    assert " Anmäld " not in page


def test_figures_page_writes_the_month_in_lower_case_in_swedish(client, may_event):
    page = figures_page(client, may_event)

    assert "12 maj" in page
    assert "12 Maj" not in page


def test_figures_page_writes_the_month_abbreviated_in_english(client, may_event):
    assert "12 May" in figures_page(client, may_event, "en")
