"""Who may book, cancel, record visitors and import counts: role × action → allowed, through the
services (the pages and the admin call the same ones)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from samverkan.core.exceptions import PermissionDeniedError
from samverkan.core.models import AuditEntry
from samverkan.core.permissions import SYSTEM
from samverkan.venues import permissions, services
from samverkan.venues.models import Booking, VisitorCount
from tests import factories
from tests.venues.factories import BookingFactory, at

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "ombud_of_other_org", "ombud", "city_employee", "coordinator"]
#                         book   cancel  visitors import
MATRIX = {
    "anonymous": (False, False, False, False),
    "member": (False, False, False, False),
    "ombud_of_other_org": (False, False, False, False),
    "ombud": (True, True, False, False),
    "city_employee": (True, True, False, False),
    "coordinator": (True, True, True, True),
}
ACTIONS = ["book", "cancel", "record_visitors", "import_visitors"]
CASES = [
    pytest.param(role, action, MATRIX[role][i], id=f"{role}-{action}")
    for role in ROLES
    for i, action in enumerate(ACTIONS)
]


@pytest.fixture
def organisation_for(civil_org, city_org):
    """The organisation each role acts for: an administration for the city employee."""
    return lambda role: city_org if role == "city_employee" else civil_org


def person(role, civil_org, city_org):
    if role == "anonymous":
        return AnonymousUser()
    if role == "member":
        return factories.UserFactory()
    if role == "ombud_of_other_org":
        return factories.representative(factories.OrganisationFactory())
    if role == "ombud":
        return factories.representative(civil_org)
    if role == "city_employee":
        return factories.representative(city_org)
    return factories.coordinator()


@pytest.mark.parametrize(("role", "action", "allowed"), CASES)
def test_permission_matrix(room, civil_org, city_org, organisation_for, role, action, allowed):
    user = person(role, civil_org, city_org)
    organisation = organisation_for(role)

    def attempt():
        if action == "book":
            services.book_room(
                room=room,
                organisation=organisation,
                starts_at=at(3, 10),
                ends_at=at(3, 12),
                purpose="Möte",
                expected_participants=4,
                by=user,
            )
        elif action == "cancel":
            booking = BookingFactory(
                room=room, organisation=organisation, starts_at=at(5, 10), ends_at=at(5, 12)
            )
            services.cancel_booking(booking=booking, by=user)
            assert Booking.objects.get(pk=booking.pk).is_cancelled
        elif action == "record_visitors":
            services.record_visitor_count(
                venue=room.venue, date=at(-1, 12).date(), visitors=40, by=user
            )
        else:
            services.import_visitor_counts(venue=room.venue, content=b"2022-03-14;80\n", by=user)

    if allowed:
        attempt()
    else:
        with pytest.raises(PermissionDeniedError):
            attempt()
        assert not VisitorCount.objects.exists()
        assert not Booking.objects.active().exclude(starts_at=at(5, 10)).exists()


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("member", False), ("ombud", False), ("coordinator", True)],
)
def test_only_the_coordinators_book_outside_the_rules_and_see_every_booking(
    civil_org, city_org, role, allowed
):
    user = person(role, civil_org, city_org)

    assert permissions.can_book_outside_rules(user)[0] == allowed
    assert permissions.can_see_all_bookings(user)[0] == allowed


def test_a_missing_actor_is_an_error_not_a_refusal_or_a_skipped_check(room, civil_org):
    booking = BookingFactory(room=room, organisation=civil_org, starts_at=at(5, 10))

    with pytest.raises(TypeError):
        services.cancel_booking(booking=booking, by=None)
    with pytest.raises(TypeError):
        services.record_visitor_count(venue=room.venue, date=at(-1, 12).date(), visitors=4, by=None)

    assert not Booking.objects.get(pk=booking.pk).is_cancelled
    assert not VisitorCount.objects.exists()


def test_the_platform_books_as_system_and_is_recorded_as_nobody(
    room, civil_org, mailoutbox, django_capture_on_commit_callbacks
):
    booker = factories.representative(civil_org)
    booking = BookingFactory(room=room, organisation=civil_org, booked_by=booker)

    with django_capture_on_commit_callbacks(execute=True):
        created = services.book_room(
            room=room,
            organisation=civil_org,
            starts_at=at(3, 10),
            ends_at=at(3, 12),
            purpose="Import",
            expected_participants=4,
            by=SYSTEM,
            notify=False,
        )
        services.cancel_booking(booking=booking, by=SYSTEM)

    assert created.booked_by is None
    assert Booking.objects.get(pk=booking.pk).cancelled_by is None
    assert AuditEntry.objects.get(action="booking.created").actor is None
    assert [m.to for m in mailoutbox] == [[booker.email]]  # the booker did not cancel it
