"""The collaboration list's results and filters and the figures are the same for everyone: they
are read and rendered once and kept under the generations of the tables they read
(core.cache.cached_fragment / cached_value). A logged-in person renders only their own parts
(whether they may record a collaboration), never another person's, and a write shows on the
next request."""

import pytest
from django.urls import reverse

from samverkan.partnerships.models import Collaboration
from tests import factories
from tests.caching import committed, tables_read
from tests.partnerships.factories import CollaborationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


@pytest.fixture
def agreement():
    return factories.AgreementFactory(slug="malmoandan", is_primary=True)


def list_url(agreement, query: str = "") -> str:
    return reverse("partnerships:list", kwargs={"agreement": agreement.slug}) + query


def figures_url(agreement) -> str:
    return reverse("partnerships:figures", kwargs={"agreement": agreement.slug})


def test_a_logged_in_person_gets_the_list_without_reading_the_collaborations(client, agreement):
    CollaborationFactory(agreement=agreement, title="Läxhjälp i Rosengård")
    client.force_login(factories.UserFactory())
    _first, read_first = tables_read(client, list_url(agreement))
    second, read_second = tables_read(client, list_url(agreement))
    assert "partnerships_collaboration" in read_first
    assert not {t for t in read_second if t.startswith("partnerships_")}
    assert "Läxhjälp i Rosengård" in second


def test_the_kept_results_hold_nothing_of_the_person(client, agreement):
    CollaborationFactory(agreement=agreement, title="Läxhjälp i Rosengård")
    coordinator = factories.coordinator(first_name="Zelmira", email="zelmira@example.se")
    client.force_login(coordinator)
    new = reverse("partnerships:new", kwargs={"agreement": agreement.slug})
    assert new in client.get(list_url(agreement)).content.decode()  # the coordinator's own part
    member = factories.UserFactory(first_name="Ottilia")
    client.force_login(member)
    page = client.get(list_url(agreement)).content.decode()
    assert "Läxhjälp i Rosengård" in page
    assert new not in page
    assert "Zelmira" not in page and "zelmira@" not in page
    results_html = page[page.index('<div id="results">') :]
    assert "csrfmiddlewaretoken" not in results_html
    assert "Ottilia" not in results_html


def test_each_filter_and_page_has_its_own_results(client, agreement):
    CollaborationFactory(agreement=agreement, title="Läxhjälp", kind=Collaboration.Kind.PROJECT)
    CollaborationFactory(agreement=agreement, title="Nätverket", kind=Collaboration.Kind.NETWORK)
    client.force_login(factories.UserFactory())
    client.get(list_url(agreement))
    networks = client.get(list_url(agreement, "?kind=network")).content.decode()
    assert "Nätverket" in networks and "Läxhjälp" not in networks
    everything = client.get(list_url(agreement)).content.decode()
    assert "Nätverket" in everything and "Läxhjälp" in everything


def test_a_new_collaboration_shows_on_the_next_logged_in_request(client, agreement):
    client.force_login(factories.UserFactory())
    assert "Läxhjälp i Rosengård" not in client.get(list_url(agreement)).content.decode()
    with committed():
        CollaborationFactory(agreement=agreement, title="Läxhjälp i Rosengård")
    assert "Läxhjälp i Rosengård" in client.get(list_url(agreement)).content.decode()


@pytest.mark.django_db(transaction=True)  # each write commits, as in a request
def test_a_renamed_party_shows_in_the_kept_list_and_its_filter_at_once(client, agreement):
    organisation = factories.OrganisationFactory(name="Föreningen Zig Zag")
    CollaborationFactory(agreement=agreement, parties=[(organisation, "lead")])
    client.force_login(factories.UserFactory())
    assert "Föreningen Zig Zag" in client.get(list_url(agreement)).content.decode()
    organisation.name = "Föreningen Zag Zig"
    organisation.save()
    page = client.get(list_url(agreement)).content.decode()
    assert "Föreningen Zig Zag" not in page
    assert page.count("Föreningen Zag Zig") == 2  # the card and the filter's option


def test_the_htmx_results_are_the_kept_fragment(client, agreement):
    CollaborationFactory(agreement=agreement, title="Läxhjälp i Rosengård")
    client.force_login(factories.UserFactory())
    page = client.get(list_url(agreement)).content.decode()
    fragment = client.get(list_url(agreement), headers={"HX-Request": "true"}).content.decode()
    assert "Läxhjälp i Rosengård" in fragment
    assert fragment in page


def test_the_list_is_read_again_when_the_page_cache_is_off(client, agreement, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.force_login(factories.UserFactory())
    client.get(list_url(agreement))
    _page, read = tables_read(client, list_url(agreement))
    assert "partnerships_collaboration" in read


def test_a_logged_in_person_gets_the_figures_without_counting_them(client, agreement):
    CollaborationFactory(agreement=agreement)
    client.force_login(factories.UserFactory())
    _first, read_first = tables_read(client, figures_url(agreement))
    _second, read_second = tables_read(client, figures_url(agreement))
    assert "partnerships_collaboration" in read_first
    assert "partnerships_collaboration" not in read_second


def test_a_new_collaboration_is_counted_on_the_next_request(client, agreement):
    client.force_login(factories.UserFactory())
    before = client.get(figures_url(agreement) + "?ar=2021").content.decode()
    assert "Nya: 0. Pågående: 0. Avslutade: 0." in before
    with committed():
        CollaborationFactory(agreement=agreement)
    after = client.get(figures_url(agreement) + "?ar=2021").content.decode()
    assert "Nya: 1. Pågående: 1. Avslutade: 0." in after
