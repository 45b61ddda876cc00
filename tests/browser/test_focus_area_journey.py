"""The yearly focus area from proposal to start page, in Chromium with axe-core on every page:
a member proposes, two others support, a coordinator prepares the proposal and puts it on the
steering group's agenda, the meeting decides it, the minutes are adjusted and published, and the
start page shows the new focus area. Elements are found by ids, names and addresses."""

import pytest
from django.test import Client
from django.utils import timezone

from samverkan.areas.models import FocusArea, FocusAreaProposal
from samverkan.governance.models import Meeting
from tests import factories
from tests.areas.factories import PriorityAreaFactory
from tests.browser.support import assert_accessible, follow, log_in
from tests.governance import factories as gov

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Rörelse i vardagen för alla åldrar"


def visit(page, url):
    page.goto(url)
    assert_accessible(page)


def submit(page, form="#governance-form"):
    follow(page.locator(f"{form} button[type=submit]"))


def test_a_proposal_becomes_the_focus_area_on_the_start_page(page, live_server):
    base = live_server.url
    agreement = factories.AgreementFactory(slug="malmoandan", is_primary=True)
    area = PriorityAreaFactory(agreement=agreement, title="Jämlik hälsa", slug="jamlik-halsa")
    coordinator = factories.coordinator()
    steering = gov.body(agreement=agreement, slug="styrgruppen", by=coordinator)
    today = timezone.localdate()
    meeting = gov.meeting(steering, today, by=coordinator)  # scheduled earlier, held today
    proposer, first, second = (factories.UserFactory() for _ in range(3))
    next_year = today.year + 1

    # A member proposes next year's focus area.
    log_in(page, live_server, proposer)
    visit(page, base + "/fokusomraden/")  # the menu's short address
    follow(page.locator("a[href$='/fokusomraden/forslag/nytt/']").first)
    assert_accessible(page)
    page.select_option("select[name=year]", str(next_year))
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_motivation").fill("Fler Malmöbor ska röra sig varje dag, i alla åldrar.")
    page.check(f"input[name=areas][value='{area.pk}']")
    follow(page.locator("form[method=post] button[type=submit]").last)
    proposal = FocusAreaProposal.objects.get(title=TITLE)
    page.wait_for_url(f"**{proposal.get_absolute_url()}")
    assert_accessible(page)
    # The proposer cannot support their own proposal.
    assert page.locator("form[action$='/stod/'] button").count() == 0

    # Two others support it, once each.
    for supporter in (first, second):
        log_in(page, live_server, supporter)
        visit(page, base + proposal.get_absolute_url())
        follow(page.locator("form[action$='/stod/'] button"))
        page.wait_for_url(f"**{proposal.get_absolute_url()}")
        assert page.locator("form[action$='/stod/'] button").count() == 0
        assert page.locator("form[action$='/stod/ta-tillbaka/'] button").count() == 1
    assert proposal.supports.count() == 2

    # A coordinator prepares it for the steering group and puts it on the meeting's agenda.
    log_in(page, live_server, coordinator)
    visit(page, base + proposal.get_absolute_url())
    page.locator("textarea[name=note]").fill("Förankrat i arbetsgruppen; stöds av två.")
    follow(page.locator("form[action$='/forbered/'] button[type=submit]"))
    page.wait_for_url(f"**{proposal.get_absolute_url()}")
    proposal.refresh_from_db()
    assert proposal.status == FocusAreaProposal.Status.PREPARED

    visit(page, base + meeting.get_absolute_url())
    follow(page.locator("#add-agenda-item"))
    assert_accessible(page)
    page.select_option("select[name=focus_proposal]", str(proposal.pk))
    submit(page)
    page.locator("#agenda li").first.wait_for()

    # Attendance: six of the eight voting members, so the steering group is quorate.
    follow(page.locator("#record-attendance"))
    assert_accessible(page)
    present = gov.voting(steering)[:6]
    for membership in present:
        page.check(f"input[name=present][value='{membership.pk}']")
    submit(page)
    page.locator("#attendance li").first.wait_for()

    # The meeting decides: § 1 adopts the focus area.
    follow(page.locator("#add-paragraph"))
    assert_accessible(page)
    page.select_option("select[name=agenda_item]", str(meeting.agenda_items.get().pk))
    page.check("input[name=method][value=consensus]")
    page.fill("textarea[name=decision]", f"Styrgruppen antar fokusområdet för {next_year}.")
    page.check("input[name=focus_area_adopted][value=yes]")
    submit(page)
    page.locator("#paragraf-1").wait_for()
    assert_accessible(page)

    # Not public before the minutes are adjusted.
    anonymous = Client()
    assert anonymous.get(meeting.get_absolute_url()).status_code == 404

    # Adjusted (with a confirmation step) and published.
    follow(page.locator("#adjust-minutes"))
    page.check(f"input[name=adjusters][value='{present[0].pk}']")
    page.fill("input[name=adjusted_on]", today.isoformat())
    assert_accessible(page)
    submit(page)
    page.locator("#adjust-confirm-form").wait_for()
    assert_accessible(page)
    follow(page.locator("#adjust-confirm-form button[type=submit]"))
    page.locator("#adjusters").wait_for()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.ADJUSTED
    assert anonymous.get(meeting.get_absolute_url()).status_code == 200

    focus = FocusArea.objects.get(agreement=agreement, year=next_year)
    assert focus.title == TITLE
    assert list(focus.areas.all()) == [area]

    # Anyone now sees it on the start page, linked to the focus areas.
    page.context.clear_cookies()
    visit(page, base + "/")
    section = page.locator("section[aria-labelledby=focus-heading]")
    assert TITLE in section.inner_text()
    assert str(next_year) in section.inner_text()
    follow(section.get_by_role("link", name=TITLE))
    page.wait_for_url("**/overenskommelser/malmoandan/fokusomraden/")
    assert_accessible(page)
