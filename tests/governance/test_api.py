"""The governance API: bodies, published meetings and decisions; no personal contact data."""

import datetime

import pytest

from tests.governance import factories as gov

pytestmark = pytest.mark.django_db


def test_bodies_are_listed_and_filtered_by_agreement(client):
    body = gov.body()
    gov.body(agreement=body.agreement, slug="annan", name="Annan")
    from tests import factories

    other = gov.body(agreement=factories.AgreementFactory(is_primary=False), slug="styrgrupp-2")

    data = client.get("/api/v1/bodies", {"agreement": body.agreement.slug}).json()

    assert {b["slug"] for b in data} == {body.slug, "annan"}
    assert other.slug not in {b["slug"] for b in data}


def test_a_body_lists_its_members_and_composition_without_e_mail(client):
    body = gov.body(adjoined=2)

    response = client.get(f"/api/v1/bodies/{body.agreement.slug}/{body.slug}")

    data = response.json()
    assert response.status_code == 200
    assert len(data["members"]) == 10
    assert {"name", "seat", "role", "organisation"} <= set(data["members"][0])
    assert data["composition"]["is_complete"] is True
    assert data["composition"]["quorum"] == 5
    assert "@" not in response.content.decode()


def test_unknown_body_is_404(client):
    assert client.get("/api/v1/bodies/finns/inte").status_code == 404


def test_meetings_are_published_only_and_filtered(client):
    body = gov.body()
    published = gov.published_meeting(body, datetime.date(2022, 2, 15))
    gov.published_meeting(body, datetime.date(2023, 2, 15))
    gov.meeting(body, datetime.date(2022, 9, 1))

    data = client.get(
        "/api/v1/meetings", {"agreement": body.agreement.slug, "body": body.slug, "year": 2022}
    ).json()

    assert data["count"] == 1
    assert data["items"][0]["id"] == published.pk
    assert client.get("/api/v1/meetings").json()["count"] == 2


def test_a_published_meeting_has_its_paragraphs_and_an_unpublished_one_is_404(client):
    body = gov.body()
    published = gov.published_meeting(body, paragraphs=2)
    unpublished = gov.meeting(body, datetime.date(2022, 9, 1), present=8)
    gov.paragraph(unpublished)

    data = client.get(f"/api/v1/meetings/{published.pk}").json()

    assert [p["number"] for p in data["paragraphs"]] == [1, 2]
    assert data["paragraphs"][0]["method"] == "consensus"
    assert len(data["adjusters"]) == 1
    assert client.get(f"/api/v1/meetings/{unpublished.pk}").status_code == 404


def test_decisions_are_published_only(client):
    body = gov.body()
    gov.published_meeting(body, paragraphs=2)
    unpublished = gov.meeting(body, datetime.date(2022, 9, 1), present=8)
    gov.paragraph(unpublished)

    data = client.get("/api/v1/decisions").json()

    assert data["count"] == 2
    assert data["items"][0]["number"] == 2
    assert data["items"][0]["url"].endswith("#paragraf-2")
