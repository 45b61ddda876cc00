"""The "we have sent you an e-mail" page after sign-up: send it again, or write to support."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.accounts.test_registration import sign_up

pytestmark = pytest.mark.django_db

RESEND = "account_resend_verification"


def test_send_again_right_after_signing_up_asks_to_wait_and_sends_nothing(client, mailoutbox):
    sign_up(client)

    response = client.post(reverse(RESEND), follow=True)

    assert len(mailoutbox) == 1
    assert "Vänta några minuter" in response.content.decode()


def test_send_again_after_the_pause_sends_a_new_email_to_the_same_address(client, mailoutbox):
    sign_up(client)
    cache.clear()  # allauth's pause between two verification e-mails (three minutes) is over

    response = client.post(reverse(RESEND), follow=True)

    assert [m.to for m in mailoutbox] == [["ny@example.se"], ["ny@example.se"]]
    assert "/konto/confirm-email/" in mailoutbox[1].body
    assert "Vi har skickat ett nytt e-postmeddelande till ny@example.se" in (
        response.content.decode()
    )


def test_send_again_without_a_signup_in_this_browser_leads_to_the_login(client, mailoutbox):
    response = client.post(reverse(RESEND))

    assert response.status_code == 302
    assert response.url == reverse("account_login")
    assert mailoutbox == []


def test_send_again_takes_no_get(client):
    assert client.get(reverse(RESEND)).status_code == 405


def test_the_confirmation_page_names_the_address_and_offers_a_contact(client, settings):
    settings.SUPPORT_EMAIL = "hjalp@example.se"

    page = client.get(sign_up(client).url).content.decode()

    assert "ny@example.se" in page
    assert 'href="mailto:hjalp@example.se"' in page
    assert f'action="{reverse(RESEND)}"' in page
