"""An area's page is the same for everyone but for its actions: it is read and rendered once
per audience (logged in or not, coordinator or not) and kept under the generations of the tables
it read (areas.views.areas.area_page, core.cache.cached_value). A logged-in person renders only
their own part (may they edit the area), never gets what only coordinators or only logged-in
people see unless they are one, and a write shows on the next request."""

import pytest
from django.urls import reverse

from samverkan.areas.models import Phase
from tests import factories
from tests.areas.factories import HostingFactory, PriorityAreaFactory
from tests.caching import committed, tables_read
from tests.partnerships.factories import CollaborationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


@pytest.fixture
def area():
    agreement = factories.AgreementFactory(slug="malmoandan", is_primary=True)
    return PriorityAreaFactory(agreement=agreement, title="Idrott för alla", slug="idrott")


@pytest.fixture
def host(area):
    person = factories.UserFactory(first_name="Hedvig", last_name="Värdsson")
    HostingFactory(area=area, contact_person=person)
    return person


def url(area, name: str = "areas:detail") -> str:
    return reverse(name, kwargs={"agreement": area.agreement.slug, "slug": area.slug})


def test_a_logged_in_person_gets_the_area_without_reading_it_again(client, area, host):
    client.force_login(factories.UserFactory())
    _first, read_first = tables_read(client, url(area))
    second, read_second = tables_read(client, url(area))
    assert {"areas_hosting", "areas_phasechange"} <= read_first
    assert not {t for t in read_second if t.startswith(("areas_", "partnerships_", "events_"))}
    assert "Idrott för alla" in second
    assert "Hedvig Värdsson" in second  # the contact person, shown to the logged-in


def test_a_member_never_gets_the_coordinators_host_links(client, area, host):
    client.force_login(factories.coordinator())
    assert url(area, "areas:hosting_new") in client.get(url(area)).content.decode()
    client.force_login(factories.UserFactory())
    page = client.get(url(area)).content.decode()
    assert url(area, "areas:hosting_new") not in page
    assert "/avsluta/" not in page
    assert url(area, "areas:edit") not in page


def test_an_anonymous_visitor_never_gets_the_contact_people(client, area, host):
    client.force_login(factories.UserFactory())
    assert "Hedvig Värdsson" in client.get(url(area)).content.decode()
    client.logout()
    client.cookies.clear()
    page = client.get(url(area)).content.decode()
    assert "Idrott för alla" in page
    assert "Hedvig Värdsson" not in page


def test_only_the_host_gets_the_edit_buttons_of_the_kept_page(client, area, host):
    client.force_login(host)
    assert url(area, "areas:edit") in client.get(url(area)).content.decode()
    client.force_login(factories.UserFactory())
    page = client.get(url(area)).content.decode()
    assert url(area, "areas:edit") not in page
    assert url(area, "areas:phase_change") not in page
    client.force_login(host)
    assert url(area, "areas:phase_change") in client.get(url(area)).content.decode()


def test_a_phase_change_shows_on_the_next_logged_in_request(client, area, host):
    client.force_login(factories.UserFactory())
    assert "Dialogen om året" not in client.get(url(area)).content.decode()
    with committed():
        area.phase_changes.create(
            phase=Phase.choices[1][0], changed_on=area.started_on, note="Dialogen om året"
        )
    assert "Dialogen om året" in client.get(url(area)).content.decode()


def test_a_new_collaboration_of_the_area_shows_on_the_next_request(client, area):
    client.force_login(factories.UserFactory())
    assert "Läxhjälp i Rosengård" not in client.get(url(area)).content.decode()
    with committed():
        made = CollaborationFactory(agreement=area.agreement, title="Läxhjälp i Rosengård")
        made.areas.add(area)
    assert "Läxhjälp i Rosengård" in client.get(url(area)).content.decode()


def test_an_unknown_area_is_not_found_for_the_logged_in(client, area):
    client.force_login(factories.UserFactory())
    missing = reverse("areas:detail", kwargs={"agreement": area.agreement.slug, "slug": "ingen"})
    assert client.get(missing).status_code == 404
    assert client.get(missing).status_code == 404


def test_the_area_is_read_again_when_the_page_cache_is_off(client, area, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.force_login(factories.UserFactory())
    client.get(url(area))
    _page, read = tables_read(client, url(area))
    assert "areas_hosting" in read
