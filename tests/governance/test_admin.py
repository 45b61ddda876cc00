"""Bodies created and edited, members appointed and memberships ended in the admin go through
the services: the seats, quorum and period rules hold and an audit row is written, as on the
site."""

import datetime

import pytest
from django.contrib import messages
from django.urls import reverse

from samverkan.core.models import AuditEntry
from samverkan.governance.models import Body, Membership, Seat
from tests import factories
from tests.governance import factories as gov

pytestmark = pytest.mark.django_db


def _post(client, body, rows=(), changes=None, **fields):
    """The body's change form (with its own `fields` changed): its memberships (with `changes`
    to one: {membership: values}) and the new `rows`."""
    existing = list(body.memberships.order_by("pk"))
    data = {
        "agreement": body.agreement_id,
        "kind": body.kind,
        "name": body.name,
        "slug": body.slug,
        "description": body.description,
        "city_voting_seats": body.city_voting_seats or "",
        "civil_voting_seats": body.civil_voting_seats or "",
        "quorum": body.quorum or "",
        **fields,
        "memberships-TOTAL_FORMS": len(existing) + len(rows),
        "memberships-INITIAL_FORMS": len(existing),
        "memberships-MIN_NUM_FORMS": 0,
        "memberships-MAX_NUM_FORMS": 1000,
    }
    for i, membership in enumerate(existing):
        data[f"memberships-{i}-id"] = membership.pk
        data[f"memberships-{i}-body"] = body.pk
        data[f"memberships-{i}-ends_on"] = ""
        for name, value in (changes or {}).get(membership, {}).items():
            data[f"memberships-{i}-{name}"] = value
    for i, row in enumerate(rows, start=len(existing)):
        data[f"memberships-{i}-body"] = body.pk
        data.update({f"memberships-{i}-{name}": value for name, value in row.items()})
    url = reverse("admin:governance_body_change", args=[body.pk])
    return client.post(url, data, follow=True)


def _appointment(user, seat=Seat.CITY, role=Membership.Role.VOTING):
    return {
        "user": user.pk,
        "seat": seat,
        "role": role,
        "starts_on": "2021-01-01",
        "ends_on": "",
        "appointed_by": "Kommunstyrelsen",
    }


def test_a_member_appointed_in_the_admin_is_recorded_with_an_audit_row(client):
    body = gov.body(city=2, civil=1, fill=False, adjoined=0)
    client.force_login(factories.administrator())
    person = factories.UserFactory()

    _post(client, body, [_appointment(person)])

    membership = Membership.objects.get(body=body, user=person)
    assert AuditEntry.objects.filter(
        action="membership.added", object_id=str(membership.pk)
    ).exists()


def test_the_admin_cannot_appoint_more_voting_members_than_the_seats(client):
    body = gov.body(city=1, civil=1, adjoined=0)
    client.force_login(factories.administrator())
    person = factories.UserFactory()

    response = _post(client, body, [_appointment(person)])

    assert not Membership.objects.filter(body=body, user=person).exists()
    refusals = [m for m in response.context["messages"] if m.level == messages.ERROR]
    assert len(refusals) == 1
    assert body.name in str(refusals[0])


def test_a_membership_ended_in_the_admin_is_ended_by_the_service(client):
    body = gov.body(city=1, civil=1, adjoined=0)
    membership = gov.voting(body)[0]
    client.force_login(factories.administrator())

    response = _post(client, body, changes={membership: {"ends_on": "2022-06-30"}})

    membership.refresh_from_db()
    assert response.status_code == 200
    assert membership.ends_on == datetime.date(2022, 6, 30)
    assert AuditEntry.objects.filter(
        action="membership.ended", object_id=str(membership.pk)
    ).exists()


def test_an_appointed_membership_keeps_its_seat_in_the_admin(client):
    body = gov.body(city=1, civil=1, adjoined=0)
    membership = gov.voting(body)[0]
    client.force_login(factories.administrator())

    _post(client, body, changes={membership: {"seat": Seat.CIVIL_SOCIETY, "ends_on": ""}})

    membership.refresh_from_db()
    assert membership.seat == Seat.CITY


def test_a_body_added_in_the_admin_is_created_by_the_service(client):
    agreement = factories.AgreementFactory(is_primary=False)
    client.force_login(factories.administrator())

    response = client.post(
        reverse("admin:governance_body_add"),
        {
            "agreement": agreement.pk,
            "kind": Body.Kind.WORKING_GROUP,
            "name": "  Arbetsgruppen  ",
            "slug": "arbetsgruppen",
            "city_voting_seats": 2,
            "civil_voting_seats": 2,
            "quorum": 3,
            "memberships-TOTAL_FORMS": 0,
            "memberships-INITIAL_FORMS": 0,
        },
    )

    assert response.status_code == 302
    body = Body.objects.get(agreement=agreement, slug="arbetsgruppen")
    assert body.name == "Arbetsgruppen"
    assert AuditEntry.objects.filter(action="body.created", object_id=str(body.pk)).exists()


def test_a_body_added_in_the_admin_with_a_quorum_above_its_seats_is_refused(client):
    agreement = factories.AgreementFactory(is_primary=False)
    client.force_login(factories.administrator())

    response = client.post(
        reverse("admin:governance_body_add"),
        {
            "agreement": agreement.pk,
            "kind": Body.Kind.WORKING_GROUP,
            "name": "Arbetsgruppen",
            "slug": "arbetsgruppen",
            "city_voting_seats": 1,
            "civil_voting_seats": 1,
            "quorum": 5,
            "memberships-TOTAL_FORMS": 0,
            "memberships-INITIAL_FORMS": 0,
        },
        follow=True,
    )

    assert not Body.objects.filter(agreement=agreement).exists()
    refusals = [m for m in response.context["messages"] if m.level == messages.ERROR]
    assert len(refusals) == 1


def test_a_body_renamed_in_the_admin_is_changed_by_the_service(client):
    body = gov.body(city=2, civil=2, fill=False, adjoined=0)
    client.force_login(factories.administrator())

    _post(client, body, name="Styrgruppen för Malmöandan", quorum=3)

    body.refresh_from_db()
    assert (body.name, body.quorum) == ("Styrgruppen för Malmöandan", 3)
    entry = AuditEntry.objects.get(action="body.updated", object_id=str(body.pk))
    assert set(entry.data) == {"name", "quorum"}


def test_the_admin_cannot_give_a_side_fewer_seats_than_its_voting_members(client):
    body = gov.body(city=2, civil=1, adjoined=0)
    client.force_login(factories.administrator())

    response = _post(client, body, name="Nytt namn", city_voting_seats=1)

    body.refresh_from_db()
    assert (body.name, body.city_voting_seats) == ("Styrgruppen", 2)
    assert not AuditEntry.objects.filter(action="body.updated").exists()
    refusals = [m for m in response.context["messages"] if m.level == messages.ERROR]
    assert len(refusals) == 1 and body.name in str(refusals[0])
