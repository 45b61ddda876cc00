"""What the register's results and an organisation's page show the same to everyone is rendered
once and kept under the generations of the tables it read (core.cache.cached_value): a logged-in
person renders only their own part, never sees another person's, and a write shows on the next
request."""

import pytest
from django.urls import reverse

from samverkan.actors import services
from samverkan.actors.models import Representation
from samverkan.core.cache import TOKEN_RE
from tests import factories
from tests.caching import committed, tables_read
from tests.partnerships.factories import CollaborationFactory

pytestmark = pytest.mark.django_db

REGISTER = reverse("actors:register")


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


@pytest.fixture
def club():
    with committed():
        return factories.OrganisationFactory(
            name="Föreningen Zig Zag", slug="zig-zag", description="Idrott för unga."
        )


def test_a_logged_in_person_gets_the_search_results_without_their_queries(client, club):
    client.force_login(factories.UserFactory())
    _first, read_first = tables_read(client, REGISTER, q="idrott")
    second, read_second = tables_read(client, REGISTER, q="idrott")
    assert {"actors_organisation", "actors_district"} <= read_first
    assert not {"actors_organisation", "actors_district"} & read_second
    assert "Föreningen Zig Zag" in second


def test_a_new_organisation_is_found_on_the_next_logged_in_request(client, club):
    client.force_login(factories.UserFactory())
    assert "Idrottsklubben Ny" not in client.get(REGISTER, {"q": "idrott"}).content.decode()
    with committed():
        factories.OrganisationFactory(name="Idrottsklubben Ny", description="")
    assert "Idrottsklubben Ny" in client.get(REGISTER, {"q": "idrott"}).content.decode()


def test_a_logged_in_person_gets_the_organisation_page_without_its_shared_queries(client, club):
    client.force_login(factories.UserFactory())
    _first, read_first = tables_read(client, club.get_absolute_url())
    second, read_second = tables_read(client, club.get_absolute_url())
    assert {"actors_district", "partnerships_collaboration"} <= read_first
    assert not {"actors_district", "partnerships_collaboration"} & read_second
    assert "Idrott för unga." in second


def test_a_change_to_the_organisation_shows_at_once_to_a_logged_in_visitor(client, club):
    client.force_login(factories.UserFactory())
    client.get(club.get_absolute_url())  # keeps the fragments
    editor = factories.coordinator()
    with committed():
        services.update_organisation(organisation=club, by=editor, description="Schack för alla.")
    page = client.get(club.get_absolute_url()).content.decode()
    assert "Schack för alla." in page
    assert "Idrott för unga." not in page


def test_a_representatives_own_buttons_are_not_shown_to_another_logged_in_person(client, club):
    representative = factories.representative(club, first_name="Zelmira")
    asker = factories.UserFactory(first_name="Ossian")
    factories.RepresentationFactory(
        user=asker, organisation=club, status=Representation.Status.PENDING
    )
    client.force_login(representative)
    own = client.get(club.get_absolute_url()).content.decode()
    assert reverse("actors:organisation_edit", args=[club.slug]) in own
    assert "Ossian" in own
    client.force_login(factories.UserFactory())
    other = client.get(club.get_absolute_url()).content.decode()
    assert reverse("actors:organisation_edit", args=[club.slug]) not in other
    assert "Zelmira" not in other and "Ossian" not in other
    assert reverse("actors:representation_request", args=[club.slug]) in other


def test_what_only_the_representatives_see_is_not_shown_to_another_person(client, club):
    agreement = factories.AgreementFactory(slug="malmoandan", is_primary=True)
    CollaborationFactory(
        agreement=agreement, title="Internt samarbete", parties=[(club, "lead")], is_public=False
    )
    client.force_login(factories.representative(club))
    assert "Internt samarbete" in client.get(club.get_absolute_url()).content.decode()
    client.force_login(factories.UserFactory())
    assert "Internt samarbete" not in client.get(club.get_absolute_url()).content.decode()


def test_the_kept_organisation_page_is_as_rendered_for_the_person(client, club, settings):
    client.force_login(factories.representative(club))
    client.get(club.get_absolute_url())
    kept = client.get(club.get_absolute_url()).content
    settings.PAGE_CACHE_SECONDS = 0
    rendered = client.get(club.get_absolute_url()).content
    assert TOKEN_RE.sub(b"", kept) == TOKEN_RE.sub(b"", rendered)
