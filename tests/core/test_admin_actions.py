"""Administrative edits go through the services: a status is read-only in the admin, and the
admin's actions call the service with the administrator as the actor (audit row and e-mail as
on the site)."""

import pytest
from django.urls import reverse

from samverkan.actors.models import Representation
from samverkan.core.models import AuditEntry
from samverkan.events.models import Event
from samverkan.learning.models import Material
from samverkan.matching.models import Posting
from tests import factories
from tests.events.factories import EventFactory
from tests.learning.factories import MaterialFactory
from tests.matching.factories import association, posting

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(client):
    user = factories.administrator()
    client.force_login(user)
    return user


@pytest.fixture
def request_to_represent():
    return factories.RepresentationFactory(status=Representation.Status.PENDING)


def run_action(client, model, action, *rows):
    opts = model._meta
    return client.post(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
        {"action": action, "_selected_action": [row.pk for row in rows]},
    )


def audit_actions(row) -> list[tuple[str, int | None]]:
    return list(
        AuditEntry.objects.filter(object_id=str(row.pk), action__startswith=row._meta.model_name)
        .order_by("pk")
        .values_list("action", "actor_id")
    )


def test_a_representations_status_cannot_be_changed_in_its_form(
    client, administrator, request_to_represent
):
    change = reverse("admin:actors_representation_change", args=[request_to_represent.pk])

    client.post(
        change,
        {
            "user": request_to_represent.user_id,
            "organisation": request_to_represent.organisation_id,
            "status": Representation.Status.CONFIRMED,
            "title": "Ordförande",
        },
    )

    request_to_represent.refresh_from_db()
    assert request_to_represent.status == Representation.Status.PENDING


def test_confirming_in_the_admin_writes_the_audit_row_and_tells_the_person(
    client, administrator, request_to_represent, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run_action(client, Representation, "confirm_representations", request_to_represent)

    request_to_represent.refresh_from_db()
    assert request_to_represent.status == Representation.Status.CONFIRMED
    assert request_to_represent.decided_by == administrator
    assert audit_actions(request_to_represent) == [("representation.confirmed", administrator.pk)]
    assert [message.to for message in mailoutbox] == [[request_to_represent.user.email]]


def test_rejecting_in_the_admin_goes_through_the_service(
    client, administrator, request_to_represent
):
    run_action(client, Representation, "reject_representations", request_to_represent)

    request_to_represent.refresh_from_db()
    assert request_to_represent.status == Representation.Status.REJECTED
    assert audit_actions(request_to_represent) == [("representation.rejected", administrator.pk)]


def test_ending_in_the_admin_goes_through_the_service(client, administrator):
    confirmed = factories.RepresentationFactory()

    run_action(client, Representation, "end_representations", confirmed)

    confirmed.refresh_from_db()
    assert confirmed.status == Representation.Status.ENDED
    assert audit_actions(confirmed) == [("representation.ended", administrator.pk)]


def test_a_request_already_decided_is_refused_with_the_services_reason(client, administrator):
    confirmed = factories.RepresentationFactory()

    response = run_action(client, Representation, "reject_representations", confirmed)

    confirmed.refresh_from_db()
    assert confirmed.status == Representation.Status.CONFIRMED
    assert "redan hanterats" in client.get(response.url).content.decode()


def test_an_events_publication_and_status_cannot_be_changed_in_its_form(client, administrator):
    event = EventFactory(is_published=False)
    change = reverse("admin:events_event_change", args=[event.pk])

    page = client.get(change).content.decode()

    assert 'name="is_published"' not in page
    assert 'name="status"' not in page


def test_cancelling_an_event_in_the_admin_goes_through_the_service(client, administrator):
    event = EventFactory()

    run_action(client, Event, "cancel_events", event)

    event.refresh_from_db()
    assert event.is_cancelled
    assert audit_actions(event) == [("event.cancelled", administrator.pk)]


def test_publishing_an_event_in_the_admin_goes_through_the_service(client, administrator):
    event = EventFactory(is_published=False, published_at=None)

    run_action(client, Event, "publish_events", event)

    event.refresh_from_db()
    assert event.is_published
    assert event.published_at is not None
    assert audit_actions(event) == [("event.published", administrator.pk)]


def test_withdrawing_a_posting_in_the_admin_goes_through_the_service(client, administrator):
    agreement = factories.AgreementFactory()
    open_posting = posting(agreement, association(), Posting.Direction.NEED, "Lokal sökes")

    run_action(client, Posting, "withdraw_postings", open_posting)

    open_posting.refresh_from_db()
    assert open_posting.status == Posting.Status.WITHDRAWN
    assert ("posting.withdrawn", administrator.pk) in audit_actions(open_posting)


def test_publishing_a_material_in_the_admin_goes_through_the_service(client, administrator):
    draft = MaterialFactory(is_published=False)

    run_action(client, Material, "publish_materials", draft)

    draft.refresh_from_db()
    assert draft.is_published
    assert audit_actions(draft) == [("material.published", administrator.pk)]
