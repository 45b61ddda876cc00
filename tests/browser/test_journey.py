"""A newcomer registers, verifies the e-mail, asks to represent an organisation, is confirmed by
a coordinator, edits the profile and sees the change in the public register: in Chromium, with
axe-core on every page on the way."""

import re
from urllib.parse import urlparse

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from tests import factories
from tests.browser.support import assert_accessible, follow

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "Solrosor-i-Lindangen-2026"


def log_in(page, base_url, email, password):
    page.goto(base_url + "/konto/login/")
    assert_accessible(page)
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Lösenord").fill(password)  # the login form has one password field
    follow(page.get_by_role("button", name="Logga in"))


def log_out(page):
    follow(page.get_by_role("button", name="Logga ut"))


def test_newcomer_becomes_representative_and_edits_the_public_profile(page, live_server):
    base = live_server.url
    factories.AgreementFactory(slug="malmoandan")
    zigzag = factories.OrganisationFactory(
        name="Föreningen Zig Zag", slug="foreningen-zig-zag", description="Dans för unga."
    )
    coordinator = factories.coordinator(email="samordnare@example.se")
    EmailAddress.objects.create(
        user=coordinator, email=coordinator.email, verified=True, primary=True
    )

    # Register.
    page.goto(base + "/konto/signup/")
    assert_accessible(page)
    page.get_by_label("E-post").fill("ny.medlem@example.se")
    page.get_by_label("Förnamn").fill("Amira")
    page.get_by_label("Efternamn").fill("Haddad")
    page.get_by_label("Lösenord (obligatoriskt)", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Lösenord (igen)").fill(NEW_PASSWORD)
    follow(page.get_by_role("button", name="Skapa konto"))
    page.wait_for_url(re.compile(r"/konto/confirm-email/"))
    assert_accessible(page)

    # Verify the e-mail through the link in the message.
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(base + urlparse(link).path)
    assert_accessible(page)
    follow(page.get_by_role("button", name="Bekräfta"))
    page.wait_for_url(re.compile(r"/mina-sidor/"))
    assert_accessible(page)

    # Ask to represent the association.
    page.goto(base + zigzag.get_absolute_url())
    assert_accessible(page)
    follow(page.get_by_role("link", name="Be om att bli ombud för organisationen"))
    assert_accessible(page)
    page.get_by_label("Din roll i organisationen").fill("Kassör")
    follow(page.get_by_role("button", name="Skicka förfrågan"))
    page.get_by_text("Din förfrågan har skickats").wait_for()
    assert_accessible(page)
    log_out(page)

    # A coordinator confirms the request on My pages.
    log_in(page, base, coordinator.email, factories.PASSWORD)
    page.wait_for_url(re.compile(r"/mina-sidor/"))
    assert_accessible(page)
    follow(page.get_by_role("button", name="Bekräfta Amira Haddad"))
    page.get_by_text("Amira Haddad är nu ombud för Föreningen Zig Zag").wait_for()
    assert_accessible(page)
    log_out(page)

    # The new representative edits the profile.
    log_in(page, base, "ny.medlem@example.se", NEW_PASSWORD)
    page.wait_for_url(re.compile(r"/mina-sidor/"))
    page.goto(base + zigzag.get_absolute_url())
    follow(page.get_by_role("link", name="Redigera profilen"))
    assert_accessible(page)
    page.get_by_label("Beskrivning").fill("Streetdance och hiphop för unga i Rosengård.")
    follow(page.get_by_role("button", name="Spara"))
    page.get_by_text("Ändringarna har sparats").wait_for()
    assert_accessible(page)

    # Anyone now finds the change in the public register.
    log_out(page)
    page.goto(base + "/foreningsregistret/?q=streetdance")
    assert_accessible(page)
    result = page.get_by_role("link", name="Föreningen Zig Zag")
    result.wait_for()
    assert "Streetdance och hiphop" in page.content()


def test_a_representative_stops_representing_after_confirming(page, live_server):
    zigzag = factories.OrganisationFactory(name="Föreningen Zig Zag", slug="foreningen-zig-zag")
    person = factories.representative(zigzag, email="kassor@example.se")
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)

    log_in(page, live_server.url, person.email, factories.PASSWORD)
    page.wait_for_url(re.compile(r"/mina-sidor/"))
    follow(page.get_by_role("link", name="Sluta vara ombud"))
    assert_accessible(page)
    follow(page.get_by_role("button", name="Ja, avsluta ombudsuppdraget"))
    page.get_by_text("Ombudsuppdraget har avslutats").wait_for()
    assert_accessible(page)
    assert "Du är inte ombud för någon organisation än" in page.content()
