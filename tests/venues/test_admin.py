"""The centre's admin opens for an administrator with the demo loaded; bookings are cancelled
there through the service, not edited."""

import datetime

import pytest
from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone

from samverkan.core.models import AuditEntry
from samverkan.venues.models import Booking, VisitorCount
from tests import factories
from tests.venues.factories import BookingFactory, VenueFactory

pytestmark = pytest.mark.django_db


def test_every_venues_admin_list_and_a_row_of_each_open(client, shared_demo):
    client.force_login(factories.administrator())

    for model in admin.site._registry:
        opts = model._meta
        if opts.app_label != "venues":
            continue
        changelist = reverse(f"admin:venues_{opts.model_name}_changelist")
        assert client.get(changelist).status_code == 200, changelist
        row = model._default_manager.first()
        if row is not None:
            change = reverse(f"admin:venues_{opts.model_name}_change", args=[row.pk])
            assert client.get(change).status_code == 200, change


def test_the_admin_cancels_a_booking_through_the_service(client, room):
    booking = BookingFactory(room=room)
    client.force_login(factories.administrator())

    client.post(
        reverse("admin:venues_booking_changelist"),
        {"action": "cancel_bookings", "_selected_action": [booking.pk]},
    )

    assert Booking.objects.get(pk=booking.pk).is_cancelled


def test_a_visitor_count_added_in_the_admin_is_recorded_through_the_service(client):
    venue = VenueFactory()
    administrator = factories.administrator()
    client.force_login(administrator)

    client.post(
        reverse("admin:venues_visitorcount_add"),
        {"venue": venue.pk, "date": "2022-03-14", "visitors": 80},
    )

    assert VisitorCount.objects.get(venue=venue).recorded_by == administrator
    assert AuditEntry.objects.filter(action="visitors.recorded").exists()


def test_a_visitor_count_the_service_refuses_is_shown_and_nothing_is_saved(client):
    venue = VenueFactory()
    client.force_login(factories.administrator())
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = client.post(
        reverse("admin:venues_visitorcount_add"),
        {"venue": venue.pk, "date": tomorrow.isoformat(), "visitors": 80},
        follow=True,
    )

    assert response.status_code == 200
    assert not VisitorCount.objects.filter(venue=venue).exists()
    assert [m for m in response.context["messages"] if m.level == messages.ERROR]
