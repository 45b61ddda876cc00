"""Recording, editing, parties and ending of collaborations."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from samverkan.core.exceptions import ApplicationError, ConflictError, PermissionDeniedError
from samverkan.core.models import AuditEntry
from samverkan.core.permissions import SYSTEM
from samverkan.partnerships import services
from samverkan.partnerships.models import Collaboration
from tests import factories
from tests.partnerships.factories import CollaborationFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def agreement():
    return factories.AgreementFactory(slug="malmoandan")


def test_create_collaboration_keeps_its_contract_for_the_matching_app(agreement):
    """Called as the demo and imports do (by SYSTEM), with an (organisation, role) list."""
    civil, city = factories.OrganisationFactory(), factories.administration()
    collaboration = services.create_collaboration(
        agreement=agreement,
        title="Läxhjälp på Lindängen",
        parties=[(civil, "lead"), (city, "partner")],
        by=SYSTEM,
    )
    assert collaboration.slug == "laxhjalp-pa-lindangen"
    assert collaboration.mapping_year == timezone.localdate().year
    assert collaboration.status == Collaboration.Status.RUNNING
    assert {(p.organisation, p.role) for p in collaboration.parties.all()} == {
        (civil, "lead"),
        (city, "partner"),
    }
    assert " laxhjalp" not in collaboration.search_text
    assert " läxhjälp" in collaboration.search_text


def test_a_representative_records_a_collaboration_only_with_their_organisation(agreement):
    own, other = factories.OrganisationFactory(), factories.OrganisationFactory()
    ombud = factories.representative(own)
    with pytest.raises(PermissionDeniedError):
        services.create_collaboration(
            agreement=agreement,
            title="Utan oss",
            parties=[(other, "lead")],
            by=ombud,
        )
    collaboration = services.create_collaboration(
        agreement=agreement,
        title="Med oss",
        parties=[(own, "lead"), (other, "partner")],
        by=ombud,
    )
    assert collaboration.parties.count() == 2
    assert Collaboration.objects.count() == 1


def test_the_other_parties_representatives_are_told_after_commit(
    agreement, django_capture_on_commit_callbacks
):
    own, other = factories.OrganisationFactory(), factories.OrganisationFactory()
    ombud = factories.representative(own)
    colleague = factories.representative(other)
    with django_capture_on_commit_callbacks(execute=True):
        services.create_collaboration(
            agreement=agreement,
            title="Gemensam fritid",
            parties=[(own, "lead"), (other, "partner")],
            by=ombud,
        )
    assert [m.to for m in mail.outbox] == [[colleague.email]]


@pytest.mark.parametrize(
    "kwargs, code",
    [
        ({"parties": []}, "no_parties"),
        ({"title": "  "}, "title_missing"),
        ({"starts_on": D(2022, 5, 1), "ends_on": D(2022, 4, 1)}, "ends_before_start"),
        ({"status": "ended"}, "end_date_missing"),
        ({"mapping_year": 1990}, "invalid_mapping_year"),
        ({"kind": "unknown"}, "invalid"),
    ],
)
def test_invalid_collaborations_are_refused_and_nothing_is_written(agreement, kwargs, code):
    arguments = {
        "agreement": agreement,
        "title": "Ett samarbete",
        "parties": [(factories.OrganisationFactory(), "lead")],
        "by": SYSTEM,
        **kwargs,
    }
    with pytest.raises(ApplicationError) as error:
        services.create_collaboration(**arguments)
    assert error.value.code == code
    assert not Collaboration.objects.exists()


def test_a_slug_never_takes_the_address_of_a_list_page(agreement):
    collaboration = services.create_collaboration(
        agreement=agreement,
        title="Statistik",
        parties=[(factories.OrganisationFactory(), "lead")],
        by=SYSTEM,
    )
    assert collaboration.slug != "statistik"


def test_editing_reindexes_the_search_text_and_keeps_the_address(coordinator):
    collaboration = CollaborationFactory(title="Gammal titel")
    slug = collaboration.slug
    services.update_collaboration(
        collaboration=collaboration, by=coordinator, title="Simskola för vuxna"
    )
    collaboration.refresh_from_db()
    assert collaboration.slug == slug
    assert " simskol" in collaboration.search_text
    assert AuditEntry.objects.filter(action="collaboration.updated").exists()


def test_a_party_is_added_once_and_the_last_party_stays(coordinator):
    collaboration = CollaborationFactory()
    organisation = factories.OrganisationFactory()
    services.add_party(
        collaboration=collaboration, organisation=organisation, role="funder", by=coordinator
    )
    with pytest.raises(ConflictError):
        services.add_party(
            collaboration=collaboration, organisation=organisation, role="partner", by=coordinator
        )
    parties = list(collaboration.parties.all())
    for party in parties[:-1]:
        services.remove_party(party=party, by=coordinator)
    with pytest.raises(ConflictError) as error:
        services.remove_party(party=parties[-1], by=coordinator)
    assert error.value.code == "last_party"
    assert collaboration.parties.count() == 1


def test_ending_sets_status_date_and_results(coordinator):
    collaboration = CollaborationFactory(starts_on=D(2021, 1, 1))
    services.end_collaboration(
        collaboration=collaboration,
        ends_on=D(2023, 4, 30),
        results="En lärandekonferens.",
        by=coordinator,
    )
    collaboration.refresh_from_db()
    assert collaboration.status == Collaboration.Status.ENDED
    assert collaboration.ends_on == D(2023, 4, 30)
    assert collaboration.results == "En lärandekonferens."
    with pytest.raises(ConflictError):
        services.end_collaboration(
            collaboration=collaboration, ends_on=D(2023, 5, 1), by=coordinator
        )


@pytest.mark.parametrize(
    "ends_on, code",
    [
        (timezone.localdate() + datetime.timedelta(days=1), "end_in_future"),
        (D(2020, 12, 31), "ends_before_start"),
    ],
)
def test_ending_on_an_impossible_day_is_refused(coordinator, ends_on, code):
    collaboration = CollaborationFactory(starts_on=D(2021, 1, 1))
    with pytest.raises(ApplicationError) as error:
        services.end_collaboration(collaboration=collaboration, ends_on=ends_on, by=coordinator)
    assert error.value.code == code
    collaboration.refresh_from_db()
    assert collaboration.status == Collaboration.Status.RUNNING


def test_every_write_checks_its_actor_a_forgotten_by_is_refused_loudly(agreement):
    """No flag and no `None` skip the check any more: `by` is a person or SYSTEM."""
    party = [(factories.OrganisationFactory(), "lead")]
    with pytest.raises(TypeError):
        services.create_collaboration(
            agreement=agreement, title="Utan aktör", parties=party, by=None
        )
    with pytest.raises(TypeError):
        services.update_collaboration(collaboration=CollaborationFactory(), by=None, title="Ny")
    assert Collaboration.objects.count() == 1


def test_a_member_without_representation_cannot_record_a_collaboration(agreement):
    """Before, the check ran only when the page asked for it (check_permission=True)."""
    with pytest.raises(PermissionDeniedError):
        services.create_collaboration(
            agreement=agreement,
            title="Utan behörighet",
            parties=[(factories.OrganisationFactory(), "lead")],
            by=factories.UserFactory(),
        )
    assert not Collaboration.objects.exists()


def test_the_system_records_a_collaboration_with_no_author(agreement):
    collaboration = services.create_collaboration(
        agreement=agreement,
        title="Från importen",
        parties=[(factories.OrganisationFactory(), "lead")],
        by=SYSTEM,
    )
    entry = AuditEntry.objects.get(action="collaboration.created")
    assert entry.object_id == str(collaboration.pk)
    assert entry.actor is None
