"""The register's search on the demo data: people need not guess a word's inflection.
Runs on SQLite and, with DATABASE_URL set, on PostgreSQL, on the demo loaded once per test process
(`shared_demo`)."""

import pytest

from samverkan.actors.selectors import RegisterFilters, search_register


def found(q: str, **filters) -> set[str]:
    return {o.name for o in search_register(RegisterFilters(q=q, **filters))}


@pytest.mark.django_db
def test_ungdom_unga_and_ungdomar_find_the_same_organisations(shared_demo):
    assert found("ungdom")
    assert found("ungdom") == found("unga") == found("ungdomar")


@pytest.mark.django_db
def test_ungdom_and_unga_find_the_same_organisations_in_rosengard(shared_demo):
    assert found("ungdom", district="rosengard")
    assert found("ungdom", district="rosengard") == found("unga", district="rosengard")


@pytest.mark.django_db
def test_forening_still_finds_the_associations(shared_demo):
    assert "Föreningen Zig Zag" in found("förening")
    assert found("förening") == found("föreningar")


@pytest.mark.django_db
def test_organisations_with_the_word_as_typed_come_before_those_found_through_its_family(
    shared_demo,
):
    ranked = search_register(RegisterFilters(q="ungdom"))
    as_typed = [any(w.startswith("ungdom") for w in o.search_stems.split()) for o in ranked]

    assert True in as_typed and False in as_typed
    assert as_typed == sorted(as_typed, reverse=True)
