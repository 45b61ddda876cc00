"""Registration: capacity and the waiting list, promotion on cancellation (and its e-mail),
seat quotas, the registration window, and registering twice."""

import datetime

import pytest
from django.utils import timezone

from samverkan.core.exceptions import ApplicationError, ConflictError, PermissionDeniedError
from samverkan.core.permissions import SYSTEM
from samverkan.events import services
from samverkan.events.models import Registration
from tests import factories
from tests.events.factories import EventFactory, soon

pytestmark = pytest.mark.django_db

REGISTERED = Registration.Status.REGISTERED
WAITLISTED = Registration.Status.WAITLISTED


def sign_up(event, sector="civil", **kwargs):
    return services.register(event=event, user=factories.UserFactory(), sector=sector, **kwargs)


def test_seats_are_given_until_the_event_is_full_then_the_waiting_list_in_order():
    event = EventFactory(capacity=2)

    first, second, third, fourth = (sign_up(event) for _ in range(4))

    assert [first.status, second.status] == [REGISTERED, REGISTERED]
    assert [third.status, fourth.status] == [WAITLISTED, WAITLISTED]
    assert services.waitlist_position(third) == 1
    assert services.waitlist_position(fourth) == 2
    assert event.registrations.registered().count() == 2


def test_an_event_without_a_limit_never_fills():
    event = EventFactory(capacity=None)

    assert all(sign_up(event).status == REGISTERED for _ in range(5))


def test_cancelling_gives_the_seat_to_the_first_waiting_and_tells_them_by_email(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1, title="Malmötimme om lokaler")
    seated = sign_up(event)
    first_waiting = sign_up(event)
    second_waiting = sign_up(event)

    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.cancel_registration(registration=seated, by=seated.user)

    assert promoted == [first_waiting]
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == REGISTERED and first_waiting.promoted_at
    assert second_waiting.status == WAITLISTED
    assert services.waitlist_position(second_waiting) == 1
    assert [m.to for m in mailoutbox] == [[first_waiting.user.email]]
    assert "Malmötimme om lokaler" in mailoutbox[0].subject
    assert event.get_absolute_url() in mailoutbox[0].body


def test_no_email_is_sent_when_the_cancellation_rolls_back(mailoutbox):
    event = EventFactory(capacity=1)
    seated = sign_up(event)
    sign_up(event)

    services.cancel_registration(registration=seated, by=seated.user)

    assert mailoutbox == []  # on_commit: the test's transaction never commits


def test_leaving_the_waiting_list_promotes_nobody():
    event = EventFactory(capacity=1)
    sign_up(event)
    waiting = sign_up(event)
    behind = sign_up(event)

    assert services.cancel_registration(registration=waiting, by=waiting.user) == []
    behind.refresh_from_db()
    assert behind.status == WAITLISTED
    assert services.waitlist_position(behind) == 1


def test_registering_twice_is_refused_with_a_clear_message():
    event = EventFactory()
    person = factories.UserFactory()
    services.register(event=event, user=person, sector="city")

    with pytest.raises(ConflictError) as refusal:
        services.register(event=event, user=person, sector="city")

    assert refusal.value.code == "already_registered"
    assert event.registrations.filter(user=person).count() == 1


def test_after_cancelling_a_person_may_register_again():
    event = EventFactory()
    first = sign_up(event)
    services.cancel_registration(registration=first, by=first.user)

    again = services.register(event=event, user=first.user, sector="civil")

    assert again.status == REGISTERED


@pytest.mark.parametrize(
    ("opens_in_hours", "closes_in_hours", "code"),
    [(2, None, "registration_not_open"), (-48, -1, "registration_closed")],
)
def test_the_registration_window_is_enforced(opens_in_hours, closes_in_hours, code):
    now = timezone.now()
    event = EventFactory(
        registration_opens_at=now + datetime.timedelta(hours=opens_in_hours),
        registration_closes_at=(
            now + datetime.timedelta(hours=closes_in_hours) if closes_in_hours else None
        ),
    )

    with pytest.raises(ConflictError) as refusal:
        sign_up(event)

    assert refusal.value.code == code
    assert not event.registrations.exists()


def test_registration_closes_when_the_event_starts_unless_told_otherwise():
    event = EventFactory(starts_at=soon(days=-1), ends_at=soon(days=1))

    with pytest.raises(ConflictError) as refusal:
        sign_up(event)

    assert refusal.value.code == "registration_closed"


def test_drafts_and_cancelled_events_take_no_registrations():
    draft = EventFactory(is_published=False)
    cancelled = EventFactory(status="cancelled")

    for event, code in [(draft, "not_published"), (cancelled, "event_cancelled")]:
        with pytest.raises(ConflictError) as refusal:
            sign_up(event)
        assert refusal.value.code == code


def test_visitors_cannot_register():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDeniedError):
        services.register(event=EventFactory(), user=AnonymousUser(), sector="civil")


def test_the_organisation_must_be_one_the_person_represents_and_gives_the_sector():
    event = EventFactory()
    administration = factories.administration()
    employee = factories.representative(administration)

    registration = services.register(
        event=event, user=employee, organisation=administration, sector="business"
    )
    assert registration.sector == "city"  # the organisation's sector counts

    with pytest.raises(ApplicationError) as refusal:
        services.register(
            event=event, user=factories.UserFactory(), organisation=administration, sector=""
        )
    assert refusal.value.field == "organisation"


def test_a_sector_is_needed_without_an_organisation():
    with pytest.raises(ApplicationError) as refusal:
        services.register(event=EventFactory(), user=factories.UserFactory(), sector="")

    assert refusal.value.field == "sector"


# ---------------------------------------------------------------------------------------------
# Quotas
# ---------------------------------------------------------------------------------------------


def quota_event(capacity=4, seats=2, sectors=("city", "civil")):
    event = EventFactory(capacity=capacity)
    quota = services.add_quota(
        event=event, by=SYSTEM, name="Via Malmöandan", seats=seats, sectors=sectors
    )
    return event, quota


def test_people_outside_the_group_cannot_take_the_reserved_seats():
    event, _quota = quota_event(capacity=4, seats=2)

    outside = [sign_up(event, sector="business") for _ in range(3)]

    assert [r.status for r in outside] == [REGISTERED, REGISTERED, WAITLISTED]
    inside = sign_up(event, sector="civil")
    assert inside.status == REGISTERED and inside.quota is not None


def test_the_group_takes_its_quota_first_then_general_seats():
    event, quota = quota_event(capacity=4, seats=2)

    group = [sign_up(event, sector="city") for _ in range(5)]

    assert [r.quota_id for r in group[:2]] == [quota.pk, quota.pk]
    assert [r.quota_id for r in group[2:4]] == [None, None]
    assert group[4].status == WAITLISTED


def test_a_quota_can_name_organisations():
    organisation = factories.OrganisationFactory(sector="business", legal_form="company")
    member = factories.representative(organisation)
    event = EventFactory(capacity=1)
    services.add_quota(
        event=event, by=SYSTEM, name="Partner", seats=1, organisations=[organisation]
    )

    assert sign_up(event, sector="civil").status == WAITLISTED
    own = services.register(event=event, user=member, organisation=organisation)
    assert own.status == REGISTERED and own.quota is not None


def test_a_freed_quota_seat_goes_to_the_first_waiting_person_of_the_group():
    event, quota = quota_event(capacity=3, seats=1, sectors=("civil",))
    holder = sign_up(event, sector="civil")
    sign_up(event, sector="business")
    sign_up(event, sector="business")
    outsider = sign_up(event, sector="business")
    group_member = sign_up(event, sector="civil")
    assert holder.quota == quota
    assert [outsider.status, group_member.status] == [WAITLISTED, WAITLISTED]

    promoted = services.cancel_registration(registration=holder, by=holder.user)

    assert promoted == [group_member]
    outsider.refresh_from_db()
    assert outsider.status == WAITLISTED


def test_quotas_cannot_reserve_more_than_the_capacity():
    event = EventFactory(capacity=3)

    with pytest.raises(ApplicationError):
        services.add_quota(event=event, by=SYSTEM, name="För många", seats=4, sectors=["civil"])
    with pytest.raises(ApplicationError):
        services.add_quota(event=event, by=SYSTEM, name="Ingen grupp", seats=1)


# ---------------------------------------------------------------------------------------------
# Capacity changes and attendance
# ---------------------------------------------------------------------------------------------


def test_more_seats_go_to_the_waiting_list_and_fewer_than_taken_are_refused():
    event = EventFactory(capacity=1)
    sign_up(event)
    waiting = sign_up(event)

    services.update_event(event=event, by=SYSTEM, capacity=2)
    waiting.refresh_from_db()
    assert waiting.status == REGISTERED

    with pytest.raises(ConflictError):
        services.update_event(event=event, by=SYSTEM, capacity=1)


def test_attendance_is_marked_after_the_start_only():
    coordinator = factories.coordinator()
    event = EventFactory()
    came, stayed_home = sign_up(event), sign_up(event)

    with pytest.raises(ConflictError):
        services.mark_attendance(event=event, attended=[came.pk], by=coordinator)

    later = event.starts_at + datetime.timedelta(minutes=5)
    services.mark_attendance(event=event, attended=[came.pk], by=coordinator, now=later)
    came.refresh_from_db()
    stayed_home.refresh_from_db()
    assert (came.attended, stayed_home.attended) == (True, False)


def test_cancelling_after_the_start_is_refused():
    event = EventFactory()
    registration = sign_up(event)

    with pytest.raises(ConflictError):
        services.cancel_registration(
            registration=registration,
            by=registration.user,
            now=event.starts_at + datetime.timedelta(minutes=1),
        )
