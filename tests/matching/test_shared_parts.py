"""A posting's suggestions and the funding calls that fit it are the same for everyone who looks:
the matcher runs once per posting and day and its answer is kept under the generations of the
tables it read (matching.selectors.shared_suggestions, matching.views.funding_html). Whether the
person may answer a suggestion is decided per request, and a write shows on the next one."""

import pytest
from django.urls import reverse

from samverkan.funding.models import Funder, FundingCall
from tests import factories
from tests.caching import tables_read
from tests.matching.factories import NEED, OFFER, administration, association, posting


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


@pytest.fixture
def need(agreement):
    city = administration(name="Fritidsförvaltningen", slug="fritidsforvaltningen")
    club = association(name="Simklubben", slug="simklubben")
    made = posting(agreement, city, NEED, "Simskola på sommarlovet", "Simskola för barn.")
    posting(agreement, club, OFFER, "Simundervisning för barn", "Vi håller simskola för barn.")
    return made


@pytest.mark.django_db
def test_a_second_look_does_not_run_the_matcher_again(client, need):
    client.force_login(factories.UserFactory())
    _first, read_first = tables_read(client, need.get_absolute_url())
    second, read_second = tables_read(client, need.get_absolute_url())
    assert {"matching_postingterm", "funding_fundingcall"} <= read_first
    assert not read_second & {"matching_postingterm", "matching_termstat", "funding_fundingcall"}
    assert "Simundervisning för barn" in second


@pytest.mark.django_db
def test_only_the_postings_side_may_answer_the_kept_suggestions(client, need):
    client.force_login(factories.representative(need.organisation))
    assert 'name="action"' in client.get(need.get_absolute_url()).content.decode()
    client.force_login(factories.representative(association(name="Andra klubben")))
    page = client.get(need.get_absolute_url()).content.decode()
    assert "Simundervisning för barn" in page
    assert 'name="action"' not in page


@pytest.mark.django_db(transaction=True)  # each write commits, as in a request
def test_a_new_offer_is_suggested_on_the_next_request(client, need):
    client.force_login(factories.UserFactory())
    assert "Simskolan i Rosengård" not in client.get(need.get_absolute_url()).content.decode()
    posting(
        need.agreement,
        association(name="Rosengårds IF"),
        OFFER,
        "Simskolan i Rosengård",
        "Simskola för barn på sommarlovet.",
    )
    assert "Simskolan i Rosengård" in client.get(need.get_absolute_url()).content.decode()


@pytest.mark.django_db(transaction=True)  # each write commits, as in a request
def test_a_new_funding_call_shows_on_the_next_request(client, need):
    client.force_login(factories.UserFactory())
    assert "Sommarlovsbidraget" not in client.get(need.get_absolute_url()).content.decode()
    funder = Funder.objects.create(name="Stiftelsen Sol", slug="stiftelsen-sol", kind="foundation")
    FundingCall.objects.create(
        funder=funder, title="Sommarlovsbidraget", slug="sommarlov", description="Bidrag."
    )
    assert "Sommarlovsbidraget" in client.get(need.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_coordinators_share_the_unmatched_list(client, need):
    path = reverse("matching:unmatched", kwargs={"agreement": need.agreement.slug})
    client.force_login(factories.coordinator())
    _first, read_first = tables_read(client, path)
    client.force_login(factories.coordinator())
    second, read_second = tables_read(client, path)
    assert "matching_posting" in read_first
    assert "matching_posting" not in read_second
    assert "Simskola på sommarlovet" in second


@pytest.mark.django_db
def test_a_member_never_gets_the_kept_unmatched_list(client, need):
    path = reverse("matching:unmatched", kwargs={"agreement": need.agreement.slug})
    client.force_login(factories.coordinator())
    client.get(path)
    client.force_login(factories.representative(need.organisation))
    assert client.get(path).status_code == 403


@pytest.mark.django_db(transaction=True)  # each write commits, as in a request
def test_a_new_posting_shows_in_the_unmatched_list_on_the_next_request(client, need):
    path = reverse("matching:unmatched", kwargs={"agreement": need.agreement.slug})
    client.force_login(factories.coordinator())
    assert "Läxhjälp på lovet" not in client.get(path).content.decode()
    posting(need.agreement, association(name="Läxhjälpen"), NEED, "Läxhjälp på lovet")
    assert "Läxhjälp på lovet" in client.get(path).content.decode()
