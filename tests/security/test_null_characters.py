"""A NUL character (%00) in an address is refused with a 400, before PostgreSQL could refuse it
with a 500 (found by tests/security/test_api_fuzz.py)."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

pytestmark = pytest.mark.django_db


def refusal() -> str:
    with translation.override("sv"):
        return gettext("The address contains a null character, which is not allowed.")


@pytest.mark.parametrize(
    "address",
    [
        "/api/v1/focus-area-proposals?status=x%00y",
        "/api/v1/organisations?q=%00",
        "/api/v1/organisations?%00=1",
    ],
)
def test_the_api_refuses_a_null_character_with_its_error_shape(client, address):
    response = client.get(address)

    assert response.status_code == 400
    assert response.json() == {"error": {"code": "null_character", "message": refusal()}}


@pytest.mark.parametrize("address", ["/foreningsregistret/?q=a%00b", "/organisationer/a%00b/"])
def test_a_page_refuses_a_null_character_with_a_400(client, address):
    assert client.get(address).status_code == 400


def test_an_address_without_one_is_answered_as_usual(client):
    assert client.get("/api/v1/organisations?q=idrott").status_code == 200
