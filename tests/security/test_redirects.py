"""A form's `next` address sends people back within the site only."""

import pytest
from django.urls import reverse

from samverkan.actors.models import Representation
from tests import factories


@pytest.mark.django_db
@pytest.mark.parametrize(
    "next_url", ["//evil.example/", "/\\evil.example/", "https://evil.example/", "/\\/evil.example"]
)
def test_deciding_a_representation_does_not_redirect_to_another_site(client, next_url):
    organisation = factories.OrganisationFactory()
    client.force_login(factories.coordinator())
    request = Representation.objects.create(
        user=factories.UserFactory(), organisation=organisation, status="pending"
    )
    url = reverse("actors:representation_decide", args=[request.pk, "reject"])
    response = client.post(url, {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()


@pytest.mark.django_db
def test_deciding_a_representation_returns_to_a_page_of_the_site(client):
    organisation = factories.OrganisationFactory()
    client.force_login(factories.coordinator())
    request = Representation.objects.create(
        user=factories.UserFactory(), organisation=organisation, status="pending"
    )
    url = reverse("actors:representation_decide", args=[request.pk, "reject"])
    response = client.post(url, {"next": "/mina-sidor/"})
    assert response["Location"] == "/mina-sidor/"
