"""Login throttling (allauth's ACCOUNT_RATE_LIMITS["login_failed"]): five wrong passwords for an
account within five minutes, and the sixth attempt is refused whatever the password; twenty
failed attempts a minute from one address, and the address is refused. The API has no login
(it is read-only and public), so there is nothing to throttle there."""

import pytest
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import translation

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "Ratt-losenord-2024!"


def account(email: str):
    user = UserFactory(email=email)
    user.set_password(PASSWORD)
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def log_in(client, email, password, **extra):
    return client.post(reverse("account_login"), {"login": email, "password": password}, **extra)


def refusal(response) -> str:
    return " ".join(response.context["form"].non_field_errors())


def throttled_message() -> str:
    with translation.override("sv"):
        return str(get_adapter().error_messages["too_many_login_attempts"])


def test_the_sixth_failed_login_for_an_account_is_throttled(client):
    account("anna@example.se")
    throttled = throttled_message()

    for _attempt in range(5):
        response = log_in(client, "anna@example.se", "fel-losenord")
        assert response.status_code == 400  # an invalid login form, like every invalid form
        assert throttled not in refusal(response)

    sixth = log_in(client, "anna@example.se", PASSWORD)

    assert throttled in refusal(sixth)
    assert "_auth_user_id" not in client.session


def test_writing_the_address_in_capitals_does_not_get_round_the_throttle(client):
    account("anna@example.se")
    for _attempt in range(5):
        log_in(client, "anna@example.se", "fel-losenord")

    response = log_in(client, "ANNA@Example.SE", PASSWORD)

    assert throttled_message() in refusal(response)
    assert "_auth_user_id" not in client.session


def test_one_address_trying_many_accounts_is_throttled(client):
    account("bo@example.se")
    for n in range(20):
        log_in(client, f"gissning{n}@example.se", "fel-losenord", REMOTE_ADDR="203.0.113.7")

    from_the_same_address = log_in(client, "bo@example.se", PASSWORD, REMOTE_ADDR="203.0.113.7")
    from_another_address = log_in(client, "bo@example.se", PASSWORD, REMOTE_ADDR="203.0.113.8")

    assert throttled_message() in refusal(from_the_same_address)
    assert from_another_address.status_code == 302
