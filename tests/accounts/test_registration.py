"""Registration, verification, login throttling, password reset and logout through allauth."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "ett-annat-langt-losenord-77"


@pytest.fixture(autouse=True)
def _empty_cache():
    """allauth counts attempts in the cache; every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def verified_user():
    user = UserFactory()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def link_in(message) -> str:
    """The path of the first link to this site in an e-mail."""
    match = re.search(r"https?://[^/\s]+(/konto/\S+)", message.body)
    assert match, message.body
    return match.group(1)


def log_in(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def sign_up(client):
    return client.post(
        reverse("account_signup"),
        {
            "email": "ny@example.se",
            "first_name": "Astrid",
            "last_name": "Öberg",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


def test_signup_with_names_sends_a_verification_email(client, mailoutbox, django_user_model):
    response = sign_up(client)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    user = django_user_model.objects.get(email="ny@example.se")
    assert (user.first_name, user.last_name) == ("Astrid", "Öberg")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["ny@example.se"]
    assert "/konto/confirm-email/" in mailoutbox[0].body
    assert not is_logged_in(client)


def test_unverified_user_cannot_log_in(client, mailoutbox):
    sign_up(client)

    response = log_in(client, "ny@example.se", PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert not is_logged_in(client)


def test_following_the_link_in_the_mail_verifies_and_logs_in(client, mailoutbox):
    sign_up(client)
    confirm_url = link_in(mailoutbox[0])

    page = client.get(confirm_url)
    assert page.status_code == 200
    assert b"<h1>" in page.content
    assert not is_logged_in(client)  # confirming needs a POST (ACCOUNT_CONFIRM_EMAIL_ON_GET off)

    response = client.post(confirm_url)

    assert response.status_code == 302
    assert EmailAddress.objects.get(email="ny@example.se").verified
    assert is_logged_in(client)


def test_signup_without_a_name_shows_the_error_at_the_field(client, mailoutbox):
    response = client.post(
        reverse("account_signup"),
        {"email": "ny@example.se", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_first_name_error"' in html
    assert re.search(r'<input[^>]*aria-invalid="true"[^>]*id="id_first_name"', html)
    assert "Detta fält måste fyllas i." in html
    assert mailoutbox == []


def test_verified_user_logs_in(client, verified_user):
    response = log_in(client, verified_user.email, PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("site:dashboard")
    assert is_logged_in(client)


def test_repeated_wrong_passwords_throttle_the_account(client, verified_user):
    for _attempt in range(6):
        response = log_in(client, verified_user.email, "fel-losenord")
        assert not is_logged_in(client)

    response = log_in(client, verified_user.email, PASSWORD)

    # allauth refuses in the form (400, as every invalid form) rather than with a 429: even the
    # right password is refused.
    assert response.status_code == 400
    assert "För många misslyckade inloggningsförsök" in response.content.decode()
    assert not is_logged_in(client)


def test_throttling_is_per_account(client, verified_user):
    other = UserFactory()
    EmailAddress.objects.create(user=other, email=other.email, verified=True, primary=True)
    for _attempt in range(6):
        log_in(client, verified_user.email, "fel-losenord")

    log_in(client, other.email, PASSWORD)

    assert is_logged_in(client)


def test_too_many_reset_requests_get_the_429_page(client, verified_user):
    for _attempt in range(5):
        client.post(reverse("account_reset_password"), {"email": verified_user.email})

    response = client.post(reverse("account_reset_password"), {"email": verified_user.email})

    assert response.status_code == 429
    assert "429.html" in [template.name for template in response.templates]
    assert b"<h1>" in response.content


def test_password_reset_lets_the_user_choose_a_new_password(client, verified_user, mailoutbox):
    response = client.post(reverse("account_reset_password"), {"email": verified_user.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    key_url = link_in(mailoutbox[0])

    # The key in the link is swapped for a session-bound one before the form is shown.
    response = client.get(key_url, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else key_url
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_from_key_done")

    assert not is_logged_in(client)
    assert log_in(client, verified_user.email, NEW_PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_logout_by_post(client, verified_user):
    client.force_login(verified_user)

    confirm = client.get(reverse("account_logout"))
    assert confirm.status_code == 200
    assert is_logged_in(client)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert not is_logged_in(client)


def test_an_invalid_signup_is_answered_like_every_other_invalid_form(client, mailoutbox):
    """400, "Fel:" before the title, and the error summary linking to the field."""
    response = client.post(reverse("account_signup"), {"email": "inte-en-adress"})

    html = response.content.decode()
    assert response.status_code == 400
    assert re.search(r"<title>Fel: ", html)
    summary = re.search(r"<div [^>]*data-error-summary>(.*?)</div>", html, re.S)
    assert "Det finns problem" in summary.group(1)
    assert 'href="#id_email"' in summary.group(1)


def test_a_wrong_password_is_answered_with_400(client, verified_user):
    response = log_in(client, verified_user.email, "fel-losenord")

    assert response.status_code == 400
    assert not is_logged_in(client)
