"""Every governance page in Chromium with axe-core: the public pages, and a coordinator keeping
the minutes of a meeting through the forms until they are adjusted and published. Elements are
found by ids, names and addresses, never by (translatable) text."""

import datetime
import re

import pytest
from django.urls import reverse

from samverkan.governance import services
from samverkan.governance.models import Meeting, MinutesParagraph
from tests import factories
from tests.browser.support import assert_accessible, follow, log_in
from tests.governance import factories as gov

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submit(page):
    follow(page.locator("#governance-form button[type=submit]"))


def test_visitor_reads_bodies_minutes_and_decisions(page, live_server):
    base = live_server.url
    body = gov.body(slug="styrgruppen")
    meeting = gov.published_meeting(body, paragraphs=2)
    agreement = body.agreement.slug

    page.goto(base + reverse("governance:bodies", kwargs={"agreement": agreement}))
    assert_accessible(page)
    follow(page.locator(f'a[href="{body.get_absolute_url()}"]').first)
    page.wait_for_url(re.compile(re.escape(body.get_absolute_url()) + "$"))
    assert page.locator("#composition").get_attribute("data-complete") == "true"
    assert_accessible(page)
    follow(page.locator(f'a[href="{meeting.get_absolute_url()}"]'))
    page.locator("#paragraf-2").wait_for()
    assert_accessible(page)
    page.goto(base + reverse("governance:decisions", kwargs={"agreement": agreement}))
    assert page.locator("#decisions li").count() == 2
    assert_accessible(page)


def test_coordinator_keeps_and_publishes_minutes(page, live_server):
    base = live_server.url
    coordinator = factories.coordinator()
    body = gov.body(slug="styrgruppen", by=coordinator)
    proposal = gov.prepared_proposal(body.agreement)
    log_in(page, live_server, coordinator)

    # The body page offers a new meeting; a date in the past is shown as an error.
    page.goto(base + body.get_absolute_url())
    assert_accessible(page)
    follow(page.locator("#new-meeting"))
    assert_accessible(page)
    page.fill("input[name=date]", "2020-01-01")
    page.fill("input[name=time]", "13:00")
    page.fill("input[name=place]", "Nobel 21")
    submit(page)
    page.locator("#error-summary").wait_for()
    assert page.locator("#id_date_error").count() == 1
    assert_accessible(page)
    future = datetime.date.today() + datetime.timedelta(days=30)
    page.fill("input[name=date]", future.isoformat())
    submit(page)
    page.locator("#meeting-facts").wait_for()
    assert_accessible(page)

    # The meeting took place: the minutes are kept for one already held.
    meeting = gov.meeting(body, datetime.date(2022, 11, 29), by=coordinator)
    page.goto(base + meeting.get_absolute_url())
    assert_accessible(page)

    follow(page.locator("#add-agenda-item"))
    page.select_option("select[name=focus_proposal]", str(proposal.pk))
    assert_accessible(page)
    submit(page)
    page.locator("#agenda li").first.wait_for()

    follow(page.locator("#record-attendance"))
    for membership in gov.voting(body)[:6]:
        page.check(f"input[name=present][value='{membership.pk}']")
    assert_accessible(page)
    submit(page)
    page.locator("#attendance li").first.wait_for()

    follow(page.locator("#add-paragraph"))
    item = meeting.agenda_items.get()
    page.select_option("select[name=agenda_item]", str(item.pk))
    page.check("input[name=method][value=consensus]")
    page.fill("textarea[name=decision]", "Styrgruppen antar fokusområdet för 2023.")
    page.check("input[name=focus_area_adopted][value=yes]")
    assert_accessible(page)
    submit(page)
    page.locator("#paragraf-1").wait_for()
    assert page.locator("#paragraf-1 .method").get_attribute("data-method") == "consensus"

    services.add_paragraph(meeting=meeting, title="Övrigt", by=coordinator)
    noted = MinutesParagraph.objects.get(meeting=meeting, number=2)
    page.goto(base + meeting.get_absolute_url())
    follow(page.locator(f"#decision-{noted.pk}"))
    assert_accessible(page)
    page.goto(base + meeting.get_absolute_url())
    follow(page.locator(f"#statement-{noted.pk}"))
    page.check("input[name=kind][value=dissenting]")
    page.select_option("select[name=membership]", str(gov.voting(body)[0].pk))
    page.fill("textarea[name=text]", "Ett särskilt yttrande.")
    assert_accessible(page)
    submit(page)
    page.locator("#paragraf-2 .statement").wait_for()

    # Adjusting asks for confirmation first.
    follow(page.locator("#adjust-minutes"))
    page.check(f"input[name=adjusters][value='{gov.voting(body)[0].pk}']")
    page.fill("input[name=adjusted_on]", "2022-12-06")
    assert_accessible(page)
    submit(page)
    page.locator("#adjust-confirm-form").wait_for()
    assert_accessible(page)
    follow(page.locator("#adjust-confirm-form button[type=submit]"))
    page.locator("#adjusters").wait_for()
    assert_accessible(page)
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.ADJUSTED
