"""The API answers its own errors in its JSON shape, {"error": {"code": …, "message": …}}: a
method it does not offer is a 405 and an unexpected failure a 500 (logged), never Django's HTML
page."""

import logging

import pytest

from samverkan.actors import api as actors_api

pytestmark = pytest.mark.django_db


def test_a_method_the_api_does_not_offer_is_a_json_405(client):
    response = client.post("/api/v1/organisations")

    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"]["code"] == "method_not_allowed"
    assert response.json()["error"]["message"]
    assert "GET" in response["Allow"]


def test_an_unexpected_failure_is_a_json_500_and_is_logged(client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("the selector broke")

    monkeypatch.setattr(actors_api, "search_register", broken)

    with caplog.at_level(logging.ERROR):
        response = client.get("/api/v1/organisations")

    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == "server_error"
    assert "the selector broke" not in error["message"]  # no internals to the client
    assert any(
        record.exc_info and "the selector broke" in str(record.exc_info[1])
        for record in caplog.records
    )
