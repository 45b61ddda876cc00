"""Which open calls an organisation, a need or offer and a collaboration may apply to, ranked,
and why."""

import pytest
from django.template import Context, Template

from samverkan.actors.models import LegalForm, Sector
from samverkan.funding import selectors
from samverkan.partnerships.models import CollaborationParty
from tests import factories
from tests.areas.factories import HostingFactory, PriorityAreaFactory
from tests.funding.factories import (
    CallFactory,
    CollaborationFactory,
    PostingFactory,
    in_days,
    party,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement():
    return factories.AgreementFactory(slug="malmoandan")


@pytest.fixture
def lindangen():
    return factories.DistrictFactory(name="Lindängen", slug="lindangen")


@pytest.fixture
def rosengard():
    return factories.DistrictFactory(name="Rosengård", slug="rosengard")


def titles(suggestions):
    return [s.call.title for s in suggestions]


def test_sector_must_be_allowed(agreement):
    association = factories.OrganisationFactory()
    CallFactory(title="För föreningar", sector_values=[Sector.CIVIL_SOCIETY])
    CallFactory(title="För kommuner", sector_values=[Sector.MUNICIPALITY])
    assert titles(selectors.eligible_calls_for_organisation(association)) == ["För föreningar"]
    city = factories.administration()
    assert titles(selectors.eligible_calls_for_organisation(city)) == ["För kommuner"]


def test_legal_form_must_be_allowed():
    foundation = factories.OrganisationFactory(legal_form=LegalForm.FOUNDATION)
    CallFactory(title="Bara föreningar", form_values=[LegalForm.ASSOCIATION])
    CallFactory(title="Stiftelser och föreningar", form_values=["association", "foundation"])
    assert titles(selectors.eligible_calls_for_organisation(foundation)) == [
        "Stiftelser och föreningar"
    ]


def test_empty_eligibility_means_any():
    company = factories.OrganisationFactory(sector=Sector.BUSINESS, legal_form=LegalForm.COMPANY)
    CallFactory(title="Öppen för alla")
    [suggestion] = selectors.eligible_calls_for_organisation(company)
    assert suggestion.call.title == "Öppen för alla"
    assert any("alla samhällsutmaningar" in r for r in suggestion.reasons)
    assert any("hela staden" in r for r in suggestion.reasons)


def test_districts_must_overlap(lindangen, rosengard):
    org = factories.OrganisationFactory(districts=[lindangen])
    CallFactory(title="Lindängen", districts=[lindangen])
    CallFactory(title="Rosengård", districts=[rosengard])
    [suggestion] = selectors.eligible_calls_for_organisation(org)
    assert suggestion.call.title == "Lindängen"
    assert "Gemensamma områden: Lindängen." in suggestion.reasons


def test_areas_must_overlap_with_the_areas_the_organisation_hosts(agreement):
    health = PriorityAreaFactory(agreement=agreement, title="Ungas hälsa")
    work = PriorityAreaFactory(agreement=agreement, title="Nya vägar till arbete")
    host = factories.OrganisationFactory()
    HostingFactory(area=health, organisation=host, starts_on=in_days(-100))
    CallFactory(title="Hälsa", agreement=agreement, areas=[health])
    CallFactory(title="Arbete", agreement=agreement, areas=[work])
    assert titles(selectors.eligible_calls_for_organisation(host, agreement=agreement)) == ["Hälsa"]
    stranger = factories.OrganisationFactory()
    assert selectors.eligible_calls_for_organisation(stranger, agreement=agreement) == []


def test_closed_and_not_yet_open_calls_are_excluded():
    org = factories.OrganisationFactory()
    CallFactory(title="Stängd", opens_on=in_days(-60), deadline=in_days(-1))
    CallFactory(title="Öppnar senare", opens_on=in_days(5), deadline=in_days(40))
    CallFactory(title="Sista dagen idag", deadline=in_days(0))
    assert titles(selectors.eligible_calls_for_organisation(org)) == ["Sista dagen idag"]


def test_equal_fits_are_ordered_by_deadline_and_rolling_calls_last():
    org = factories.OrganisationFactory()
    CallFactory(title="Löpande", deadline=None)
    CallFactory(title="Om en månad", deadline=in_days(30))
    CallFactory(title="Om en vecka", deadline=in_days(7))
    assert titles(selectors.eligible_calls_for_organisation(org)) == [
        "Om en vecka",
        "Om en månad",
        "Löpande",
    ]


def test_a_specific_match_ranks_above_a_call_open_to_all(lindangen):
    org = factories.OrganisationFactory(districts=[lindangen])
    CallFactory(title="För alla, snart", deadline=in_days(3))
    CallFactory(title="För Lindängen, senare", deadline=in_days(60), districts=[lindangen])
    assert titles(selectors.eligible_calls_for_organisation(org)) == [
        "För Lindängen, senare",
        "För alla, snart",
    ]


def test_other_agreements_calls_are_not_suggested(agreement):
    other = factories.AgreementFactory(slug="lund", is_primary=False)
    CallFactory(title="Malmös", agreement=agreement)
    CallFactory(title="Lunds", agreement=other)
    CallFactory(title="Nationell")
    org = factories.OrganisationFactory()
    found = titles(selectors.eligible_calls_for_organisation(org, agreement=agreement))
    assert sorted(found) == ["Malmös", "Nationell"]


def test_posting_suggestions_use_its_areas_and_districts_with_reasons(agreement, lindangen):
    health = PriorityAreaFactory(agreement=agreement, title="Ungas hälsa")
    posting = PostingFactory(agreement=agreement, areas=[health], districts=[lindangen])
    CallFactory(
        title="Hälsa på Lindängen",
        agreement=agreement,
        areas=[health],
        districts=[lindangen],
        sector_values=[Sector.CIVIL_SOCIETY],
    )
    CallFactory(title="Bara kommuner", sector_values=[Sector.MUNICIPALITY])
    [suggestion] = selectors.suggest_calls_for_posting(posting)
    assert suggestion.call.title == "Hälsa på Lindängen"
    assert suggestion.reasons[0] == "Behovet gäller finansiering."
    assert "Gemensamma samhällsutmaningar: Ungas hälsa." in suggestion.reasons
    assert "Gemensamma områden: Lindängen." in suggestion.reasons
    assert any(posting.organisation.name in r for r in suggestion.reasons)


def test_posting_without_districts_uses_its_organisations(agreement, lindangen, rosengard):
    org = factories.OrganisationFactory(districts=[rosengard])
    posting = PostingFactory(agreement=agreement, organisation=org)
    CallFactory(title="Rosengård", districts=[rosengard])
    CallFactory(title="Lindängen", districts=[lindangen])
    assert titles(selectors.suggest_calls_for_posting(posting)) == ["Rosengård"]


def test_collaboration_fits_when_one_party_may_apply(agreement, lindangen):
    collaboration = CollaborationFactory(agreement=agreement, districts=[lindangen])
    city = factories.administration(name="Fritidsförvaltningen")
    association = factories.OrganisationFactory(name="Rädda Barnen")
    party(collaboration, city, CollaborationParty.Role.LEAD)
    party(collaboration, association)
    CallFactory(title="För föreningar", sector_values=[Sector.CIVIL_SOCIETY])
    CallFactory(title="För företag", sector_values=[Sector.BUSINESS])
    [suggestion] = selectors.suggest_calls_for_collaboration(collaboration)
    assert suggestion.call.title == "För föreningar"
    assert suggestion.applicants == [association]
    assert any("Rädda Barnen kan söka" in r for r in suggestion.reasons)


def test_posting_tag_renders_the_fitting_calls_with_reasons(agreement, lindangen):
    posting = PostingFactory(agreement=agreement, districts=[lindangen])
    call = CallFactory(title="Stöd på Lindängen", districts=[lindangen])
    CallFactory(title="Stängd", deadline=in_days(-2), opens_on=in_days(-20))
    html = Template("{% load funding %}{% funding_suggestions_for_posting posting %}").render(
        Context({"posting": posting})
    )
    assert 'id="funding-suggestions"' in html
    assert call.url_in(agreement) in html
    assert "Stöd på Lindängen" in html
    assert "Lindängen." in html  # the reason
    assert "Stängd" not in html


def test_collaboration_tag_says_when_nothing_fits(agreement):
    collaboration = CollaborationFactory(agreement=agreement)
    party(collaboration, factories.OrganisationFactory())
    CallFactory(title="För företag", sector_values=[Sector.BUSINESS])
    html = Template(
        "{% load funding %}{% funding_suggestions_for_collaboration collaboration %}"
    ).render(Context({"collaboration": collaboration}))
    assert 'id="funding-suggestions"' in html
    assert "För företag" not in html
    assert "/overenskommelser/malmoandan/finansiering/" in html
