"""Every parameter of the API that takes a date or a whole number, sent a value at the edge
(year 1, year 9999, past 32 and 64 bits, -1), answers in the API's JSON shape with a 4xx or a
200, never a server error. The parameters are read from the API's own OpenAPI schema, so a new
one is covered the day it is added (schemathesis, in test_api_fuzz.py, seldom reaches these
edges at random)."""

import re

import pytest
from django.test import Client

from samverkan.api.urls import api

pytestmark = pytest.mark.django_db

EDGES = {
    "date": ["0001-01-01", "9999-12-31", "1899-12-31", "2201-01-01"],
    "integer": ["2147483648", "99999999999999999999", "9223372036854775808", "-1", "0"],
}


def _kind(schema: dict) -> str | None:
    options = schema.get("anyOf", [schema])
    for option in options:
        if option.get("format") == "date":
            return "date"
        if option.get("type") == "integer":
            return "integer"
    return None


def operations():
    schema = api.get_openapi_schema()
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield method, path, operation.get("parameters", [])


def _path_values(world) -> dict[str, str]:
    return {
        "venue": world.venue.slug,
        "room": world.room.slug,
        "agreement": world.agreement.slug,
        "slug": world.venue.slug,  # /venues/{slug}/figures; elsewhere a 404 is an answer too
        "year": str(world.year),
        "pk": str(world.need.pk),
        "meeting_id": str(world.meeting.pk),
        "ref": "x",
    }


def test_no_date_or_number_at_the_edge_is_a_server_error_in_the_api(world):
    client = Client(raise_request_exception=False)
    values = _path_values(world)
    failures, sent = [], 0
    for method, path, parameters in operations():
        address = re.sub(r"\{(\w+)\}", lambda m: values[m[1]], path)
        for parameter in parameters:
            kind = _kind(parameter.get("schema", {}))
            if kind is None:
                continue
            for value in EDGES[kind]:
                if parameter["in"] == "path":
                    url, query = path.replace("{" + parameter["name"] + "}", value), {}
                    url = re.sub(r"\{(\w+)\}", lambda m: values[m[1]], url)
                else:
                    url, query = address, {parameter["name"]: value}
                response = getattr(client, method)(url, query)
                sent += 1
                json = response["Content-Type"].startswith("application/json")
                if response.status_code >= 500 or not json:
                    failures.append(f"{url} {query}: {response.status_code}")
    assert sent > 50  # the schema was read
    assert not failures, "\n".join(failures)
