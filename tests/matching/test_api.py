"""The public API: postings with filters, one posting, its suggestions with reasons; no
personal data; in the OpenAPI schema."""

import pytest

from samverkan.matching import services
from tests import factories
from tests.areas.factories import PriorityAreaFactory
from tests.matching.factories import NEED, OFFER, administration, association, posting

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(agreement):
    city = administration(name="Fritidsförvaltningen", slug="fritidsforvaltningen")
    club = association(name="Simklubben", slug="simklubben")
    area = PriorityAreaFactory(agreement=agreement, slug="jamlik-fritid")
    district = factories.DistrictFactory(name="Rosengård", slug="rosengard")
    ombud = factories.representative(city)
    need = posting(
        agreement,
        city,
        NEED,
        "Simskola på sommarlovet",
        "Simskola för barn.",
        areas=[area],
        districts=[district],
        by=ombud,
    )
    offer = posting(
        agreement,
        club,
        OFFER,
        "Simundervisning",
        "Vi håller simskola för barn.",
        areas=[area],
        districts=[district],
    )
    return {"need": need, "offer": offer, "ombud": ombud}  # fmt: skip


def titles(response):
    return [item["title"] for item in response.json()["items"]]


def test_postings_are_listed_without_personal_data(client, data):
    response = client.get("/api/v1/postings")

    assert response.status_code == 200
    item = response.json()["items"][0]
    assert set(item) >= {"id", "direction", "kind", "title", "text", "organisation", "areas"}
    assert "created_by" not in item
    assert data["ombud"].email not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("direction=need", ["Simskola på sommarlovet"]),
        ("agreement=malmoandan&direction=offer", ["Simundervisning"]),
        ("area=jamlik-fritid&district=rosengard&kind=partner", ["Simundervisning", "Simskola på sommarlovet"]),  # noqa: E501
        ("q=sommarlovet", ["Simskola på sommarlovet"]),
    ],
)  # fmt: skip
def test_postings_filters(client, data, query, expected):
    assert titles(client.get(f"/api/v1/postings?{query}")) == expected


def test_an_unknown_agreement_answers_404(client, data):
    assert client.get("/api/v1/postings?agreement=nowhere").status_code == 404


def test_a_withdrawn_posting_is_listed_only_on_request(client, data):
    services.withdraw_posting(posting=data["offer"], by=factories.coordinator())
    assert titles(client.get("/api/v1/postings")) == ["Simskola på sommarlovet"]
    assert len(titles(client.get("/api/v1/postings?include_closed=true"))) == 2


def test_one_posting(client, data):
    response = client.get(f"/api/v1/postings/{data['need'].pk}")
    assert response.status_code == 200
    assert response.json()["organisation"]["slug"] == "fritidsforvaltningen"
    assert client.get("/api/v1/postings/999999").status_code == 404


def test_suggestions_with_reasons(client, data):
    response = client.get(f"/api/v1/postings/{data['need'].pk}/suggestions")

    assert response.status_code == 200
    (suggestion,) = response.json()
    assert suggestion["posting"]["title"] == "Simundervisning"
    assert "simskola" in suggestion["shared_words"]
    assert suggestion["shared_districts"] == [{"slug": "rosengard", "name": "Rosengård"}]
    assert suggestion["complementary_sectors"] is True


def test_the_paths_are_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {
        "/api/v1/postings",
        "/api/v1/postings/{pk}",
        "/api/v1/postings/{pk}/suggestions",
    } <= set(paths)
