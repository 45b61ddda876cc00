"""Representation requests and decisions reach the people concerned by e-mail, after commit."""

import pytest

from samverkan.actors import services
from samverkan.core.exceptions import PermissionDeniedError
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_request_is_mailed_to_the_organisations_representatives(
    django_capture_on_commit_callbacks, mailoutbox
):
    org = factories.OrganisationFactory(name="Föreningen Zig Zag")
    chair = factories.representative(org, email="ordforande@example.se")
    factories.coordinator(email="samordnare@example.se")
    newcomer = factories.UserFactory(first_name="Amira", last_name="Haddad")

    with django_capture_on_commit_callbacks(execute=True):
        services.request_representation(user=newcomer, organisation=org, title="Kassör")

    assert [m.to for m in mailoutbox] == [[chair.email]]
    assert "Föreningen Zig Zag" in mailoutbox[0].subject
    assert "Amira Haddad" in mailoutbox[0].body
    assert "Kassör" in mailoutbox[0].body
    assert "/mina-sidor/" in mailoutbox[0].body


def test_a_request_for_an_organisation_without_representatives_goes_to_the_coordinators(
    django_capture_on_commit_callbacks, mailoutbox
):
    org = factories.OrganisationFactory()
    first = factories.coordinator(email="stad@example.se")
    second = factories.coordinator(email="ideburen@example.se")

    with django_capture_on_commit_callbacks(execute=True):
        services.request_representation(user=factories.UserFactory(), organisation=org)

    assert sorted(m.to[0] for m in mailoutbox) == sorted([first.email, second.email])


def test_the_person_is_told_when_confirmed_and_when_rejected(
    django_capture_on_commit_callbacks, mailoutbox
):
    org = factories.OrganisationFactory(name="Föreningen Zig Zag")
    coordinator = factories.coordinator()
    accepted = factories.UserFactory(email="ja@example.se")
    refused = factories.UserFactory(email="nej@example.se")
    first = services.request_representation(user=accepted, organisation=org)
    second = services.request_representation(user=refused, organisation=org)

    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_representation(representation=first, by=coordinator)
        services.reject_representation(representation=second, by=coordinator, note="Okänd")

    by_recipient = {m.to[0]: m for m in mailoutbox}
    assert "Föreningen Zig Zag" in by_recipient["ja@example.se"].subject
    assert "Okänd" in by_recipient["nej@example.se"].body


def test_no_mail_leaves_when_the_change_is_refused(django_capture_on_commit_callbacks, mailoutbox):
    org = factories.OrganisationFactory()
    coordinator = factories.coordinator()
    request = services.request_representation(user=coordinator, organisation=org)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDeniedError):
        services.confirm_representation(representation=request, by=coordinator)

    assert mailoutbox == []


def test_not_even_a_coordinator_confirms_their_own_request():
    org = factories.OrganisationFactory()
    coordinator = factories.coordinator()
    request = services.request_representation(user=coordinator, organisation=org)
    with pytest.raises(PermissionDeniedError):
        services.confirm_representation(representation=request, by=coordinator)
    services.confirm_representation(representation=request, by=factories.coordinator())
    request.refresh_from_db()
    assert request.status == "confirmed"
