import json

import pytest
from django.conf import settings

from samverkan.actors.models import LegalForm, Sector
from tests import factories

pytestmark = pytest.mark.django_db

LIST = "/api/v1/organisations"


def org(name, **kwargs):
    kwargs.setdefault("description", "")
    return factories.OrganisationFactory(name=name, **kwargs)


@pytest.fixture
def register(db):
    rosengard = factories.DistrictFactory(name="Rosengård", slug="rosengard")
    sport = factories.InterestAreaFactory(name="Idrott och motion", slug="idrott")
    org("Idrottsföreningen Kroksbäck", interest_areas=[sport])
    org("Rosengårds idrottsförening", districts=[rosengard], interest_areas=[sport])
    org("Schackklubben Springaren", districts=[rosengard])
    org("Fritidsförvaltningen", sector=Sector.MUNICIPALITY, legal_form=LegalForm.ADMINISTRATION)
    org("Hemliga idrottsklubben", is_public=False)


def names(response) -> list[str]:
    return sorted(item["name"] for item in response.json()["items"])


def test_search_returns_items_and_count(client, register):
    response = client.get(LIST, {"q": "idrott"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["count"] == 2
    assert names(response) == ["Idrottsföreningen Kroksbäck", "Rosengårds idrottsförening"]


def test_list_item_has_the_public_fields(client, register):
    item = client.get(LIST, {"q": "rosengårds idrott"}).json()["items"][0]

    assert item["slug"]
    assert item["sector"] == "civil"
    assert item["sector_label"]
    assert item["legal_form"] == "association"
    assert item["legal_form_label"]
    assert item["districts"] == [{"name": "Rosengård", "slug": "rosengard"}]
    assert item["interest_areas"] == [{"name": "Idrott och motion", "slug": "idrott"}]
    assert item["url"] == f"/organisationer/{item['slug']}/"
    assert "search_text" not in item
    assert "is_public" not in item


def test_list_never_shows_non_public_organisations(client, register):
    response = client.get(LIST)

    assert response.json()["count"] == 4
    assert "Hemliga idrottsklubben" not in names(response)


def test_filters_by_sector(client, register):
    response = client.get(LIST, {"sector": "municipal"})

    assert names(response) == ["Fritidsförvaltningen"]


def test_filters_by_district_and_interest_area_with_search(client, register):
    assert names(client.get(LIST, {"district": "rosengard"})) == [
        "Rosengårds idrottsförening",
        "Schackklubben Springaren",
    ]
    assert names(client.get(LIST, {"district": "rosengard", "interest_area": "idrott"})) == [
        "Rosengårds idrottsförening"
    ]
    assert names(client.get(LIST, {"q": "schack", "district": "rosengard"})) == [
        "Schackklubben Springaren"
    ]


def test_unknown_filter_value_finds_nothing(client, register):
    response = client.get(LIST, {"district": "nowhere"})

    assert response.status_code == 200
    assert response.json() == {"items": [], "count": 0}


def test_list_is_paginated(client, db):
    total = settings.REGISTER_PAGE_SIZE + 2
    for n in range(total):
        org(f"Förening {n:03}")

    first = client.get(LIST).json()
    second = client.get(LIST, {"page": 2}).json()

    assert first["count"] == second["count"] == total
    assert len(first["items"]) == settings.REGISTER_PAGE_SIZE
    assert [i["name"] for i in second["items"]] == [
        f"Förening {n:03}" for n in range(settings.REGISTER_PAGE_SIZE, total)
    ]


def test_detail_by_slug(client, register):
    umbrella = org("Malmö idrottsförbund", legal_form=LegalForm.UMBRELLA)
    member = org("Kroksbäcks boule", organisation_number="802000-1239")
    member.umbrellas.set([umbrella])

    response = client.get(f"{LIST}/{member.slug}")

    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Kroksbäcks boule"
    assert body["organisation_number"] == "802000-1239"
    assert body["umbrellas"] == [{"name": "Malmö idrottsförbund", "slug": umbrella.slug}]


def test_unknown_slug_answers_not_found_in_json(client, db):
    response = client.get(f"{LIST}/finns-inte")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()


def test_non_public_organisation_is_not_found(client, register):
    hidden = factories.OrganisationFactory(is_public=False)

    assert client.get(f"{LIST}/{hidden.slug}").status_code == 404


def test_openapi_schema_lists_the_organisation_paths(client, db):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["info"]["title"] == "Samverkansytan API"
    assert "/api/v1/organisations" in schema["paths"]
    assert "/api/v1/organisations/{slug}" in schema["paths"]


def test_api_info_page_lists_the_endpoints(client, db):
    response = client.get("/api/")

    assert response.status_code == 200
    assert "/api/v1/organisations" in response.content.decode()
    assert "/api/v1/openapi.json" in response.content.decode()
