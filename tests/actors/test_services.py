import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from stdnum import luhn

from samverkan.actors import services
from samverkan.actors.models import District, LegalForm, Organisation, Representation, Sector
from samverkan.actors.search import search
from samverkan.core.exceptions import ApplicationError, ConflictError, PermissionDeniedError
from samverkan.core.models import AuditEntry
from tests import factories

pytestmark = pytest.mark.django_db

CHECK_DIGIT_MESSAGE = (
    "The organisation number's last digit (check digit) does not match. "
    "Check that you have typed it correctly."
)


def valid_number(first_nine: str = "802000123") -> str:
    """A ten-digit organisation number with a correct Luhn check digit, without hyphen."""
    return first_nine + luhn.calc_check_digit(first_nine)


def new_organisation(by, **fields):
    values = {
        "name": "Kroksbäcks schackklubb",
        "sector": Sector.CIVIL_SOCIETY,
        "legal_form": LegalForm.ASSOCIATION,
    }
    values.update(fields)
    return services.create_organisation(by=by, **values)


def audit_actions(obj) -> list[str]:
    return list(
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        ).values_list("action", flat=True)
    )


def pending_request(organisation, user=None) -> Representation:
    return factories.RepresentationFactory(
        organisation=organisation,
        user=user or factories.UserFactory(),
        status=Representation.Status.PENDING,
    )


def test_member_who_registers_an_organisation_becomes_its_pending_representative(member):
    organisation = new_organisation(member, representative_title="Ordförande")

    representation = Representation.objects.get(organisation=organisation)
    assert representation.user == member
    assert representation.status == Representation.Status.PENDING
    assert representation.title == "Ordförande"


def test_registering_an_organisation_writes_an_audit_entry(member):
    organisation = new_organisation(member)

    entry = AuditEntry.objects.get(action="organisation.created")
    assert entry.target == organisation
    assert entry.actor == member
    assert entry.data == {"name": "Kroksbäcks schackklubb"}


def test_coordinator_who_registers_an_organisation_does_not_become_its_representative(
    coordinator,
):
    organisation = new_organisation(coordinator)

    assert not Representation.objects.filter(organisation=organisation).exists()


def test_organisation_number_with_wrong_check_digit_is_refused_with_explanation(member):
    with pytest.raises(ApplicationError) as raised:
        new_organisation(member, organisation_number="802000-1235")

    assert raised.value.field == "organisation_number"
    with translation.override("sv"):
        # The message the person reads, in the active (Swedish) translation.
        assert str(raised.value.message) == translation.gettext(CHECK_DIGIT_MESSAGE)


def test_organisation_with_invalid_number_saves_nothing(member):
    with pytest.raises(ApplicationError):
        new_organisation(member, organisation_number="802000-1235")

    assert not Organisation.objects.exists()
    assert not Representation.objects.exists()
    assert not AuditEntry.objects.exists()


def test_organisation_number_without_hyphen_is_stored_as_six_hyphen_four(member):
    number = valid_number()

    organisation = new_organisation(member, organisation_number=number)

    organisation.refresh_from_db()
    assert organisation.organisation_number == f"{number[:6]}-{number[6:]}"


def test_duplicate_civil_society_organisation_number_is_a_conflict(member):
    number = valid_number()
    new_organisation(member, organisation_number=number)

    with pytest.raises(ConflictError) as raised:
        new_organisation(factories.UserFactory(), name="Kopian", organisation_number=number)

    assert raised.value.field == "organisation_number"


def test_duplicate_organisation_number_leaves_nothing_half_written(member):
    number = valid_number()
    new_organisation(member, organisation_number=number)
    other = factories.UserFactory()

    with pytest.raises(ConflictError):
        new_organisation(other, name="Kopian", organisation_number=number)

    assert list(Organisation.objects.values_list("name", flat=True)) == ["Kroksbäcks schackklubb"]
    assert not Representation.objects.filter(user=other).exists()
    assert AuditEntry.objects.filter(action="organisation.created").count() == 1


def test_same_organisation_number_outside_civil_society_is_allowed(coordinator):
    # Administrations of one municipality share the municipality's organisation number.
    number = valid_number("212000110")
    for name in ("Fritidsförvaltningen", "Kulturförvaltningen"):
        new_organisation(
            coordinator,
            name=name,
            sector=Sector.MUNICIPALITY,
            legal_form=LegalForm.ADMINISTRATION,
            organisation_number=number,
        )

    assert Organisation.objects.count() == 2


def test_legal_form_of_another_sector_is_refused(coordinator):
    with pytest.raises(ApplicationError) as raised:
        new_organisation(coordinator, sector=Sector.MUNICIPALITY, legal_form=LegalForm.ASSOCIATION)

    assert raised.value.field == "legal_form"
    assert not Organisation.objects.exists()


def test_representative_updates_the_profile(organisation):
    person = factories.representative(organisation)

    services.update_organisation(organisation=organisation, by=person, city="Lund", phone="040-1")

    organisation.refresh_from_db()
    assert (organisation.city, organisation.phone) == ("Lund", "040-1")


def test_update_is_audited_with_the_changed_fields_only(organisation):
    person = factories.representative(organisation)
    district = factories.DistrictFactory()

    services.update_organisation(
        organisation=organisation,
        by=person,
        name=organisation.name,
        city="Lund",
        districts=[district],
    )

    entry = AuditEntry.objects.get(action="organisation.updated")
    assert entry.actor == person
    assert entry.target == organisation
    assert entry.data == {"city": {"from": "Malmö", "to": "Lund"}, "districts": "changed"}


def test_non_representative_may_not_update_the_profile(organisation, member):
    with pytest.raises(PermissionDeniedError):
        services.update_organisation(organisation=organisation, by=member, city="Lund")

    organisation.refresh_from_db()
    assert organisation.city == "Malmö"
    assert not AuditEntry.objects.exists()


def test_pending_representative_may_not_update_the_profile(organisation, member):
    pending_request(organisation, member)

    with pytest.raises(PermissionDeniedError):
        services.update_organisation(organisation=organisation, by=member, city="Lund")


def test_coordinator_updates_any_profile(organisation, coordinator):
    services.update_organisation(organisation=organisation, by=coordinator, city="Lund")

    organisation.refresh_from_db()
    assert organisation.city == "Lund"


def test_update_with_invalid_number_changes_nothing(organisation, coordinator):
    with pytest.raises(ApplicationError) as raised:
        services.update_organisation(
            organisation=organisation,
            by=coordinator,
            city="Lund",
            organisation_number="802000-1235",
        )

    assert raised.value.field == "organisation_number"
    organisation.refresh_from_db()
    assert (organisation.city, organisation.organisation_number) == ("Malmö", "")


def test_request_to_represent_waits_for_confirmation_and_is_audited(organisation, member):
    representation = services.request_representation(
        user=member, organisation=organisation, title="Kassör", motivation="Jag sköter kassan."
    )

    assert representation.status == Representation.Status.PENDING
    assert audit_actions(representation) == ["representation.requested"]


def test_asking_twice_to_represent_is_a_conflict(organisation, member):
    services.request_representation(user=member, organisation=organisation)

    with pytest.raises(ConflictError):
        services.request_representation(user=member, organisation=organisation)

    assert Representation.objects.filter(user=member).count() == 1


def test_asking_to_represent_an_organisation_one_already_represents_is_a_conflict(organisation):
    person = factories.representative(organisation)

    with pytest.raises(ConflictError):
        services.request_representation(user=person, organisation=organisation)


def test_representative_confirms_a_request_to_the_same_organisation(organisation):
    confirmer = factories.representative(organisation)
    request = pending_request(organisation)

    services.confirm_representation(representation=request, by=confirmer, note="Välkommen")

    request.refresh_from_db()
    assert request.status == Representation.Status.CONFIRMED
    assert request.decided_by == confirmer
    assert request.decided_at is not None
    assert request.decision_note == "Välkommen"
    assert audit_actions(request) == ["representation.confirmed"]


def test_coordinator_confirms_any_request(organisation, coordinator):
    request = pending_request(organisation)

    services.confirm_representation(representation=request, by=coordinator)

    request.refresh_from_db()
    assert request.status == Representation.Status.CONFIRMED


def test_representative_of_another_organisation_may_not_confirm(organisation):
    outsider = factories.representative(factories.OrganisationFactory())
    request = pending_request(organisation)

    with pytest.raises(PermissionDeniedError):
        services.confirm_representation(representation=request, by=outsider)

    request.refresh_from_db()
    assert request.status == Representation.Status.PENDING


def test_member_may_not_confirm_their_own_request(organisation, member):
    request = services.request_representation(user=member, organisation=organisation)

    with pytest.raises(PermissionDeniedError):
        services.confirm_representation(representation=request, by=member)

    request.refresh_from_db()
    assert request.status == Representation.Status.PENDING


def test_confirming_twice_is_a_conflict(organisation):
    confirmer = factories.representative(organisation)
    request = pending_request(organisation)
    services.confirm_representation(representation=request, by=confirmer)

    with pytest.raises(ConflictError):
        services.confirm_representation(representation=request, by=confirmer)


def test_representative_rejects_a_request(organisation):
    decider = factories.representative(organisation)
    request = pending_request(organisation)

    services.reject_representation(representation=request, by=decider, note="Okänd")

    request.refresh_from_db()
    assert request.status == Representation.Status.REJECTED
    assert request.decided_by == decider
    assert audit_actions(request) == ["representation.rejected"]


def test_rejected_person_may_ask_again(organisation, member):
    request = pending_request(organisation, member)
    services.reject_representation(representation=request, by=factories.coordinator())

    again = services.request_representation(user=member, organisation=organisation)

    assert again.status == Representation.Status.PENDING


def test_representative_withdraws_from_the_organisation(organisation):
    person = factories.representative(organisation)
    representation = Representation.objects.get(user=person)

    services.end_representation(representation=representation, by=person)

    representation.refresh_from_db()
    assert representation.status == Representation.Status.ENDED
    assert audit_actions(representation) == ["representation.ended"]


def test_person_withdraws_their_own_pending_request(organisation, member):
    request = services.request_representation(user=member, organisation=organisation)

    services.end_representation(representation=request, by=member)

    request.refresh_from_db()
    assert request.status == Representation.Status.ENDED


def test_coordinator_ends_a_representation(organisation, coordinator):
    person = factories.representative(organisation)
    representation = Representation.objects.get(user=person)

    services.end_representation(representation=representation, by=coordinator)

    representation.refresh_from_db()
    assert representation.status == Representation.Status.ENDED
    assert representation.decided_by == coordinator


def test_member_may_not_end_someone_elses_representation(organisation, member):
    representation = Representation.objects.get(user=factories.representative(organisation))

    with pytest.raises(PermissionDeniedError):
        services.end_representation(representation=representation, by=member)


def test_ending_twice_is_a_conflict(organisation):
    person = factories.representative(organisation)
    representation = Representation.objects.get(user=person)
    services.end_representation(representation=representation, by=person)

    with pytest.raises(ConflictError):
        services.end_representation(representation=representation, by=person)


def test_ended_representative_may_no_longer_edit(organisation):
    person = factories.representative(organisation)
    services.end_representation(representation=Representation.objects.get(user=person), by=person)

    with pytest.raises(PermissionDeniedError):
        services.update_organisation(organisation=organisation, by=person, city="Lund")


def test_new_organisation_is_found_by_search(member):
    organisation = new_organisation(member, name="Kroksbäcks schackklubb")

    assert list(search(Organisation.objects.all(), "schack")) == [organisation]


def test_renamed_organisation_is_found_by_its_new_name_only(coordinator):
    organisation = new_organisation(coordinator, name="Kroksbäcks schackklubb")

    services.update_organisation(organisation=organisation, by=coordinator, name="Bridgeklubben")

    assert list(search(Organisation.objects.all(), "bridge")) == [organisation]
    assert not search(Organisation.objects.all(), "schack").exists()


def test_new_district_of_an_organisation_is_found_by_search(coordinator):
    organisation = new_organisation(coordinator)
    district = District.objects.create(name="Holma", slug="holma")

    services.update_organisation(organisation=organisation, by=coordinator, districts=[district])

    assert list(search(Organisation.objects.all(), "holma")) == [organisation]


def test_taking_another_organisations_number_on_update_is_a_conflict(coordinator):
    number = valid_number()
    new_organisation(coordinator, organisation_number=number)
    other = new_organisation(coordinator, name="Andra föreningen")

    with pytest.raises(ConflictError) as raised:
        services.update_organisation(organisation=other, by=coordinator, organisation_number=number)

    assert raised.value.field == "organisation_number"
    other.refresh_from_db()
    assert other.organisation_number == ""


def test_organisation_keeps_its_own_number_on_update(coordinator):
    organisation = new_organisation(coordinator, organisation_number=valid_number())

    services.update_organisation(
        organisation=organisation,
        by=coordinator,
        organisation_number=organisation.organisation_number,
        city="Lund",
    )

    organisation.refresh_from_db()
    assert organisation.city == "Lund"
