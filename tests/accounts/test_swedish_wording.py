"""The account pages speak the house style's Swedish, not the login library's: e-postadress,
e-post and bekräfta, never "epost-adress", "Verifierings-mail" or "vänligen"."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LIBRARY_WORDS = re.compile(r"epost|Epost|Verifier|verifier|[Vv]änligen|\bmail(et)?\b")


def visible_text(response) -> str:
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.DOTALL)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.fixture
def verified_user():
    user = UserFactory()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.mark.parametrize(
    "name",
    [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_email_verification_sent",
    ],
)
def test_account_page_for_visitors_uses_the_house_style(client, name):
    text = visible_text(client.get(reverse(name)))
    assert not LIBRARY_WORDS.search(text), LIBRARY_WORDS.search(text).group(0)


@pytest.mark.parametrize("name", ["account_email", "account_change_password", "account_logout"])
def test_account_page_for_members_uses_the_house_style(client, verified_user, name):
    client.force_login(verified_user)
    text = visible_text(client.get(reverse(name)))
    assert not LIBRARY_WORDS.search(text), LIBRARY_WORDS.search(text).group(0)


def test_sign_up_form_asks_for_an_e_postadress(client):
    html = client.get(reverse("account_signup")).content.decode()
    assert re.search(r'<label for="id_email">E-postadress\b', html)


def test_verification_sent_page_tells_to_look_in_the_e_post(client):
    text = visible_text(client.get(reverse("account_email_verification_sent")))
    assert "Vi har skickat ett e-postmeddelande till dig" in text


def test_confirmation_message_after_sign_up_has_no_verifierings_mail(client, mailoutbox):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "ny@example.org",
            "password1": "ett-langt-losenord-42",
            "password2": "ett-langt-losenord-42",
            "first_name": "Ny",
            "last_name": "Person",
        },
        follow=True,
    )
    text = visible_text(response)
    assert "Verifierings-mail" not in text
    assert "Vi har skickat ett e-postmeddelande till ny@example.org" in text


def test_confirm_e_mail_page_uses_the_house_style(client, mailoutbox):
    client.post(
        reverse("account_signup"),
        {
            "email": "ny@example.org",
            "password1": "ett-langt-losenord-42",
            "password2": "ett-langt-losenord-42",
            "first_name": "Ny",
            "last_name": "Person",
        },
    )
    link = re.search(r"https?://[^/\s]+(/konto/\S+)", mailoutbox[0].body).group(1)

    text = visible_text(client.get(link))

    assert "Bekräfta e-postadress" in text
    assert not LIBRARY_WORDS.search(text), LIBRARY_WORDS.search(text).group(0)


def test_the_confirmation_e_mail_itself_uses_the_house_style(client, mailoutbox):
    client.post(
        reverse("account_signup"),
        {
            "email": "ny@example.org",
            "password1": "ett-langt-losenord-42",
            "password2": "ett-langt-losenord-42",
            "first_name": "Ny",
            "last_name": "Person",
        },
    )

    message = mailoutbox[0]
    assert not LIBRARY_WORDS.search(message.subject + message.body)
