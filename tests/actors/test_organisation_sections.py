"""An organisation's page lists its collaborations, IOP agreements, events and open needs and
offers (sections the other apps add), public ones only for visitors, in a fixed number of
queries however many there are."""

import pytest

from samverkan.matching import services as matching
from samverkan.partnerships.models import Collaboration
from tests import factories
from tests.budgets.budgets import SITEMAP
from tests.events.factories import EventFactory, soon
from tests.matching.factories import NEED, OFFER, posting
from tests.partnerships.factories import CollaborationFactory, IopAgreementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement():
    return factories.AgreementFactory(slug="malmoandan", is_primary=True)


@pytest.fixture
def club():
    return factories.OrganisationFactory(name="Föreningen Zig Zag", slug="zig-zag")


def page_of(client, organisation) -> str:
    response = client.get(organisation.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_lists_the_organisations_collaborations_with_a_link_to_all(
    client, agreement, club
):
    collaboration = CollaborationFactory(
        agreement=agreement, title="Områdesdialog Seved", parties=[(club, "lead")]
    )
    CollaborationFactory(agreement=agreement, title="Någon annans samarbete")
    page = page_of(client, club)
    assert collaboration.get_absolute_url() in page
    assert "Någon annans samarbete" not in page
    assert "/samarbeten/?organisation=zig-zag" in page


def test_the_page_lists_the_iop_agreements_of_the_organisations_collaborations(
    client, agreement, club
):
    iop = IopAgreementFactory(
        collaboration=CollaborationFactory(
            agreement=agreement,
            kind=Collaboration.Kind.IOP,
            title="IOP fritidsgård",
            parties=[(club, "lead")],
        )
    )
    assert iop.get_absolute_url() in page_of(client, club)


def test_the_page_lists_the_coming_and_latest_past_events_the_organisation_organises(
    client, agreement, club
):
    coming = EventFactory(agreement=agreement, organisers=[club], title="Dansworkshop")
    past = EventFactory(
        agreement=agreement, organisers=[club], title="Förra årets fest", starts_at=soon(-300)
    )
    EventFactory(agreement=agreement, title="Någon annans evenemang")
    page = page_of(client, club)
    assert coming.get_absolute_url() in page
    assert past.get_absolute_url() in page
    assert "Någon annans evenemang" not in page


def test_the_page_lists_the_organisations_open_needs_and_offers(client, agreement, club):
    need = posting(agreement, club, NEED, "Lokal för dans på kvällar")
    withdrawn = posting(agreement, club, OFFER, "Tillbakadraget erbjudande")
    matching.withdraw_posting(posting=withdrawn, by=factories.coordinator())
    page = page_of(client, club)
    assert need.get_absolute_url() in page
    assert "Tillbakadraget erbjudande" not in page


def test_a_visitor_sees_no_collaboration_iop_agreement_or_event_that_is_not_public(
    client, agreement, club
):
    hidden = CollaborationFactory(
        agreement=agreement,
        kind=Collaboration.Kind.IOP,
        title="Internt samarbete",
        parties=[(club, "lead")],
        is_public=False,
    )
    IopAgreementFactory(collaboration=hidden)
    EventFactory(agreement=agreement, organisers=[club], title="Utkast", is_published=False)
    page = page_of(client, club)
    assert "Internt samarbete" not in page
    assert "Utkast" not in page


def test_the_organisations_representative_also_sees_its_collaborations_that_are_not_public(
    client, agreement, club
):
    hidden = CollaborationFactory(
        agreement=agreement, title="Internt samarbete", parties=[(club, "lead")], is_public=False
    )
    client.force_login(factories.representative(club))
    assert hidden.get_absolute_url() in page_of(client, club)


def test_an_organisation_with_nothing_to_list_shows_no_empty_sections(client, agreement, club):
    page = page_of(client, club)
    assert 'id="organisation-collaborations-heading"' not in page
    assert 'id="organisation-events-heading"' not in page


# The organisation page with every section, for an anonymous visitor: its budget in the one
# table of query budgets.
QUERIES_WITH_SECTIONS = SITEMAP["actors:organisation"].anonymous


@pytest.mark.parametrize("size", [1, 4])
def test_the_sections_cost_the_same_queries_however_many_rows_they_list(
    client, django_assert_num_queries, agreement, club, size
):
    partner = factories.administration()
    for n in range(size * 3):
        collaboration = CollaborationFactory(
            agreement=agreement,
            kind=Collaboration.Kind.IOP,
            parties=[(club, "lead"), (partner, "partner")],
        )
        IopAgreementFactory(collaboration=collaboration)
        EventFactory(agreement=agreement, organisers=[club, partner])
        EventFactory(agreement=agreement, organisers=[club], starts_at=soon(-30 - n))
        posting(agreement, club, NEED, f"Behov nummer {n}")

    with django_assert_num_queries(QUERIES_WITH_SECTIONS):
        page = page_of(client, club)

    for section in ("collaborations", "iop", "events", "postings"):
        assert f'id="organisation-{section}-heading"' in page
