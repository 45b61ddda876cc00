"""Members appointed and memberships ended in the admin go through the services: the seats and
period rules hold and an audit row is written, as on the site."""

import datetime

import pytest
from django.contrib import messages
from django.urls import reverse

from samverkan.core.models import AuditEntry
from samverkan.governance.models import Membership, Seat
from tests import factories
from tests.governance import factories as gov

pytestmark = pytest.mark.django_db


def _post(client, body, rows=(), changes=None):
    """The body's change form: its memberships (with `changes` to one: {membership: values})
    and the new `rows`."""
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
