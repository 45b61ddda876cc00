"""The pages of areas and focus areas: who gets what, forms, refusals, other agreements."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation

from samverkan.areas.models import FocusAreaProposal, Hosting, HostSide, Phase, PriorityArea
from samverkan.events.models import Event
from samverkan.partnerships.models import Collaboration
from samverkan.partnerships.services import create_collaboration
from tests import factories
from tests.areas.factories import (
    FocusAreaFactory,
    HostingFactory,
    PriorityAreaFactory,
    ProposalFactory,
    SupportFactory,
    city_hosting,
)

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = timezone.localdate()


def t(msgid: str) -> str:
    with translation.override("sv"):
        return translation.gettext(msgid)


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def url(name, agreement, **kwargs):
    return reverse(f"areas:{name}", kwargs={"agreement": agreement.slug, **kwargs})


@pytest.fixture
def agreement(db):
    return factories.AgreementFactory(slug="malmoandan")


@pytest.fixture
def other_agreement(db):
    return factories.AgreementFactory(slug="lund", is_primary=False)


@pytest.fixture
def area(agreement):
    area = PriorityAreaFactory(
        agreement=agreement, title="Ungas hälsa och livsstil", slug="ungas-halsa"
    )
    HostingFactory(area=area, organisation=factories.OrganisationFactory(name="MISO"))
    city_hosting(area=area, organisation=factories.administration(name="Fritidsförvaltningen"))
    return area


@pytest.fixture
def proposal(agreement):
    return ProposalFactory(agreement=agreement, title="Jämlik hälsa")


def host_of(area):
    return area.hostings.get(side=HostSide.CIVIL_SOCIETY).contact_person


# Public pages


def test_area_list_shows_areas_with_their_hosts(client, area):
    response = client.get(url("list", area.agreement))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Ungas hälsa och livsstil" in html
    assert "MISO" in html and "Fritidsförvaltningen" in html
    assert url("new", area.agreement) not in html


def test_area_page_shows_hosts_phase_and_running_time(client, area):
    response = client.get(area.get_absolute_url())

    assert response.status_code == 200
    assert response.context["hosts"]["civil"].organisation.name == "MISO"
    assert response.context["running_time"].started_on == D(2021, 1, 1)
    html = response.content.decode()
    assert 'id="running-time"' in html
    # Contact people are personal data: not shown to visitors, and no edit links.
    assert str(host_of(area)) not in html
    assert url("edit", area.agreement, slug=area.slug) not in html


def test_area_page_shows_the_contact_people_to_members(client, area, member):
    client.force_login(member)

    response = client.get(area.get_absolute_url())

    assert str(host_of(area)) in response.content.decode()


def test_unknown_agreement_or_area_is_404(client, area, other_agreement):
    assert client.get(url("list", area.agreement).replace("malmoandan", "nej")).status_code == 404
    assert client.get(url("detail", other_agreement, slug=area.slug)).status_code == 404
    assert client.get(url("detail", area.agreement, slug="finns-inte")).status_code == 404


def test_objects_of_another_agreement_answer_404_even_to_coordinators(
    client, area, proposal, other_agreement, coordinator
):
    client.force_login(coordinator)
    hosting = area.hostings.first()

    for path in [
        url("edit", other_agreement, slug=area.slug),
        url("phase_change", other_agreement, slug=area.slug),
        url("hosting_new", other_agreement, slug=area.slug),
        url("hosting_end", other_agreement, slug=area.slug, pk=hosting.pk),
        url("proposal", other_agreement, pk=proposal.pk),
        url("withdraw", other_agreement, pk=proposal.pk),
    ]:
        assert client.get(path).status_code == 404, path
    assert client.post(url("support", other_agreement, pk=proposal.pk)).status_code == 404
    assert client.post(url("prepare", other_agreement, pk=proposal.pk)).status_code == 404


def test_hosting_of_another_area_is_404(client, area, coordinator):
    elsewhere = HostingFactory(area=PriorityAreaFactory(agreement=area.agreement))
    client.force_login(coordinator)

    response = client.get(url("hosting_end", area.agreement, slug=area.slug, pk=elsewhere.pk))

    assert response.status_code == 404


def test_focus_areas_page_shows_this_years_past_and_open_proposals(client, agreement):
    FocusAreaFactory(agreement=agreement, year=TODAY.year, title="Årets fokus")
    FocusAreaFactory(agreement=agreement, year=2022, title="Ungas trygghet och delaktighet")
    open_one = ProposalFactory(agreement=agreement, title="Öppet förslag")
    SupportFactory.create_batch(2, proposal=open_one)
    ProposalFactory(
        agreement=agreement, title="Tillbakadraget", status=FocusAreaProposal.Status.WITHDRAWN
    )

    response = client.get(url("focus_areas", agreement))

    assert response.status_code == 200
    assert response.context["this_year"].title == "Årets fokus"
    assert [f.title for f in response.context["past"]] == ["Ungas trygghet och delaktighet"]
    assert [(p.title, p.supporters) for p in response.context["proposals"]] == [
        ("Öppet förslag", 2)
    ]
    assert url("propose", agreement) in response.content.decode()


def test_proposal_page_shows_supporters_but_not_who(client, proposal):
    supporters = [s.user for s in SupportFactory.create_batch(3, proposal=proposal)]

    response = client.get(proposal.get_absolute_url())

    assert response.status_code == 200
    assert response.context["proposal"].supporters == 3
    html = response.content.decode()
    assert all(s.email not in html and str(s) not in html for s in supporters)
    assert str(proposal.proposed_by) not in html


# Coordinators' forms


def test_visitor_is_sent_to_log_in(client, agreement):
    response = client.get(url("new", agreement))

    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_member_is_refused_with_the_reason(client, agreement, member):
    client.force_login(member)

    response = client.get(url("new", agreement))

    assert response.status_code == 403
    assert response.context["reason"] == t("Only the coordinators add priority areas.")


def test_coordinator_adds_an_area(client, agreement, coordinator):
    client.force_login(coordinator)

    response = client.post(
        url("new", agreement),
        {"title": "Klimat och omställning", "summary": "", "description": "", "position": 6},
    )

    area = PriorityArea.objects.get(title="Klimat och omställning")
    assert response.status_code == 302
    assert response["Location"] == area.get_absolute_url()
    assert area.agreement == agreement and area.started_on == TODAY


def test_a_new_area_without_a_position_comes_last(client, area, coordinator):
    client.force_login(coordinator)
    area.position = 4
    area.save()

    client.post(url("new", area.agreement), {"title": "Klimat", "position": ""})

    assert PriorityArea.objects.get(title="Klimat").position == 5


def test_later_apps_add_sections_to_the_area_page(client, area, monkeypatch):
    from samverkan.areas import selectors
    from samverkan.core.registry import SectionRegistry

    registry = SectionRegistry()
    registry.register("areas/_focus_area_areas.html", lambda area, user: {"focus": None})
    monkeypatch.setattr(selectors, "AREA_PAGE", registry)

    response = client.get(area.get_absolute_url())

    assert response.context["sections"] == [
        {"template": "areas/_focus_area_areas.html", "focus": None}
    ]


def test_empty_title_shows_the_error_at_the_field(client, agreement, coordinator):
    client.force_login(coordinator)

    response = client.post(url("new", agreement), {"title": "", "position": 1})

    assert response.status_code == 400
    assert response.context["form"].errors["title"]
    assert 'id="error-summary"' in response.content.decode()


def test_host_edits_the_description_with_a_smaller_form(client, area):
    person = host_of(area)
    client.force_login(person)

    page = client.get(url("edit", area.agreement, slug=area.slug))
    response = client.post(
        url("edit", area.agreement, slug=area.slug),
        {"summary": "Kort", "description": "Värdens nya text"},
    )

    assert "title" not in page.context["form"].fields
    assert response.status_code == 302
    area.refresh_from_db()
    assert area.description == "Värdens nya text"
    assert messages_of(response) == [t("The changes have been saved.")]


def test_member_cannot_edit_an_area(client, area, member):
    client.force_login(member)

    response = client.post(url("edit", area.agreement, slug=area.slug), {"summary": "x"})

    assert response.status_code == 403


def test_host_records_a_phase_change(client, area):
    client.force_login(host_of(area))

    response = client.post(
        url("phase_change", area.agreement, slug=area.slug),
        {"phase": Phase.DIALOGUE, "changed_on": TODAY.isoformat(), "note": "Dialogerna börjar"},
    )

    assert response.status_code == 302
    area.refresh_from_db()
    assert area.phase == Phase.DIALOGUE
    assert area.phase_changes.get().note == "Dialogerna börjar"


def test_same_phase_shows_the_services_message_at_the_field(client, area, coordinator):
    client.force_login(coordinator)

    response = client.post(
        url("phase_change", area.agreement, slug=area.slug),
        {"phase": area.phase, "changed_on": TODAY.isoformat()},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["phase"]


def test_second_civil_host_is_refused_in_the_form(client, area, coordinator):
    client.force_login(coordinator)
    other = factories.OrganisationFactory(name="Sensus")

    response = client.post(
        url("hosting_new", area.agreement, slug=area.slug),
        {"side": "civil", "organisation": other.pk, "starts_on": TODAY.isoformat()},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["starts_on"]
    assert area.hostings.count() == 2


def test_wrong_sector_is_refused_at_the_organisation(client, area, coordinator):
    client.force_login(coordinator)
    club = factories.OrganisationFactory(name="Idrottsklubben")
    area.hostings.filter(side=HostSide.CITY).update(ends_on=D(2022, 1, 1))

    response = client.post(
        url("hosting_new", area.agreement, slug=area.slug),
        {"side": "city", "organisation": club.pk, "starts_on": TODAY.isoformat()},
    )

    assert response.context["form"].errors["organisation"] == [
        t("The city host must be a city administration; %(org)s is not.") % {"org": club.name}
    ]


def test_coordinator_appoints_a_host_with_a_contact_person(client, area, coordinator):
    client.force_login(coordinator)
    area.hostings.filter(side=HostSide.CITY).update(ends_on=D(2022, 1, 1))
    administration = factories.administration(name="Kulturförvaltningen")
    person = factories.UserFactory(email="kontakt@example.se")

    response = client.post(
        url("hosting_new", area.agreement, slug=area.slug),
        {
            "side": "city",
            "organisation": administration.pk,
            "contact_email": "KONTAKT@example.se",
            "starts_on": TODAY.isoformat(),
            "agreement_reference": "STK-2026-1",
        },
    )

    assert response.status_code == 302
    hosting = Hosting.objects.get(organisation=administration)
    assert (hosting.contact_person, hosting.agreement_reference) == (person, "STK-2026-1")


def test_unknown_contact_email_is_an_error(client, area, coordinator):
    client.force_login(coordinator)

    response = client.post(
        url("hosting_new", area.agreement, slug=area.slug),
        {
            "side": "civil",
            "organisation": factories.OrganisationFactory().pk,
            "contact_email": "ingen@example.se",
            "starts_on": TODAY.isoformat(),
        },
    )

    assert response.context["form"].errors["contact_email"]


def test_ending_a_hosting_asks_first_then_keeps_it_as_history(client, area, coordinator):
    client.force_login(coordinator)
    hosting = area.hostings.get(side=HostSide.CIVIL_SOCIETY)
    end_url = url("hosting_end", area.agreement, slug=area.slug, pk=hosting.pk)

    confirm = client.get(end_url)
    hosting.refresh_from_db()
    assert confirm.status_code == 200 and hosting.ends_on is None

    response = client.post(end_url, {"ends_on": TODAY.isoformat()})

    assert response.status_code == 302
    hosting.refresh_from_db()
    assert hosting.ends_on == TODAY


def test_host_cannot_end_a_hosting(client, area):
    person = host_of(area)
    client.force_login(person)
    hosting = area.hostings.get(side=HostSide.CITY)

    response = client.post(
        url("hosting_end", area.agreement, slug=area.slug, pk=hosting.pk),
        {"ends_on": TODAY.isoformat()},
    )

    assert response.status_code == 403
    hosting.refresh_from_db()
    assert hosting.ends_on is None


# Focus-area proposals


def test_member_proposes_a_focus_area(client, area, member):
    client.force_login(member)

    response = client.post(
        url("propose", area.agreement),
        {
            "year": TODAY.year + 1,
            "title": "Rörelse för alla",
            "motivation": "För att fler ska röra på sig.",
            "areas": [area.pk],
        },
    )

    proposal = FocusAreaProposal.objects.get(title="Rörelse för alla")
    assert response["Location"] == proposal.get_absolute_url()
    assert proposal.proposed_by == member and list(proposal.areas.all()) == [area]


def test_a_past_year_is_not_offered(client, agreement, member):
    client.force_login(member)

    response = client.post(
        url("propose", agreement),
        {"year": TODAY.year - 1, "title": "Gammalt", "motivation": "Text"},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["year"]


def test_member_supports_and_withdraws_support(client, proposal, member):
    client.force_login(member)

    supported = client.post(url("support", proposal.agreement, pk=proposal.pk))
    assert supported.status_code == 302
    assert proposal.supports.filter(user=member).exists()
    again = client.post(url("support", proposal.agreement, pk=proposal.pk))
    assert messages_of(again)[-1] == t("You already support this proposal.")

    client.post(url("withdraw_support", proposal.agreement, pk=proposal.pk))
    assert not proposal.supports.exists()


def test_proposer_cannot_support_their_own_proposal(client, proposal):
    client.force_login(proposal.proposed_by)

    page = client.get(proposal.get_absolute_url())
    response = client.post(url("support", proposal.agreement, pk=proposal.pk))

    assert not page.context["can_support"]
    assert response.status_code == 403
    assert response.context["reason"] == t("You cannot support your own proposal.")


def test_support_needs_a_post_and_a_login(client, proposal):
    assert client.get(url("support", proposal.agreement, pk=proposal.pk)).status_code in (302, 405)
    response = client.post(url("support", proposal.agreement, pk=proposal.pk))
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_coordinator_prepares_a_proposal(client, proposal, coordinator):
    client.force_login(coordinator)

    page = client.get(proposal.get_absolute_url())
    response = client.post(
        url("prepare", proposal.agreement, pk=proposal.pk), {"note": "Passar planen."}
    )

    assert "prepare_form" in page.context
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.preparation_note) == ("prepared", "Passar planen.")


def test_empty_preparation_shows_the_error_on_the_proposal_page(client, proposal, coordinator):
    client.force_login(coordinator)

    response = client.post(url("prepare", proposal.agreement, pk=proposal.pk), {"note": ""})

    assert response.status_code == 400
    assert response.context["prepare_form"].errors["note"]


def test_member_cannot_prepare(client, proposal, member):
    client.force_login(member)

    response = client.post(url("prepare", proposal.agreement, pk=proposal.pk), {"note": "x"})

    assert response.status_code == 403


def test_proposer_withdraws_after_confirming(client, proposal):
    client.force_login(proposal.proposed_by)
    withdraw_url = url("withdraw", proposal.agreement, pk=proposal.pk)

    assert client.get(withdraw_url).status_code == 200
    response = client.post(withdraw_url)

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == FocusAreaProposal.Status.WITHDRAWN


def test_others_cannot_withdraw_a_proposal(client, proposal, coordinator):
    client.force_login(coordinator)

    response = client.post(url("withdraw", proposal.agreement, pk=proposal.pk))

    assert response.status_code == 403


# Sitemap


def test_sitemap_lists_the_public_pages_but_not_withdrawn_proposals(client, area, proposal):
    withdrawn = ProposalFactory(agreement=area.agreement, status=FocusAreaProposal.Status.WITHDRAWN)

    xml = client.get("/sitemap.xml").content.decode()

    for path in [
        url("list", area.agreement),
        url("focus_areas", area.agreement),
        area.get_absolute_url(),
        proposal.get_absolute_url(),
    ]:
        assert f"{path}</loc>" in xml, path
    assert f"{withdrawn.get_absolute_url()}</loc>" not in xml


def test_the_area_page_shows_its_coming_events_and_running_collaborations(client):
    area = PriorityAreaFactory()
    coordinator = factories.coordinator()
    create_collaboration(
        agreement=area.agreement,
        title="Läxhjälp i Lindängen",
        parties=[(factories.OrganisationFactory(), "lead")],
        areas=[area],
        by=coordinator,
    )
    create_collaboration(
        agreement=area.agreement,
        title="Avslutat samarbete",
        parties=[(factories.OrganisationFactory(), "lead")],
        areas=[area],
        status=Collaboration.Status.ENDED,
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2021, 1, 1),
        by=coordinator,
    )
    starts = timezone.now() + datetime.timedelta(days=7)
    event = Event.objects.create(
        agreement=area.agreement,
        title="Lärandelunch om området",
        slug="lunch-om-omradet",
        kind="learning_lunch",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        place_kind="address",
        address="Nobelvägen 21",
        is_published=True,
    )
    event.areas.add(area)

    page = client.get(area.get_absolute_url()).content.decode()
    assert "Läxhjälp i Lindängen" in page
    assert "Avslutat samarbete" not in page  # only running ones
    assert "Lärandelunch om området" in page
    assert event.get_absolute_url() in page


def test_the_area_page_leaves_out_a_collaboration_marked_running_after_its_end(client):
    area = PriorityAreaFactory()
    create_collaboration(
        agreement=area.agreement,
        title="Julmarknad 2024",
        parties=[(factories.OrganisationFactory(), "lead")],
        areas=[area],
        starts_on=datetime.date(2024, 12, 12),
        ends_on=datetime.date(2024, 12, 13),
        by=factories.coordinator(),
    )

    page = client.get(area.get_absolute_url()).content.decode()

    assert Collaboration.objects.get(title="Julmarknad 2024").status == "running"
    assert "Julmarknad 2024" not in page


def test_an_ended_area_shows_when_it_ended_and_how_long_it_ran(client, area):
    PriorityArea.objects.filter(pk=area.pk).update(
        started_on=D(2019, 2, 1), ended_on=D(2023, 12, 31)
    )

    response = client.get(area.get_absolute_url())

    html = response.content.decode()
    assert response.context["running_time"].has_ended
    assert 'id="ended-on"' in html
    assert t("Running time") not in html
    assert t("beyond the planned time") not in html


def test_the_edit_form_offers_an_end_date_and_the_new_area_form_does_not(client, area, coordinator):
    client.force_login(coordinator)

    page = client.get(url("edit", area.agreement, slug=area.slug)).content.decode()

    assert 'name="ended_on"' in page
    assert 'name="ended_on"' not in client.get(url("new", area.agreement)).content.decode()
