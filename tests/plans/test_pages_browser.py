"""Every page of the plan, public and the coordinators' forms, with axe-core finding nothing."""

import datetime

import pytest
from django.urls import reverse

from samverkan.core.permissions import SYSTEM
from samverkan.plans import services
from tests import factories
from tests.browser.support import assert_accessible, follow, log_in
from tests.plans.factories import plan_delayed_in_2019

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan(db):
    agreement = factories.AgreementFactory(slug="malmoandan")
    organisation = factories.OrganisationFactory(name="Malmö ideella", slug="malmo-ideella")
    plan = plan_delayed_in_2019(size=6, agreement=agreement, slug="samarbetsplan-2018-2022")
    plan.activities.filter(planned_year=2018).update(responsible_organisation=organisation)
    services.record_revision(
        plan=plan,
        mandate_period="2019–2022",
        revised_on=datetime.date(2021, 6, 1),
        summary="Ny plan med styrgrupp och fokusområden.",
        by=SYSTEM,
    )
    return plan


def visit(page, url: str, status: int = 200) -> None:
    response = page.goto(url)
    assert response.status == status, url
    assert_accessible(page)


def test_public_pages_have_no_axe_violations(page, live_server, plan):
    base = live_server.url
    args = [plan.agreement.slug, plan.slug]
    visit(page, base + reverse("plans:list", args=args[:1]))
    visit(page, base + reverse("plans:detail", args=args))
    visit(page, base + reverse("plans:follow_up", args=args) + "?ar=2019")
    assert (
        page.locator("#status-counts tr[data-status='delayed'] td[data-count]").inner_text() == "6"
    )
    visit(page, base + reverse("plans:follow_up", args=args) + "?ar=2020")
    assert page.locator("#history tbody tr").count() == 2


def test_the_year_selector_works_without_javascript(browser, live_server, plan):
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    page = context.new_page()
    url = live_server.url + reverse("plans:follow_up", args=[plan.agreement.slug, plan.slug])
    page.goto(url)
    page.select_option("#id_ar", "2018")
    follow(page.locator(".year-form button[type=submit]"))
    page.wait_for_url("**ar=2018")
    assert (
        page.locator("#status-counts tr[data-status='started'] td[data-count]").inner_text() != "0"
    )
    context.close()


def test_a_bad_year_shows_the_error_accessibly(page, live_server, plan):
    url = live_server.url + reverse("plans:follow_up", args=[plan.agreement.slug, plan.slug])
    visit(page, url + "?ar=abc")
    assert page.locator("#id_ar_error").count() == 1


def test_the_follow_up_fits_a_phone_screen(browser, live_server, plan):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="sv-SE")
    page = context.new_page()
    url = live_server.url + reverse("plans:follow_up", args=[plan.agreement.slug, plan.slug])
    visit(page, url + "?ar=2019")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the follow-up scrolls sideways on a phone ({width}px)"
    context.close()


def test_coordinator_forms_have_no_axe_violations(page, live_server, plan):
    base = live_server.url
    log_in(page, live_server, factories.coordinator())
    args = [plan.agreement.slug, plan.slug]
    activity = plan.activities.filter(status="delayed").order_by("pk").first()

    visit(page, base + reverse("plans:detail", args=args))
    assert page.locator("#add-activity").count() == 1
    visit(page, base + reverse("plans:activity_new", args=args))
    follow(page.locator("#activity-form button[type=submit]"))  # empty: errors are shown
    page.wait_for_selector("#error-summary")
    assert_accessible(page)
    visit(page, base + reverse("plans:activity_edit", args=[*args, activity.pk]))
    visit(page, base + reverse("plans:activity_status", args=[*args, activity.pk]))
    page.select_option("#id_status", "delayed")  # the status it already has
    page.fill("#id_changed_on", "2020-03-01")
    follow(page.locator("#status-form button[type=submit]"))
    page.wait_for_selector("#id_status_error")
    assert_accessible(page)
    visit(page, base + reverse("plans:revision_new", args=args))
    page.fill("#id_mandate_period", "2019–2022")
    page.fill("#id_revised_on", "2022-02-01")
    page.fill("#id_summary", "Igen.")
    follow(page.locator("#revision-form button[type=submit]"))
    page.wait_for_selector("#id_mandate_period_error")
    assert_accessible(page)
