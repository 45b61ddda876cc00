"""The public API answers everyone alike, so the page cache serves its lists to a logged-in
person's browser too (core/cache.py, SAME_FOR_EVERYONE); that holds only while no API view
reads the person."""

from pathlib import Path

import pytest

import samverkan
from samverkan.core.cache import HIT_HEADER
from tests import factories

SOURCE = Path(samverkan.__file__).parent
PERSONAL = ("request.user", "request.session", "request.auth", "request.COOKIES")


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


def test_no_api_view_reads_the_person():
    modules = [*SOURCE.glob("*/api.py"), *SOURCE.glob("api/*.py")]
    assert modules
    for module in modules:
        text = module.read_text()
        assert not [word for word in PERSONAL if word in text], module


@pytest.mark.django_db
def test_a_logged_in_person_is_served_the_cached_api_list(client, member):
    factories.OrganisationFactory(name="Föreningen Zig Zag")
    anonymous = client.get("/api/v1/organisations")
    assert anonymous[HIT_HEADER] == "miss"
    client.force_login(member)

    logged_in = client.get("/api/v1/organisations")

    assert logged_in[HIT_HEADER] == "hit"
    assert logged_in.content == anonymous.content


@pytest.mark.django_db
def test_a_request_with_credentials_is_not_served_from_the_cache(client):
    client.get("/api/v1/organisations")
    response = client.get("/api/v1/organisations", HTTP_AUTHORIZATION="Bearer x")
    assert HIT_HEADER not in response
