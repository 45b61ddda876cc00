"""The public API of the library and the courses: published content only, filters, no learner
data, in the OpenAPI schema."""

import pytest

from samverkan.learning import services
from samverkan.learning.models import Topic
from tests import factories
from tests.learning.factories import MaterialFactory, course_with_modules

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(db):
    return factories.AgreementFactory(slug="malmoandan")


@pytest.fixture
def library(agreement):
    author = factories.OrganisationFactory(name="Malmö ideella", slug="malmo-ideella")
    return [
        MaterialFactory(
            agreement=agreement,
            slug="iop",
            title="IOP i korthet",
            topic=Topic.IOP,
            body="<p>Partnerskapet bygger på tillit.</p>",
            authors=[author],
        ),
        MaterialFactory(agreement=agreement, slug="dialog", title="Dialogcafé"),
        MaterialFactory(agreement=agreement, slug="utkast", title="Utkast", is_published=False),
    ]


def test_materials_lists_published_ones_with_authors(client, library):
    data = client.get("/api/v1/materials").json()

    assert data["count"] == 2
    first = data["items"][0]
    assert first["title"] == "Dialogcafé"
    iop = data["items"][1]
    assert iop["topic"] == "iop"
    assert iop["authors"] == [
        {"name": "Malmö ideella", "slug": "malmo-ideella", "url": "/organisationer/malmo-ideella/"}
    ]
    assert iop["url"] == "/overenskommelser/malmoandan/metodbank/iop/"
    assert "body" not in iop


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"topic": "iop"}, ["IOP i korthet"]),
        ({"q": "partnerskap"}, ["IOP i korthet"]),
        ({"q": "partnerskap", "topic": "medskapande"}, []),
        ({"agreement": "malmoandan"}, ["Dialogcafé", "IOP i korthet"]),
    ],
)
def test_materials_filters(client, library, params, expected):
    data = client.get("/api/v1/materials", params).json()

    assert [item["title"] for item in data["items"]] == expected


def test_materials_are_paginated(client, agreement):
    for n in range(25):
        MaterialFactory(agreement=agreement, title=f"Guide {n:02d}")

    data = client.get("/api/v1/materials", {"page": 2}).json()

    assert data["count"] == 25
    assert [item["title"] for item in data["items"]] == [f"Guide {n}" for n in range(20, 25)]


def test_a_material_with_its_text_and_files(client, library):
    data = client.get("/api/v1/materials/malmoandan/iop").json()

    assert data["body"] == "<p>Partnerskapet bygger på tillit.</p>"
    assert data["files"] == []


def test_an_unpublished_material_is_not_found(client, library):
    response = client.get("/api/v1/materials/malmoandan/utkast")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_courses_list_published_ones_with_their_size(client, agreement, member):
    course, modules = course_with_modules(2, agreement=agreement, title="Grundkurs")
    course_with_modules(1, agreement=agreement, is_published=False)
    services.mark_module_done(module=modules[0], by=member)

    data = client.get("/api/v1/courses").json()

    assert data == [
        {
            "agreement": "malmoandan",
            "slug": course.slug,
            "title": "Grundkurs",
            "summary": course.summary,
            "module_count": 2,
            "total_minutes": 30,
            "url": course.get_absolute_url(),
        }
    ]


def test_a_course_lists_its_modules_in_order_without_learner_data(client, agreement, member):
    course, modules = course_with_modules(2, agreement=agreement)
    modules[0].materials.set(
        [
            MaterialFactory(agreement=agreement, slug="las", title="Läs"),
            MaterialFactory(agreement=agreement, slug="dold", is_published=False),
        ]
    )
    services.mark_module_done(module=modules[0], by=member)

    data = client.get(f"/api/v1/courses/malmoandan/{course.slug}").json()

    assert [m["id"] for m in data["modules"]] == [m.pk for m in modules]
    assert data["modules"][0]["materials"] == [
        {"slug": "las", "title": "Läs", "url": "/overenskommelser/malmoandan/metodbank/las/"}
    ]
    text = str(data)
    assert member.email not in text and "completed" not in text and "started" not in text


def test_an_unpublished_course_is_not_found(client, agreement):
    course, _modules = course_with_modules(1, agreement=agreement, is_published=False)

    assert client.get(f"/api/v1/courses/malmoandan/{course.slug}").status_code == 404


def test_the_paths_are_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert {
        "/api/v1/materials",
        "/api/v1/materials/{agreement}/{slug}",
        "/api/v1/courses",
        "/api/v1/courses/{agreement}/{slug}",
    } <= set(paths)
