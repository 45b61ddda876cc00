"""Postings and matches through the services: who may, what is refused, and what is written."""

import datetime

import pytest
from django.utils import timezone

from samverkan.actors.models import LegalForm, Sector
from samverkan.core.exceptions import ApplicationError, ConflictError, PermissionDeniedError
from samverkan.core.models import AuditEntry
from samverkan.core.permissions import SYSTEM
from samverkan.matching import services
from samverkan.matching.models import Match, Posting, PostingTerm, TermStat
from samverkan.partnerships.models import Collaboration
from tests import factories
from tests.areas.factories import PriorityAreaFactory
from tests.matching.factories import NEED, OFFER, administration, association, posting

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(agreement):
    city = administration(name="Fritidsförvaltningen", slug="fritidsforvaltningen")
    club = association(name="Lindängens idrottsförening", slug="lindangens-idrottsforening")
    need = posting(agreement, city, NEED, "Promenadgrupper i Lindängen", "Promenader och motion.")
    offer = posting(agreement, club, OFFER, "Promenader för alla", "Promenadgrupper varje vecka.")
    return {
        "need": need,
        "offer": offer,
        "city_rep": factories.representative(city),
        "club_rep": factories.representative(club),
    }


def create(agreement, organisation, by, **overrides):
    fields = {
        "direction": NEED,
        "kind": Posting.Kind.VOLUNTEERS,
        "title": "Volontärer till läxhjälp",
        "text": "Vi söker volontärer till läxhjälp.",
    } | overrides
    return services.create_posting(agreement=agreement, organisation=organisation, by=by, **fields)


def test_an_ombud_posts_a_need_that_is_indexed_and_audited(agreement):
    club = association()
    ombud = factories.representative(club)

    need = create(agreement, club, ombud)

    assert need.created_by == ombud and need.status == Posting.Status.OPEN
    assert set(PostingTerm.objects.filter(posting=need).values_list("term", flat=True)) >= {"läx"}
    assert TermStat.objects.get(agreement=agreement, direction=NEED, term="").df == 1
    assert AuditEntry.objects.filter(action="posting.created", object_id=str(need.pk)).exists()


def test_a_member_without_representation_cannot_post(agreement):
    with pytest.raises(PermissionDeniedError):
        create(agreement, association(), factories.UserFactory())
    assert not Posting.objects.exists()


def test_a_representative_of_a_company_cannot_post(agreement):
    company = factories.OrganisationFactory(sector=Sector.BUSINESS, legal_form=LegalForm.COMPANY)
    with pytest.raises(PermissionDeniedError):
        create(agreement, company, factories.representative(company))


def test_a_tjansteperson_posts_for_the_administration(agreement):
    city = administration()
    offer = create(agreement, city, factories.representative(city), direction=OFFER)
    assert offer.direction == OFFER


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": "  "}, "title"),
        ({"text": ""}, "text"),
        ({"kind": "money"}, "kind"),
        ({"valid_until": datetime.date(2000, 1, 1)}, "valid_until"),
    ],
)
def test_bad_input_is_refused_with_its_field_and_nothing_is_written(agreement, overrides, field):
    club = association()
    with pytest.raises(ApplicationError) as error:
        create(agreement, club, factories.representative(club), **overrides)
    assert error.value.field == field
    assert not Posting.objects.exists() and not PostingTerm.objects.exists()


def test_areas_of_another_agreement_are_refused(agreement):
    other = PriorityAreaFactory(agreement=factories.AgreementFactory(is_primary=False))
    club = association()
    with pytest.raises(ApplicationError):
        create(agreement, club, factories.representative(club), areas=[other])


def test_editing_keeps_the_statistics_right(agreement):
    club = association()
    ombud = factories.representative(club)
    need = create(agreement, club, ombud, title="Schack", text="Schack för barn.")

    services.update_posting(posting=need, by=ombud, title="Fotboll", text="Fotboll för barn.")

    terms = set(PostingTerm.objects.filter(posting=need).values_list("term", flat=True))
    assert "fotboll" in terms and "schack" not in terms
    assert TermStat.objects.get(agreement=agreement, direction=NEED, term="schack").df == 0
    assert TermStat.objects.get(agreement=agreement, direction=NEED, term="fotboll").df == 1
    assert TermStat.objects.get(agreement=agreement, direction=NEED, term="").df == 1


def test_changing_direction_moves_the_posting_in_the_index(agreement):
    club = association()
    ombud = factories.representative(club)
    need = create(agreement, club, ombud)

    services.update_posting(posting=need, by=ombud, direction=OFFER)

    assert TermStat.objects.get(agreement=agreement, direction=NEED, term="").df == 0
    assert TermStat.objects.get(agreement=agreement, direction=OFFER, term="").df == 1
    assert set(PostingTerm.objects.filter(posting=need).values_list("direction", flat=True)) == {
        OFFER
    }


def test_someone_else_cannot_edit_or_withdraw(agreement, pair):
    with pytest.raises(PermissionDeniedError):
        services.update_posting(posting=pair["need"], by=pair["club_rep"], title="Annat")
    with pytest.raises(PermissionDeniedError):
        services.withdraw_posting(posting=pair["need"], by=pair["club_rep"])


def test_withdrawal_takes_the_posting_out_of_the_index_and_cannot_be_repeated(agreement, pair):
    services.withdraw_posting(posting=pair["offer"], by=pair["club_rep"])

    offer = Posting.objects.get(pk=pair["offer"].pk)
    assert offer.status == Posting.Status.WITHDRAWN and offer.index_length is None
    assert not PostingTerm.objects.filter(posting=offer).exists()
    assert TermStat.objects.get(agreement=agreement, direction=OFFER, term="").df == 0
    with pytest.raises(ConflictError):
        services.withdraw_posting(posting=offer, by=pair["club_rep"])
    with pytest.raises(ConflictError):
        services.update_posting(posting=offer, by=pair["club_rep"], title="Igen")


def test_both_sides_accept_and_the_match_is_accepted(pair):
    match = services.accept_match(
        posting=pair["need"], counterpart=pair["offer"], by=pair["city_rep"]
    )
    assert match.status == Match.Status.NEED_ACCEPTED
    assert match.need_accepted_by == pair["city_rep"] and match.offer_accepted_at is None

    match = services.accept_match(
        posting=pair["offer"], counterpart=pair["need"], by=pair["club_rep"]
    )

    assert match.status == Match.Status.ACCEPTED
    assert match.offer_accepted_by == pair["club_rep"]
    assert Match.objects.count() == 1


def test_the_same_side_cannot_accept_twice(pair):
    services.accept_match(posting=pair["need"], counterpart=pair["offer"], by=pair["city_rep"])
    with pytest.raises(ConflictError):
        services.accept_match(posting=pair["need"], counterpart=pair["offer"], by=pair["city_rep"])


def test_a_coordinator_accepts_for_both_sides(pair):
    match = services.accept_match(
        posting=pair["need"], counterpart=pair["offer"], by=factories.coordinator()
    )
    assert match.status == Match.Status.ACCEPTED


def test_a_declined_match_cannot_be_accepted(pair):
    services.decline_match(posting=pair["offer"], counterpart=pair["need"], by=pair["club_rep"])
    with pytest.raises(ConflictError):
        services.accept_match(posting=pair["need"], counterpart=pair["offer"], by=pair["city_rep"])


def test_two_needs_cannot_be_matched(agreement, pair):
    other = posting(agreement, association(), NEED, "Promenader", "Promenader.")
    with pytest.raises(ApplicationError):
        services.accept_match(posting=pair["need"], counterpart=other, by=factories.coordinator())


def test_an_accepted_match_becomes_a_collaboration_with_both_parties(pair):
    services.accept_match(posting=pair["need"], counterpart=pair["offer"], by=pair["city_rep"])
    match = services.accept_match(
        posting=pair["offer"], counterpart=pair["need"], by=pair["club_rep"]
    )

    collaboration = services.make_collaboration(match=match, by=pair["club_rep"])

    parties = {(p.organisation.slug, p.role) for p in collaboration.parties.all()}
    assert parties == {("fritidsforvaltningen", "lead"), ("lindangens-idrottsforening", "partner")}
    assert collaboration.title == "Promenadgrupper i Lindängen"
    match.refresh_from_db()
    assert match.collaboration == collaboration
    assert Posting.objects.get(pk=pair["need"].pk).status == Posting.Status.CLOSED
    with pytest.raises(ConflictError):
        services.make_collaboration(match=match, by=pair["club_rep"])
    assert Collaboration.objects.count() == 1


def test_a_match_not_yet_accepted_by_both_cannot_become_a_collaboration(pair):
    match = services.accept_match(
        posting=pair["need"], counterpart=pair["offer"], by=pair["city_rep"]
    )
    with pytest.raises(ConflictError):
        services.make_collaboration(match=match, by=pair["city_rep"])
    with pytest.raises(PermissionDeniedError):
        services.make_collaboration(match=match, by=factories.UserFactory())
    assert not Collaboration.objects.exists()


def test_valid_until_today_is_still_valid(agreement):
    club = association()
    need = create(agreement, club, factories.representative(club), valid_until=timezone.localdate())
    assert need.is_valid()
    assert not need.is_valid(on=timezone.localdate() + datetime.timedelta(days=1))


def test_a_posting_without_an_actor_is_refused_loudly(agreement):
    """`by=None` used to skip the permission check; now only SYSTEM, written out, passes."""
    club = association()
    with pytest.raises(TypeError):
        create(agreement, club, None)
    assert not Posting.objects.exists()
    posting = create(agreement, club, SYSTEM)
    assert posting.created_by is None
    assert AuditEntry.objects.get(action="posting.created").actor is None


def test_the_system_answers_for_both_sides_of_a_match(pair):
    match = services.accept_match(posting=pair["need"], counterpart=pair["offer"], by=SYSTEM)
    assert match.status == Match.Status.ACCEPTED
    assert match.need_accepted_by is None and match.offer_accepted_by is None
    collaboration = services.make_collaboration(match=match, by=SYSTEM)
    assert collaboration.parties.count() == 2


def test_a_coordinator_turns_a_match_into_a_collaboration_through_the_checked_service(pair):
    """make_collaboration passes its actor on to create_collaboration, which checks it too."""
    coordinator = factories.coordinator()
    match = services.accept_match(posting=pair["need"], counterpart=pair["offer"], by=coordinator)
    collaboration = services.make_collaboration(match=match, by=coordinator)
    assert AuditEntry.objects.filter(
        action="collaboration.created", object_id=str(collaboration.pk), actor=coordinator
    ).exists()
