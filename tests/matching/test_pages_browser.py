"""Browser journey: an ombud posts a need, sees a fitting offer among the suggestions and
accepts; the administration's tjänsteperson accepts too and starts the collaboration, which
then appears in the public mapping with both parties. axe-core runs on every page passed.
Elements are found by id, name or address, never by (translated) text."""

import pytest
from django.urls import reverse

from samverkan.matching.models import Match, Posting
from samverkan.partnerships.models import Collaboration
from tests import factories
from tests.areas.factories import PriorityAreaFactory
from tests.browser.support import assert_accessible, follow, log_in, visit
from tests.matching.factories import NEED, OFFER, administration, association, posting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BASE = "/overenskommelser/malmoandan/behov-och-erbjudanden"


@pytest.fixture
def world(db):
    agreement = factories.AgreementFactory(slug="malmoandan", name="Överenskommelse Malmöandan")
    area = PriorityAreaFactory(
        agreement=agreement, title="Ungas hälsa och livsstil", slug="ungas-halsa-och-livsstil"
    )
    lindangen = factories.DistrictFactory(name="Lindängen", slug="lindangen")
    city = administration(name="Fritidsförvaltningen", slug="fritidsforvaltningen")
    club = association(name="Lindängens idrottsförening", slug="lindangens-idrottsforening")
    offer = posting(
        agreement,
        city,
        OFFER,
        "Idrottshall och tränare för motion i Lindängen",
        "Fritidsförvaltningen erbjuder halltider och tränare för motion och promenadgrupper.",
        areas=[area],
        districts=[lindangen],
    )
    posting(agreement, association(), OFFER, "Körsång", "Vi sjunger i kör.")
    return {
        "agreement": agreement,
        "area": area,
        "district": lindangen,
        "city": city,
        "club": club,
        "offer": offer,
        "ombud": factories.representative(club),
        "tjansteperson": factories.representative(city),
    }


def test_public_lists_and_posting_page_have_no_axe_violations(page, live_server, world):
    offer = world["offer"]
    visit(page, live_server, f"{BASE}/")
    assert page.locator(f"#postings a[href='{offer.get_absolute_url()}']").count() == 1
    visit(page, live_server, "/overenskommelser/malmoandan/behov/")
    visit(page, live_server, "/overenskommelser/malmoandan/erbjudanden/?q=motion&kind=partner")
    assert page.locator("#postings li").count() == 1
    visit(page, live_server, offer.get_absolute_url())


def test_ombud_posts_a_need_both_sides_accept_and_a_collaboration_is_mapped(
    page, live_server, world
):
    offer = world["offer"]
    log_in(page, live_server, world["ombud"])

    visit(page, live_server, f"{BASE}/")
    follow(page.locator("#new-posting"))
    page.wait_for_url(f"**{BASE}/nytt/")
    assert_accessible(page)
    page.locator("#id_organisation").select_option(str(world["club"].pk))
    page.locator("input[name=direction][value=need]").check()
    page.locator("#id_kind").select_option("partner")
    page.locator("#id_title").fill("Motion för unga i Lindängen")
    follow(page.locator("main form.stack button[type=submit]"))  # no text: refused, shown once
    assert page.locator("#error-summary").count() == 1
    assert page.locator("#id_text_error").count() == 1
    assert_accessible(page)
    page.locator("#id_text").fill(
        "Vår idrottsförening behöver halltider och tränare för motion och promenadgrupper."
    )
    page.locator(f"input[name=areas][value='{world['area'].pk}']").check()
    page.locator(f"input[name=districts][value='{world['district'].pk}']").check()
    follow(page.locator("main form.stack button[type=submit]"))
    need = Posting.objects.get(title="Motion för unga i Lindängen")
    page.wait_for_url(f"**{need.get_absolute_url()}")
    assert_accessible(page)

    card = page.locator(f"#suggestion-{offer.pk}")
    assert card.count() == 1
    assert page.locator("#suggestions > li").first.get_attribute("id") == f"suggestion-{offer.pk}"
    assert card.locator(".shared-districts").count() == 1
    follow(card.locator("button[value=accept]"))
    match = Match.objects.get(need=need, offer=offer)
    page.wait_for_url(f"**/matchningar/{match.pk}/")
    assert_accessible(page)
    assert match.status == Match.Status.NEED_ACCEPTED

    log_in(page, live_server, world["tjansteperson"])
    visit(page, live_server, f"{BASE}/{offer.pk}/matchningar/{match.pk}/")
    follow(page.locator("#accept"))
    page.wait_for_url(f"**/matchningar/{match.pk}/")
    assert_accessible(page)
    follow(page.locator("#collaborate"))
    page.wait_for_load_state()

    collaboration = Collaboration.objects.get()
    parties = {(p.organisation.slug, p.role) for p in collaboration.parties.all()}
    assert parties == {("lindangens-idrottsforening", "lead"), ("fritidsforvaltningen", "partner")}
    mapping = reverse("partnerships:list", kwargs={"agreement": "malmoandan"})
    assert page.url.endswith(collaboration.get_absolute_url())
    assert_accessible(page)
    visit(page, live_server, mapping)
    assert page.locator(f"a[href='{collaboration.get_absolute_url()}']").count() >= 1


def test_edit_withdraw_and_coordinator_pages_have_no_axe_violations(page, live_server, world):
    log_in(page, live_server, factories.coordinator())
    offer = world["offer"]
    need = posting(world["agreement"], world["club"], NEED, "Motion", "Motion och tränare.")

    visit(page, live_server, "/overenskommelser/malmoandan/matchning/oparade/")
    assert page.locator(f"#unmatched a[href='{offer.get_absolute_url()}']").count() == 1
    visit(page, live_server, need.get_absolute_url())
    visit(page, live_server, f"{BASE}/{offer.pk}/redigera/")
    page.locator("#id_title").fill("Idrottshall och tränare")
    follow(page.locator("main form.stack button[type=submit]"))
    page.wait_for_url(f"**{offer.get_absolute_url()}")
    assert_accessible(page)
    visit(page, live_server, f"{BASE}/{offer.pk}/dra-tillbaka/")
    follow(page.locator("main form.stack button[type=submit]"))
    page.wait_for_url(f"**{offer.get_absolute_url()}")
    assert Posting.objects.get(pk=offer.pk).status == Posting.Status.WITHDRAWN
    assert_accessible(page)
