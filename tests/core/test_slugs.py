"""Slugs come from one helper (core/slugs.py) on Django's slugify; the demo's addresses are the
same as before it."""

import json
from pathlib import Path

import pytest
from django.apps import apps

from samverkan.actors.models import Organisation
from samverkan.core.slugs import slug_text, unique_slug
from tests import factories

# The demo's slugs as the eight copies of an å/ä/ö table made them (taken before the helper).
DEMO_SLUGS = Path(__file__).parent / "data" / "demo_slugs.json"


def test_swedish_letters_lose_their_marks():
    assert slug_text("Östervärns hyresgästförening i Malmö") == (
        "ostervarns-hyresgastforening-i-malmo"
    )


def test_a_dash_between_years_becomes_a_hyphen():
    assert slug_text("Samarbetsplan 2025–2028") == "samarbetsplan-2025-2028"


def test_a_cut_slug_never_ends_in_a_hyphen_and_an_empty_one_falls_back():
    assert slug_text("Ab cd", max_length=3) == "ab"
    assert slug_text("!!!", fallback="org") == "org"


@pytest.mark.django_db
def test_a_taken_slug_gets_the_next_free_number():
    factories.OrganisationFactory(slug="foreningen-zig-zag")
    factories.OrganisationFactory(slug="foreningen-zig-zag-2")

    assert unique_slug(Organisation, "Föreningen Zig Zag") == "foreningen-zig-zag-3"


def test_a_reserved_word_is_never_a_slug(db):
    assert unique_slug(Organisation, "Ny", reserved=frozenset({"ny"})) == "ny-2"


@pytest.mark.django_db
def test_the_demos_slugs_are_what_they_were(shared_demo):
    expected = json.loads(DEMO_SLUGS.read_text(encoding="utf-8"))
    found = {}
    for label_field in expected:
        label, field = label_field.rsplit(".", 1)
        model = apps.get_model(label)
        found[label_field] = sorted(model._default_manager.values_list(field, flat=True))
    assert found == expected


@pytest.mark.django_db
def test_a_new_funders_address_keeps_the_years_of_its_name_apart():
    from samverkan.funding.models import Funder
    from samverkan.funding.services import create_funder

    funder = create_funder(
        by=factories.coordinator(), name="Stiftelsen Malmö 2025–2026", kind=Funder.Kind.values[0]
    )

    assert funder.slug == "stiftelsen-malmo-2025-2026"
