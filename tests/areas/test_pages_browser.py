"""Browser walk through the pages of areas and focus areas, public and coordinators', with
axe-core on each. Elements are found by id, name or address, never by (translated) text."""

import datetime

import pytest
from django.utils import timezone

from samverkan.areas.models import FocusAreaProposal, HostSide, SustainabilityGoal
from tests import factories
from tests.areas.factories import (
    FocusAreaFactory,
    HostingFactory,
    PriorityAreaFactory,
    ProposalFactory,
    SupportFactory,
    city_hosting,
)
from tests.browser.support import assert_accessible, follow, log_in, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BASE = "/overenskommelser/malmoandan"


@pytest.fixture
def demo(db):
    agreement = factories.AgreementFactory(slug="malmoandan", name="Överenskommelse Malmöandan")
    # Reference data of a migration; a transactional test before this one may have flushed it.
    goal, _ = SustainabilityGoal.objects.get_or_create(
        number=3, defaults={"title": "Hälsa och välbefinnande"}
    )
    area = PriorityAreaFactory(
        agreement=agreement,
        title="Ungas hälsa och livsstil",
        slug="ungas-halsa-och-livsstil",
        started_on=datetime.date(2021, 3, 1),
    )
    area.goals.add(goal)
    HostingFactory(
        area=area,
        organisation=factories.OrganisationFactory(name="MISO", slug="miso"),
        starts_on=datetime.date(2021, 3, 1),
    )
    HostingFactory(
        area=area,
        organisation=factories.OrganisationFactory(name="Rädda Barnen", slug="radda-barnen"),
        starts_on=datetime.date(2019, 1, 1),
        ends_on=datetime.date(2020, 12, 31),
    )
    city_hosting(
        area=area,
        organisation=factories.administration(
            name="Fritidsförvaltningen", slug="fritidsforvaltningen"
        ),
        starts_on=datetime.date(2021, 3, 1),
    )
    FocusAreaFactory(
        agreement=agreement, year=timezone.localdate().year, title="Jämlik hälsa"
    ).areas.add(area)
    FocusAreaFactory(agreement=agreement, year=2022, title="Ungas trygghet och delaktighet")
    proposal = ProposalFactory(agreement=agreement, title="Psykisk hälsa bland unga")
    proposal.areas.add(area)
    SupportFactory(proposal=proposal)
    return {"agreement": agreement, "area": area, "proposal": proposal}


def submit(page) -> None:
    follow(page.locator("main form.stack button[type=submit]").first)


def test_public_pages_have_no_axe_violations(page, live_server, demo):
    area, proposal = demo["area"], demo["proposal"]

    visit(page, live_server, f"{BASE}/omraden/")
    assert page.locator(f"#areas a[href='{area.get_absolute_url()}']").count() == 1

    visit(page, live_server, area.get_absolute_url())
    assert page.locator("h1").inner_text() == "Ungas hälsa och livsstil"
    assert page.locator("#hosts a[href='/organisationer/miso/']").count() == 1
    assert page.locator("#hosting-history a[href='/organisationer/radda-barnen/']").count() == 1
    assert page.locator("#running-time").count() == 1

    visit(page, live_server, f"{BASE}/fokusomraden/")
    assert page.locator("#current-focus-area").inner_text() == "Jämlik hälsa"
    follow(page.locator(f"#proposals a[href='{proposal.get_absolute_url()}']"))
    assert page.url.endswith(proposal.get_absolute_url())
    assert_accessible(page)


def test_member_proposes_and_supports(page, live_server, demo):
    member = factories.UserFactory()
    log_in(page, live_server, member)
    proposal = demo["proposal"]

    visit(page, live_server, proposal.get_absolute_url())
    follow(page.locator("form[action$='/stod/'] button"))
    page.wait_for_url(f"**{proposal.get_absolute_url()}")
    assert proposal.supports.filter(user=member).exists()
    assert page.locator("form[action$='/stod/ta-tillbaka/'] button").count() == 1
    assert_accessible(page)

    visit(page, live_server, f"{BASE}/fokusomraden/")
    follow(page.locator("a[href$='/fokusomraden/forslag/nytt/']"))
    assert_accessible(page)
    page.locator("#id_title").fill("Rörelse i vardagen")
    submit(page)  # no motivation: the form shows its error once
    assert page.locator("#error-summary").count() == 1
    assert page.locator("#id_motivation_error").count() == 1
    assert_accessible(page)
    page.locator("#id_motivation").fill("Fler Malmöbor ska röra sig varje dag.")
    submit(page)
    own = FocusAreaProposal.objects.get(title="Rörelse i vardagen")
    page.wait_for_url(f"**{own.get_absolute_url()}")
    assert_accessible(page)

    visit(page, live_server, f"{own.get_absolute_url()}dra-tillbaka/")


def test_coordinator_forms_have_no_axe_violations(page, live_server, demo):
    log_in(page, live_server, factories.coordinator())
    area, proposal = demo["area"], demo["proposal"]

    visit(page, live_server, f"{BASE}/omraden/ny/")
    submit(page)  # empty title: one error, shown at the field and in the summary
    assert page.locator("#error-summary").count() == 1
    assert page.locator("#id_title_error").count() == 1
    assert_accessible(page)
    page.locator("#id_title").fill("Klimat och omställning")
    submit(page)
    page.wait_for_url("**/omraden/klimat-och-omstallning/")
    assert_accessible(page)

    visit(page, live_server, f"{area.get_absolute_url()}redigera/")
    visit(page, live_server, f"{area.get_absolute_url()}fas/")
    page.locator("#id_note").fill("Dialogerna har börjat.")
    submit(page)
    page.wait_for_url(f"**{area.get_absolute_url()}")
    assert page.locator("#phase-history li").count() == 1
    assert_accessible(page)

    visit(page, live_server, f"{area.get_absolute_url()}vardskap/nytt/")
    page.locator("#id_organisation").select_option(label="Rädda Barnen")
    submit(page)  # MISO hosts the civil side: refused, with the reason at the start date
    assert page.locator("#id_starts_on_error").count() == 1
    assert_accessible(page)

    civil = area.hostings.get(side=HostSide.CIVIL_SOCIETY, ends_on__isnull=True)
    visit(page, live_server, f"{area.get_absolute_url()}vardskap/{civil.pk}/avsluta/")
    submit(page)
    page.wait_for_url(f"**{area.get_absolute_url()}")
    civil.refresh_from_db()
    assert civil.ends_on == timezone.localdate()

    visit(page, live_server, proposal.get_absolute_url())
    page.locator("#id_note").fill("Passar årets dialogforum.")
    follow(page.locator("form[action$='/forbered/'] button"))
    page.wait_for_url(f"**{proposal.get_absolute_url()}")
    proposal.refresh_from_db()
    assert proposal.status == FocusAreaProposal.Status.PREPARED
    assert_accessible(page)
