"""Dates and numbers at the edges answer a clear 4xx, never a 500: a year-1 or year-9999 date
(a BC timestamp on PostgreSQL, an overflow on SQLite), a number past the database's integer
column, an amount of 1e400. Run on SQLite and on PostgreSQL (DATABASE_URL)."""

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

from samverkan.events.models import Event
from samverkan.funding.models import Expense, FundingCall, Grant
from tests import factories
from tests.funding.factories import FunderFactory
from tests.venues.factories import room_open_every_day

pytestmark = pytest.mark.django_db

FUNDING = "/overenskommelser/malmoandan"


def sv(message: str) -> str:
    with translation.override("sv"):
        return translation.gettext(message)


def event_data(organisation, **changes):
    data = {
        "kind": "workshop",
        "title": "Workshop om IOP",
        "organisers": [organisation.pk],
        "starts_at": "2030-05-02T09:00",
        "ends_at": "2030-05-02T12:00",
        "place_kind": "online",
        "online_url": "https://mote.example.org/iop",
        "capacity": "20",
    }
    return {**data, **changes}


@pytest.fixture
def new_event(client):
    agreement = factories.AgreementFactory(is_primary=False)
    client.force_login(factories.coordinator())
    return reverse("events:new", kwargs={"agreement": agreement.slug})


@pytest.mark.parametrize(
    ("starts_at", "ends_at"),
    [("0001-01-01T00:00", "0001-01-01T02:00"), ("9999-12-31T22:00", "9999-12-31T23:00")],
    ids=["year-1", "year-9999"],
)
def test_an_event_in_year_1_or_9999_is_refused_with_a_clear_message(
    client, new_event, starts_at, ends_at
):
    address = new_event
    organisation = factories.OrganisationFactory()

    response = client.post(address, event_data(organisation, starts_at=starts_at, ends_at=ends_at))

    assert response.status_code == 400
    assert "Ange ett datum mellan 1900 och 2200." in response.context["form"].errors["starts_at"]
    assert not Event.objects.exists()


@pytest.mark.parametrize("capacity", ["2147483648", "99999999999999999999"])
def test_a_capacity_past_the_database_column_is_refused_at_the_field(client, new_event, capacity):
    address = new_event

    response = client.post(address, event_data(factories.OrganisationFactory(), capacity=capacity))

    assert response.status_code == 400
    assert response.context["form"].errors["capacity"]
    assert not Event.objects.exists()


def test_every_date_field_of_every_form_refuses_year_1():
    """Django's own form fields carry the bound, so a new form (or the admin's) has it too."""
    for field in (forms.DateField(), forms.DateTimeField()):
        with pytest.raises(forms.ValidationError):
            field.clean("0001-01-01")
    assert forms.DateField().clean("2026-12-07").year == 2026


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_the_room_day_view_far_from_now_is_a_404(client, day):
    room = room_open_every_day()
    venue = room.venue
    kwargs = {"agreement": venue.agreement.slug, "venue": venue.slug, "room": room.slug}
    address = f"{reverse('venues:room', kwargs=kwargs)}dag/{day}/"

    assert client.get(address).status_code == 404


@pytest.mark.parametrize("week", ["9999-W52", "0001-W01"])
def test_the_room_week_view_far_from_now_shows_this_week(client, week):
    room = room_open_every_day()
    address = reverse(
        "venues:room",
        kwargs={
            "agreement": room.venue.agreement.slug,
            "venue": room.venue.slug,
            "room": room.slug,
        },
    )

    assert client.get(address, {"vecka": week}).status_code == 200


@pytest.mark.parametrize(
    "params", [{"from": "9999-12-31"}, {"from": "0001-01-01"}, {"to": "0001-01-01"}]
)
def test_the_availability_api_refuses_a_date_far_from_now_with_its_error_shape(client, params):
    room = room_open_every_day()

    response = client.get(f"/api/v1/rooms/{room.venue.slug}/{room.slug}/availability", params)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "date_out_of_range"
    assert "1900" in error["message"]


@pytest.fixture
def funding(client):
    factories.AgreementFactory(slug="malmoandan")
    client.force_login(factories.coordinator())


@pytest.mark.parametrize("amount", ["1e400", "1E+400", "NaN", "-1", "99999999999999999999"])
def test_a_grant_of_an_impossible_amount_is_refused_at_the_field(client, funding, amount):
    response = client.post(
        f"{FUNDING}/budget/2022/bidrag/ny/",
        {"purpose": "Samordning", "recipient_name": "Malmö Ideella", "amount": amount},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["amount"]
    assert not Grant.objects.exists()


def test_an_expense_of_1e400_is_refused_at_the_field(client, funding):
    response = client.post(
        f"{FUNDING}/budget/2022/utgifter/ny/",
        {"spent_on": "2022-05-01", "category": "other", "description": "X", "amount": "1e400"},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["amount"]
    assert not Expense.objects.exists()


def test_a_call_of_1e400_is_refused_at_the_field(client, funding):
    response = client.post(
        f"{FUNDING}/finansiering/ny/",
        {"funder": FunderFactory().pk, "title": "Fel", "description": "X", "amount_max": "1e400"},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["amount_max"]
    assert not FundingCall.objects.exists()


def test_the_admin_refuses_an_event_in_year_1(admin_client):
    """The admin's own form has the bound too: a year-1 event there was a BC timestamp that
    broke the admin's event list on PostgreSQL."""
    response = admin_client.post(
        reverse("admin:events_event_add"),
        {"title": "Forntid", "starts_at_0": "0001-01-01", "starts_at_1": "10:00"},
    )

    assert response.status_code == 200  # the form again, not a redirect
    assert "Ange ett datum mellan 1900 och 2200." in response.content.decode()
    assert not Event.objects.exists()
