"""/api/ lists every operation of the API at an address that works when copied, in Swedish."""

import re

import pytest
from django.urls import reverse

from samverkan.api.urls import api
from samverkan.api.views import endpoint_list

pytestmark = pytest.mark.django_db

PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Values the demo data has for parameters that no list names (the demo's agreement and a year
# with published figures).
KNOWN = {"agreement": "malmoandan", "year": "2022"}
# A parameter that names an item's number instead of its slug.
NUMBERS = {"meeting_id", "ref", "pk"}


def listed_addresses() -> list[str]:
    return [endpoint["path"] for endpoint in endpoint_list(api.get_openapi_schema())]


def items_of(client, path: str) -> list[dict]:
    body = client.get(path).json()
    return body["items"] if isinstance(body, dict) else body


def real_address(client, address: str) -> str:
    """`address` with each {parameter} replaced by the value of a real item of the demo."""
    names = PLACEHOLDER.findall(address)
    values = dict(KNOWN)
    if {"venue", "room"} <= set(names):
        venue = items_of(client, "/api/v1/venues")[0]
        values.update(venue=venue["slug"], room=venue["rooms"][0]["slug"])
    elif set(names) - set(KNOWN):
        # The first item of the list of the same kind (itself perhaps with a query parameter).
        prefix = address.split("/{")[0]
        listing = next(a for a in listed_addresses() if a.split("?")[0] == prefix)
        item = items_of(client, real_address(client, listing))[0]
        for name in set(names) - set(KNOWN):
            values[name] = item["id"] if name in NUMBERS else item[name]
    return PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), address)


def test_the_api_page_gives_each_address_once_prefixed(client):
    page = client.get(reverse("api-info")).content.decode()

    assert "<code>/api/v1/organisations</code>" in page
    assert "/api/v1/api/v1" not in page


def test_the_api_page_describes_the_endpoints_in_swedish(client):
    page = client.get(reverse("api-info")).content.decode()

    assert "Organisationer i det öppna registret, sökbara och filtrerbara" in page


def test_the_api_page_describes_the_endpoints_in_english_in_english_mode(client):
    client.cookies["django_language"] = "en"

    page = client.get(reverse("api-info")).content.decode()

    assert "Organisations in the public register, searchable and filterable" in page


def test_an_address_that_needs_a_query_parameter_shows_it():
    assert "/api/v1/collaborations?agreement={agreement}" in listed_addresses()


def test_the_openapi_description_names_what_the_api_offers_today():
    description = api.get_openapi_schema()["info"]["description"]

    for offer in ("föreningsregistret", "evenemang", "utlysningar", "behov och erbjudanden"):
        assert offer in description


def test_every_listed_address_answers_200_with_real_identifiers(client, shared_demo):
    answers = {address: real_address(client, address) for address in listed_addresses()}
    failing = {
        address: (url, status)
        for address, url in answers.items()
        if (status := client.get(url).status_code) != 200
    }

    assert len(answers) >= 30
    assert failing == {}
