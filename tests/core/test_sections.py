"""The main menu: short addresses that lead to the primary agreement's sections, and links that
stay inside the agreement a page belongs to."""

import pytest
from django.utils import timezone

from samverkan.site.sections import SECTIONS
from tests import factories
from tests.areas.factories import FocusAreaFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("section", list(SECTIONS))
def test_a_short_address_leads_to_the_primary_agreements_section(client, section):
    factories.AgreementFactory(slug="annan", is_primary=False)
    factories.AgreementFactory(slug="malmoandan", is_primary=True)
    response = client.get(f"/{section}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/overenskommelser/malmoandan/")
    assert client.get(response["Location"]).status_code == 200


def test_a_short_address_without_any_agreement_is_not_found(client):
    assert client.get("/omraden/").status_code == 404


def test_the_menu_stays_in_the_agreement_of_the_page(client):
    factories.AgreementFactory(slug="malmoandan", is_primary=True)
    factories.AgreementFactory(slug="lund", is_primary=False)
    page = client.get("/overenskommelser/lund/omraden/").content.decode()
    assert 'href="/overenskommelser/lund/fokusomraden/"' in page
    assert 'href="/omraden/"' not in page
    # The page's own section is marked as the current one for screen readers.
    assert 'href="/overenskommelser/lund/omraden/" aria-current="page"' in page


def test_the_start_page_shows_this_years_focus_area_and_next_years_once_decided(client):
    agreement = factories.AgreementFactory(is_primary=True)
    year = timezone.localdate().year
    FocusAreaFactory(agreement=agreement, year=year - 1, title="Förra årets fokus")
    page = client.get("/").content.decode()
    assert "Förra årets fokus" in page  # the latest one, while this year's is undecided

    FocusAreaFactory(agreement=agreement, year=year, title="Årets fokus")
    FocusAreaFactory(agreement=agreement, year=year + 1, title="Nästa års fokus")
    page = client.get("/").content.decode()
    assert "Årets fokus" in page
    assert "Nästa års fokus" in page
    assert "Förra årets fokus" not in page


def test_the_start_page_has_no_focus_section_before_any_focus_area(client):
    factories.AgreementFactory(is_primary=True)
    assert 'id="focus-heading"' not in client.get("/").content.decode()
