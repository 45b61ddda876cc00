"""The coordinators' list of unmatched postings: a date reads "8 dec 2026" (lower-case month,
one format for every list), and the column of titles is "Rubrik", not "Annons"."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.matching.models import Posting
from tests import factories
from tests.matching.factories import NEED, association, posting

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client, agreement):
    created = posting(agreement, association(), NEED, "Ledare till läxhjälpen")
    day = timezone.make_aware(datetime.datetime(timezone.localdate().year, 12, 8, 10))
    Posting.objects.filter(pk=created.pk).update(created_at=day)
    client.force_login(factories.coordinator())
    html = client.get(reverse("matching:unmatched", kwargs={"agreement": agreement.slug}))
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.content.decode()))


def test_unmatched_list_writes_the_date_as_swedish_does(page):
    year = timezone.localdate().year
    assert f"8 dec {year}" in page
    assert f"{year}-12-08" not in page


def test_unmatched_list_heads_the_title_column_rubrik(page):
    assert "Rubrik" in page
    assert "Annons" not in page
