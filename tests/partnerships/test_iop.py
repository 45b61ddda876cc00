"""The IOP checklist: an agreement is marked signed only with every condition confirmed, by a
coordinator or a representative of the city's party."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from samverkan.core.exceptions import ApplicationError, ConflictError, PermissionDeniedError
from samverkan.core.models import AuditEntry
from samverkan.partnerships import services
from samverkan.partnerships.models import IopAgreement, IopCondition
from tests import factories
from tests.partnerships.factories import (
    CollaborationFactory,
    IopAgreementFactory,
    confirm_all,
    iop_collaboration,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today


@pytest.fixture
def iop():
    return IopAgreementFactory()


def test_cannot_sign_with_any_condition_missing(iop, coordinator):
    for missing in IopCondition:
        confirm_all(iop, except_=[missing])
        with pytest.raises(ApplicationError) as error:
            services.sign_iop_agreement(iop=iop, signed_on=timezone.localdate(), by=coordinator)
        assert error.value.code == "checklist_incomplete"
        assert str(missing.label) in str(error.value.message)
        iop.refresh_from_db()
        assert iop.signed_on is None


def test_the_refusal_lists_every_missing_condition(iop, coordinator):
    services.confirm_condition(iop=iop, condition="state_aid", by=coordinator)
    with pytest.raises(ApplicationError) as error:
        services.sign_iop_agreement(iop=iop, signed_on=timezone.localdate(), by=coordinator)
    message = str(error.value.message)
    for condition in IopCondition:
        assert (str(condition.label) in message) == (condition != IopCondition.STATE_AID)


def test_can_sign_when_every_condition_is_confirmed(iop, coordinator):
    for condition in IopCondition:
        services.confirm_condition(
            iop=iop, condition=condition.value, by=coordinator, note="Bedömt av juristen."
        )
    services.sign_iop_agreement(iop=iop, signed_on=datetime.date(2023, 5, 2), by=coordinator)
    iop.refresh_from_db()
    assert iop.signed_on == datetime.date(2023, 5, 2)
    assert iop.signed_by == coordinator
    assert AuditEntry.objects.filter(action="iop.signed", object_id=str(iop.pk)).exists()


def test_a_confirmation_records_who_when_and_the_note(iop, coordinator):
    before = timezone.now()
    services.confirm_condition(
        iop=iop, condition="own_contribution", by=coordinator, note="Volontärtimmar."
    )
    iop.refresh_from_db()
    item = next(i for i in iop.checklist() if i["key"] == "own_contribution")
    assert item["confirmed_by"] == coordinator
    assert item["confirmed_at"] >= before
    assert item["note"] == "Volontärtimmar."


def test_the_database_refuses_a_signed_agreement_with_a_missing_condition(iop):
    confirm_all(iop, except_=[IopCondition.NO_PURCHASE])
    with pytest.raises(IntegrityError), transaction.atomic():
        IopAgreement.objects.filter(pk=iop.pk).update(signed_on=datetime.date(2023, 1, 1))


def test_a_signed_agreement_keeps_its_checklist_and_terms(iop, coordinator):
    confirm_all(iop)
    services.sign_iop_agreement(iop=iop, signed_on=timezone.localdate(), by=coordinator)
    with pytest.raises(ConflictError):
        services.withdraw_confirmation(iop=iop, condition="state_aid", by=coordinator)
    with pytest.raises(ConflictError):
        services.update_iop_agreement(iop=iop, by=coordinator, value=Decimal("1"))
    services.update_iop_agreement(iop=iop, by=coordinator, internal_note="Ny kontaktperson.")
    with pytest.raises(ConflictError):
        services.sign_iop_agreement(iop=iop, signed_on=timezone.localdate(), by=coordinator)


def test_withdrawing_a_confirmation_makes_signing_impossible_again(iop, coordinator):
    confirm_all(iop)
    services.withdraw_confirmation(iop=iop, condition="shared_purpose", by=coordinator)
    with pytest.raises(ApplicationError):
        services.sign_iop_agreement(iop=iop, signed_on=timezone.localdate(), by=coordinator)


def test_signing_in_the_future_is_refused(iop, coordinator):
    confirm_all(iop)
    with pytest.raises(ApplicationError) as error:
        services.sign_iop_agreement(
            iop=iop, signed_on=timezone.localdate() + datetime.timedelta(days=3), by=coordinator
        )
    assert error.value.field == "signed_on"


@pytest.mark.parametrize(
    "who, allowed",
    [
        ("coordinator", True),
        ("city_party_representative", True),
        ("civil_party_representative", False),
        ("other_administration_representative", False),
        ("member", False),
    ],
)
def test_who_may_confirm_a_condition(who, allowed):
    civil, city = factories.OrganisationFactory(), factories.administration()
    iop = IopAgreementFactory(
        collaboration=iop_collaboration(parties=[(civil, "lead"), (city, "partner")])
    )
    user = {
        "coordinator": lambda: factories.coordinator(),
        "city_party_representative": lambda: factories.representative(city),
        "civil_party_representative": lambda: factories.representative(civil),
        "other_administration_representative": lambda: factories.representative(
            factories.administration()
        ),
        "member": lambda: factories.UserFactory(),
    }[who]()
    if allowed:
        services.confirm_condition(iop=iop, condition="state_aid", by=user)
        iop.refresh_from_db()
        assert iop.state_aid_confirmed_by == user
    else:
        with pytest.raises(PermissionDeniedError):
            services.confirm_condition(iop=iop, condition="state_aid", by=user)
        with pytest.raises(PermissionDeniedError):
            services.sign_iop_agreement(iop=iop, signed_on=timezone.localdate(), by=user)
        iop.refresh_from_db()
        assert iop.state_aid_confirmed_at is None


def test_an_iop_agreement_needs_an_iop_collaboration_with_both_sectors(coordinator):
    project = CollaborationFactory()
    with pytest.raises(ApplicationError) as error:
        services.create_iop_agreement(
            collaboration=project,
            purpose="Syfte",
            starts_on=TODAY(),
            value=Decimal("10"),
            by=coordinator,
        )
    assert error.value.code == "not_iop"
    only_civil = iop_collaboration(parties=[(factories.OrganisationFactory(), "lead")])
    with pytest.raises(ApplicationError) as error:
        services.create_iop_agreement(
            collaboration=only_civil,
            purpose="Syfte",
            starts_on=TODAY(),
            value=Decimal("10"),
            by=coordinator,
        )
    assert error.value.code == "iop_parties"


def test_the_value_is_kept_exactly(coordinator):
    collaboration = iop_collaboration()
    iop = services.create_iop_agreement(
        collaboration=collaboration,
        purpose="Gemensamt syfte",
        starts_on=datetime.date(2024, 1, 1),
        value=Decimal("1234567.89"),
        by=coordinator,
    )
    iop.refresh_from_db()
    assert iop.value == Decimal("1234567.89")
    with pytest.raises(ConflictError):
        services.create_iop_agreement(
            collaboration=collaboration,
            purpose="Igen",
            starts_on=datetime.date(2024, 1, 1),
            value=Decimal("1"),
            by=coordinator,
        )


def test_a_value_with_fractions_of_an_ore_is_refused(coordinator):
    with pytest.raises(ApplicationError) as error:
        services.create_iop_agreement(
            collaboration=iop_collaboration(),
            purpose="Syfte",
            starts_on=TODAY(),
            value=Decimal("10.005"),
            by=coordinator,
        )
    assert error.value.field == "value"
    assert not IopAgreement.objects.exists()


def test_the_kind_of_a_collaboration_with_an_iop_agreement_stays_iop(coordinator):
    iop = IopAgreementFactory()
    with pytest.raises(ApplicationError) as error:
        services.update_collaboration(
            collaboration=iop.collaboration, by=coordinator, kind="project"
        )
    assert error.value.code == "iop_kind_required"
