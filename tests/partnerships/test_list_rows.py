"""The collaboration list and the API build each row's address and labels once per page: what
they show is what the model's own methods give."""

import pytest
from django.urls import reverse, set_script_prefix

from samverkan.core.links import slug_address
from tests import factories
from tests.partnerships.factories import CollaborationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def collaboration():
    agreement = factories.AgreementFactory(slug="malmoandan")
    return CollaborationFactory(
        agreement=agreement, title="Simskola", kind="network", status="planned"
    )


def test_a_card_links_the_collaboration_and_names_its_kind_and_status(client, collaboration):
    body = client.get(
        reverse("partnerships:list", kwargs={"agreement": "malmoandan"})
    ).content.decode()

    assert f'<a href="{collaboration.get_absolute_url()}">Simskola</a>' in body
    assert f"{collaboration.get_kind_display()} · {collaboration.get_status_display()}" in body


def test_the_api_gives_the_addresses_and_labels_the_models_give(client, collaboration):
    item = client.get("/api/v1/collaborations", {"agreement": "malmoandan"}).json()["items"][0]

    assert item["url"] == collaboration.get_absolute_url()
    assert item["kind_label"] == collaboration.get_kind_display()
    assert item["status_label"] == collaboration.get_status_display()
    parties = list(collaboration.parties.select_related("organisation"))
    by_slug = {p["organisation"]["slug"]: p for p in item["parties"]}
    for party in parties:
        shown = by_slug[party.organisation.slug]
        assert shown["organisation"]["url"] == party.organisation.get_absolute_url()
        assert shown["role_label"] == party.get_role_display()


def test_the_api_addresses_follow_the_script_prefix(client, collaboration, settings):
    settings.FORCE_SCRIPT_NAME = "/samverkan/"
    set_script_prefix("/samverkan/")
    try:
        assert (
            slug_address("partnerships:detail", collaboration.slug, agreement="malmoandan")
            == collaboration.get_absolute_url()
        )
        assert collaboration.get_absolute_url().startswith("/samverkan/")
    finally:
        set_script_prefix("/")
