"""This app's part of the Malmöandan demo: the postings, the Lindängen health dialogue's need
with fitting offers on top, and that a second load creates nothing."""

import pytest
from django.test import Client

from samverkan.areas import demo as areas_demo
from samverkan.demo import loader
from samverkan.matching import demo
from samverkan.matching.index import suggest
from samverkan.matching.models import Match, Posting
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(db):
    loader._load_agreement()
    _tally, districts = loader._load_districts()
    _tally, interest_areas = loader._load_interest_areas()
    loader._load_organisations(districts, interest_areas)
    loader._load_users()
    areas_demo.load()
    return demo.load()


def test_demo_loads_about_forty_postings_across_sectors(loaded):
    assert loaded["postings"]["created"] >= 38
    assert loaded["matches"] == {"created": 2, "existing": 0}
    postings = Posting.objects.filter(is_demo=True)
    assert {p.organisation.sector for p in postings} >= {"civil", "municipal", "academia"}
    assert (
        postings.filter(direction="need").exists() and postings.filter(direction="offer").exists()
    )
    assert not postings.filter(index_length__isnull=True).exists()  # all indexed


def test_a_second_load_creates_nothing(loaded):
    again = demo.load()

    assert again["postings"]["created"] == 0
    assert again["postings"]["existing"] == loaded["postings"]["created"]
    assert again["matches"] == {"created": 0, "existing": 2}
    assert Match.objects.count() == 2


def test_the_lindangen_health_need_finds_the_lindangen_offers_first(loaded):
    need = Posting.objects.get(title=demo.LINDANGEN_NEED_TITLE)
    suggestions = suggest(need, limit=5)
    top = [s.posting.organisation.slug for s in suggestions[:3]]

    assert "lindangens-idrottsforening" in top
    assert "lindangens-foraldraforeningar-i-samverkan" in top
    first = suggestions[0]
    assert first.complementary_sectors
    assert [d.name for d in first.shared_districts] == ["Lindängen"]
    assert first.shared_areas and first.shared_words


def test_a_coordinator_opening_the_lindangen_need_sees_offers_with_reasons(loaded):
    need = Posting.objects.get(title=demo.LINDANGEN_NEED_TITLE)
    client = Client()
    client.force_login(factories.coordinator())

    response = client.get(need.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Motion och promenadgrupper i Lindängen" in html
    assert 'class="shared-words"' in html and 'class="shared-districts"' in html
