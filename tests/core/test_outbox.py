"""The local demo's outbox: every e-mail readable in the browser at /utkorg/, and only there."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core.mail import send_mail
from django.urls import reverse

from samverkan.core import checks, outbox
from tests.accounts.test_registration import sign_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_outbox(settings, tmp_path, requests_commit):
    settings.EMAIL_BACKEND = outbox.BACKEND
    settings.OUTBOX_DIR = tmp_path / "outbox"
    settings.SITE_URL = "http://testserver"
    return settings.OUTBOX_DIR


def test_the_outbox_does_not_exist_where_email_is_really_sent(client):
    assert client.get(reverse("core:outbox")).status_code == 404


def test_a_sent_email_is_kept_in_the_outbox_and_not_sent(demo_outbox, mailoutbox):
    send_mail("Välkommen", "Hej!", None, ["ny@example.se"])

    assert mailoutbox == []
    assert [m.subject for m in outbox.stored_messages()] == ["Välkommen"]


def test_the_outbox_lists_the_newest_email_first(client, demo_outbox):
    send_mail("Första", "1", None, ["a@example.se"])
    send_mail("Andra", "2", None, ["b@example.se"])

    page = client.get(reverse("core:outbox")).content.decode()

    assert page.index("Andra") < page.index("Första")
    assert "b@example.se" in page


def test_an_email_shows_its_subject_recipients_and_clickable_links(client, demo_outbox):
    send_mail("Bekräfta", "Gå till http://testserver/konto/x/ nu.", None, ["ny@example.se"])
    message = outbox.stored_messages()[0]

    page = client.get(reverse("core:outbox_message", args=[message.id])).content.decode()

    assert "<h1>Bekräfta</h1>" in page
    assert "ny@example.se" in page
    assert '<a href="http://testserver/konto/x/"' in page


def test_an_unknown_or_malformed_message_answers_404(client, demo_outbox):
    send_mail("Bekräfta", "Hej", None, ["ny@example.se"])

    for message_id in ("20260101T000000000000-" + "0" * 32, "..%2F..%2Fsettings", "x"):
        assert client.get(f"/utkorg/{message_id}/").status_code == 404


def test_the_outbox_pages_ask_the_database_nothing(client, demo_outbox, django_assert_num_queries):
    send_mail("Bekräfta", "Hej", None, ["ny@example.se"])
    message_id = outbox.stored_messages()[0].id

    with django_assert_num_queries(0):
        client.get(reverse("core:outbox"))
        client.get(reverse("core:outbox_message", args=[message_id]))


def test_a_newcomer_verifies_the_account_through_the_outbox(client, demo_outbox):
    sent_page = client.get(sign_up(client).url).content.decode()
    outbox_link = re.search(r'href="(/utkorg/)"', sent_page).group(1)
    listing = client.get(outbox_link).content.decode()
    message_link = re.search(r'href="(/utkorg/[^"/]+/)"', listing).group(1)
    message = client.get(message_link).content.decode()
    confirm_link = re.search(r'href="http://testserver(/konto/confirm-email/[^"]+)"', message)

    client.post(confirm_link.group(1))

    assert EmailAddress.objects.get(email="ny@example.se").verified


def test_the_confirmation_page_has_no_outbox_link_where_email_is_really_sent(client):
    sent_page = client.get(sign_up(client).url).content.decode()

    assert "/utkorg/" not in sent_page


def test_the_deploy_check_warns_when_email_goes_to_the_outbox(demo_outbox):
    assert [warning.id for warning in checks.demo_outbox(None)] == ["samverkan.W002"]


def test_the_deploy_check_is_silent_where_email_is_really_sent():
    assert checks.demo_outbox(None) == []
