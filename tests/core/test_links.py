"""Every absolute link (e-mails, feeds, PDFs, the CSV, the sitemap) is built on SITE_URL, in one
place (samverkan/core/links.py), so the demo's mails link to the port it serves on."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from samverkan.actors import services
from samverkan.core.links import absolute_url
from tests import factories
from tests.accounts.test_registration import sign_up

DEMO = "http://127.0.0.1:8801"
PACKAGE = Path(__file__).resolve().parents[2] / "samverkan"


@pytest.fixture(autouse=True)
def _site_on_port_8801(settings):
    settings.SITE_URL = DEMO


def test_a_path_becomes_an_address_on_site_url():
    assert absolute_url("/kalender/") == f"{DEMO}/kalender/"


def test_an_address_of_another_site_is_kept():
    assert absolute_url("https://www.arvsfonden.se/") == "https://www.arvsfonden.se/"


@pytest.mark.django_db
def test_the_verification_email_links_to_site_url_not_to_the_requests_host(client, mailoutbox):
    sign_up(client)

    assert f"{DEMO}/konto/confirm-email/" in mailoutbox[0].body
    assert "testserver" not in mailoutbox[0].body


@pytest.mark.django_db
def test_the_password_reset_email_links_to_site_url(client, mailoutbox):
    user = factories.UserFactory(email="glomsk@example.se")
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    client.post(reverse("account_reset_password"), {"email": "glomsk@example.se"})

    assert f"{DEMO}/konto/password/reset/key/" in mailoutbox[0].body


@pytest.mark.django_db
def test_the_representation_request_email_links_to_site_url(
    django_capture_on_commit_callbacks, mailoutbox
):
    org = factories.OrganisationFactory()
    factories.representative(org, email="ordforande@example.se")
    with django_capture_on_commit_callbacks(execute=True):
        services.request_representation(
            user=factories.UserFactory(), organisation=org, title="Kassör"
        )

    assert f"{DEMO}/mina-sidor/" in mailoutbox[0].body


@pytest.mark.django_db
def test_every_sitemap_address_is_on_site_url(client, settings):
    settings.SITE_URL = "https://samverkan.example.se"
    factories.OrganisationFactory()

    sitemap = client.get("/sitemap.xml").content.decode()

    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations
    assert all(loc.startswith("https://samverkan.example.se/") for loc in locations)


def test_no_module_but_core_links_builds_absolute_links_itself():
    builders = re.compile(r"settings\.SITE_URL|build_absolute_uri|request\.get_host\(\)\s*\+")
    allowed = {PACKAGE / "core" / "links.py", PACKAGE / "settings.py"}
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path not in allowed and builders.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
