"""Organisations registered and edited in the admin go through the services: the audit row says
what changed from what, the search index follows and the address stays."""

import pytest
from django.urls import reverse

from samverkan.actors.models import Organisation
from samverkan.core.models import AuditEntry
from tests import factories
from tests.form_defaults import form_defaults

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(factories.administrator())
    return client


def test_an_organisation_edited_in_the_admin_is_changed_by_the_service(admin_client):
    club = factories.OrganisationFactory(name="Föreningen Gamla namnet")
    url = reverse("admin:actors_organisation_change", args=[club.pk])
    data = form_defaults(admin_client.get(url).content.decode(), "organisation_form")

    response = admin_client.post(url, {**data, "name": "Föreningen Nya namnet", "slug": "nytt"})

    assert response.status_code == 302
    club.refresh_from_db()
    assert club.name == "Föreningen Nya namnet"
    assert club.slug != "nytt"
    entry = AuditEntry.objects.get(action="organisation.updated", object_id=str(club.pk))
    assert entry.data == {
        "name": {"from": "Föreningen Gamla namnet", "to": "Föreningen Nya namnet"}
    }


def test_an_organisation_registered_in_the_admin_is_created_by_the_service(admin_client):
    url = reverse("admin:actors_organisation_add")
    data = form_defaults(admin_client.get(url).content.decode(), "organisation_form")

    response = admin_client.post(
        url,
        {
            **data,
            "name": "Föreningen Ny i registret",
            "sector": "civil",
            "legal_form": "association",
            "city": "Malmö",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    club = Organisation.objects.get(name="Föreningen Ny i registret")
    assert club.slug
    entry = AuditEntry.objects.get(action="organisation.created", object_id=str(club.pk))
    assert entry.data == {"name": "Föreningen Ny i registret"}
