"""Notifications (core/notify.py notify_person): one row in the change's own transaction, none
when it rolls back, the title kept in each language, and the e-mails of the wired triggers
still queued as before."""

import pytest
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from samverkan.actors import services as actors
from samverkan.core.models import EmailDelivery, Notification
from samverkan.core.notify import notify_person
from samverkan.events import services as events
from samverkan.venues import services as venues
from tests import factories
from tests.events.factories import EventFactory
from tests.venues.factories import BookingFactory

pytestmark = pytest.mark.django_db


def test_notify_person_creates_one_notification_with_the_title_in_each_language():
    user = factories.UserFactory()

    notification = notify_person(user=user, kind="test", title=_("My pages"), url="/x/")

    assert Notification.objects.get() == notification
    assert notification.is_unread and notification.recipient == user
    assert notification.title == "Mina sidor"
    assert notification.title_in("en") == "My pages"
    assert EmailDelivery.objects.count() == 0  # no template, no e-mail


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_leaves_no_notification_and_no_email():
    user = factories.UserFactory()

    with pytest.raises(RuntimeError), transaction.atomic():
        notify_person(
            user=user,
            kind="waitlist_promoted",
            title="Plats",
            url="/",
            email_template="events/email/promoted",
            context={"event": EventFactory(), "url": "/", "mine_url": "/"},
        )
        raise RuntimeError

    assert Notification.objects.count() == 0
    assert EmailDelivery.objects.count() == 0


def test_a_seat_from_the_waiting_list_is_a_notification_and_still_an_email(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1, title="Malmötimme om lokaler")
    seated = events.register(event=event, user=factories.UserFactory(), sector="civil")
    waiting = events.register(event=event, user=factories.UserFactory(), sector="civil")

    with django_capture_on_commit_callbacks(execute=True):
        events.cancel_registration(registration=seated, by=seated.user)

    notification = Notification.objects.get()
    assert notification.recipient == waiting.user
    assert notification.kind == "waitlist_promoted"
    assert "Malmötimme om lokaler" in notification.title
    assert notification.url == event.get_absolute_url()
    assert [m.to for m in mailoutbox] == [[waiting.user.email]]
    assert "Malmötimme om lokaler" in mailoutbox[0].subject


def test_a_booking_cancelled_by_a_coordinator_notifies_and_mails_the_booker(
    mailoutbox, django_capture_on_commit_callbacks
):
    booker = factories.UserFactory()
    booking = BookingFactory(booked_by=booker)

    with django_capture_on_commit_callbacks(execute=True):
        venues.cancel_booking(booking=booking, by=factories.coordinator())

    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind) == (booker, "booking_cancelled")
    assert booking.room.name in notification.title_in("en")
    assert notification.title_in("en").startswith("Your booking was cancelled")
    assert notification.title_in("sv").startswith("Din bokning är avbokad")
    assert [m.to for m in mailoutbox] == [[booker.email]]


def test_a_booking_cancelled_by_its_booker_notifies_nobody(mailoutbox):
    organisation = factories.OrganisationFactory()
    booker = factories.representative(organisation)
    booking = BookingFactory(booked_by=booker, organisation=organisation)

    venues.cancel_booking(booking=booking, by=booker)

    assert Notification.objects.count() == 0


def test_a_representation_request_notifies_and_mails_each_representative(
    mailoutbox, django_capture_on_commit_callbacks
):
    org = factories.OrganisationFactory(name="Föreningen Zig Zag")
    chair = factories.representative(org)
    second = factories.representative(org)
    factories.coordinator()

    with django_capture_on_commit_callbacks(execute=True):
        actors.request_representation(
            user=factories.UserFactory(), organisation=org, title="Kassör"
        )

    notified = Notification.objects.filter(kind="representation_request")
    assert sorted(n.recipient_id for n in notified) == sorted([chair.pk, second.pk])
    assert all("Föreningen Zig Zag" in n.title for n in notified)
    assert sorted(m.to[0] for m in mailoutbox) == sorted([chair.email, second.email])
