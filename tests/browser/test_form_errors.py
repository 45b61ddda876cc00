"""A person sends the needs-and-offers form empty, on a desktop and on a phone: the error
summary takes focus, each of its links moves focus to its field, and a long list of districts
can be narrowed with a filter box. axe-core finds nothing on the way."""

import pytest
from django.urls import reverse

from tests import factories
from tests.browser.support import assert_accessible, follow, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACTIVE_IN_SUMMARY = "() => !!document.activeElement.closest('[data-error-summary]')"
ACTIVE_ID = "() => document.activeElement.id"
WIDE_PAGE = "() => document.documentElement.scrollWidth > window.innerWidth"


@pytest.mark.parametrize("width", [1366, 390])
def test_an_empty_posting_form_leads_to_its_errors_and_their_fields(page, live_server, width):
    page.set_viewport_size({"width": width, "height": 900})
    agreement = factories.AgreementFactory(slug="malmoandan")
    for number in range(25):
        factories.DistrictFactory(name=f"Stadsdel {number:02}", slug=f"stadsdel-{number:02}")
    factories.DistrictFactory(name="Rosengård", slug="rosengard")
    club = factories.OrganisationFactory(name="Simklubben")
    log_in(page, live_server, factories.representative(club))
    page.goto(live_server.url + reverse("matching:new", kwargs={"agreement": agreement.slug}))
    assert_accessible(page)

    follow(page.get_by_role("button", name="Publicera"))

    assert page.title().startswith("Fel: ")
    page.wait_for_function(ACTIVE_IN_SUMMARY)
    summary = page.locator("[data-error-summary]")
    assert summary.get_by_role("heading").inner_text() == "Det finns problem"
    assert_accessible(page)
    summary.get_by_role("link", name="Rubrik").click()
    assert page.evaluate(ACTIVE_ID) == "id_title"
    assert not page.evaluate(WIDE_PAGE)


def test_the_filter_box_hides_the_districts_that_do_not_match(page, live_server):
    agreement = factories.AgreementFactory(slug="malmoandan")
    for number in range(25):
        factories.DistrictFactory(name=f"Stadsdel {number:02}", slug=f"stadsdel-{number:02}")
    factories.DistrictFactory(name="Rosengård", slug="rosengard")
    log_in(page, live_server, factories.representative(factories.OrganisationFactory()))
    page.goto(live_server.url + reverse("matching:new", kwargs={"agreement": agreement.slug}))

    page.get_by_label("Visa bara val som innehåller").fill("rosen")

    districts = page.locator("#id_districts")
    assert districts.get_by_label("Rosengård").is_visible()
    assert not districts.get_by_label("Stadsdel 07").is_visible()
    assert_accessible(page)
