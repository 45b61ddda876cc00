"""The funding models open in the admin for an administrator, and corrections made there go
through the services; follows and sent reminders are shown, not changed."""

from decimal import Decimal

import pytest
from django.contrib import admin, messages
from django.urls import reverse

from samverkan.core.models import AuditEntry
from samverkan.funding import services
from samverkan.funding.models import CallFollow, Grant, ReminderSent
from tests import factories
from tests.areas.factories import PriorityAreaFactory
from tests.form_defaults import form_defaults
from tests.funding.factories import (
    CallFactory,
    ExpenseFactory,
    FunderFactory,
    GrantFactory,
    in_days,
)

pytestmark = pytest.mark.django_db


def test_every_funding_admin_list_and_row_opens(client):
    agreement = factories.AgreementFactory(slug="malmoandan")
    call = CallFactory(deadline=in_days(3))
    user = factories.UserFactory()
    services.follow_call(call=call, by=user)
    services.send_due_reminders(points=[3])
    ExpenseFactory(agreement=agreement, grant=GrantFactory(agreement=agreement))
    client.force_login(factories.administrator())
    models = [m for m in admin.site._registry if m._meta.app_label == "funding"]
    assert len(models) == 6
    for model in models:
        name = model._meta.model_name
        assert client.get(reverse(f"admin:funding_{name}_changelist")).status_code == 200, name
        row = model.objects.first()
        assert row is not None, name
        url = reverse(f"admin:funding_{name}_change", args=[row.pk])
        assert client.get(url).status_code == 200, name
    assert client.get(reverse("admin:funding_fundingcall_add")).status_code == 200
    assert client.get(reverse("admin:funding_funder_add")).status_code == 200


# Corrections in the admin go through the services: the rules hold and the audit row is written.


def _post(client, row, **changes):
    """The row's admin form posted back as shown, with `changes`."""
    opts = row._meta
    url = reverse(f"admin:funding_{opts.model_name}_change", args=[row.pk])
    data = form_defaults(client.get(url).content.decode(), f"{opts.model_name}_form")
    data.update({name: [str(value)] for name, value in changes.items()})
    return client.post(url, data, follow=True)


def _refusals(response):
    return [m for m in response.context["messages"] if m.level == messages.ERROR]


@pytest.fixture
def admin_client(client):
    client.force_login(factories.administrator())
    return client


def test_a_grant_corrected_in_the_admin_is_changed_by_the_service(admin_client):
    grant = GrantFactory()

    _post(admin_client, grant, amount="1200000.00")

    grant.refresh_from_db()
    assert grant.amount == Decimal("1200000.00")
    entry = AuditEntry.objects.get(action="funding.grant_updated", object_id=str(grant.pk))
    assert set(entry.data) == {"amount"}


def test_a_grant_correction_the_service_refuses_is_shown_and_nothing_is_saved(admin_client):
    grant = GrantFactory()

    # Neither an organisation of the register nor a name: no one receives it.
    response = _post(admin_client, grant, purpose="Ny text", recipient_name="")

    grant.refresh_from_db()
    assert (grant.recipient_name, grant.purpose) == (
        "Malmö Ideella",
        "Samordning av den idéburna sektorn",
    )
    assert not AuditEntry.objects.filter(action="funding.grant_updated").exists()
    assert _refusals(response)


def test_an_expense_on_a_grant_of_another_year_is_refused_in_the_admin(admin_client):
    expense = ExpenseFactory()
    other_year = GrantFactory(agreement=expense.agreement, year=2021)

    response = _post(admin_client, expense, description="Ändrad", grant=other_year.pk)

    expense.refresh_from_db()
    assert expense.grant is None and expense.description != "Ändrad"
    assert _refusals(response)


def test_an_expense_corrected_in_the_admin_is_changed_by_the_service(admin_client):
    expense = ExpenseFactory()

    _post(admin_client, expense, description="Lokalhyra för dialogmötet")

    expense.refresh_from_db()
    assert expense.description == "Lokalhyra för dialogmötet"
    assert AuditEntry.objects.filter(
        action="funding.expense_updated", object_id=str(expense.pk)
    ).exists()


def test_a_grant_added_in_the_admin_is_recorded_by_the_service(admin_client):
    agreement = factories.AgreementFactory(is_primary=False)

    admin_client.post(
        reverse("admin:funding_grant_add"),
        {
            "agreement": agreement.pk,
            "year": 2023,
            "purpose": "Samordning",
            "amount": "500000.00",
            "recipient_name": "Malmö Ideella",
        },
    )

    grant = Grant.objects.get(agreement=agreement)
    assert AuditEntry.objects.filter(
        action="funding.grant_recorded", object_id=str(grant.pk)
    ).exists()


def test_a_call_corrected_in_the_admin_is_changed_by_the_service(admin_client):
    call = CallFactory(sector_values=["civil"])

    _post(admin_client, call, title="Stöd till mötesplatser")

    call.refresh_from_db()
    assert call.title == "Stöd till mötesplatser"
    assert call.sector_list == ["civil"]
    assert AuditEntry.objects.filter(action="funding.call_updated", object_id=str(call.pk)).exists()


def test_a_call_given_areas_of_another_agreement_is_refused_in_the_admin(admin_client):
    call = CallFactory(agreement=factories.AgreementFactory(is_primary=False))
    elsewhere = PriorityAreaFactory()

    response = _post(admin_client, call, title="Ny titel", areas=elsewhere.pk)

    call.refresh_from_db()
    assert call.title != "Ny titel" and not call.areas.exists()
    assert not AuditEntry.objects.filter(action="funding.call_updated").exists()
    assert _refusals(response)


def test_a_funder_corrected_in_the_admin_is_changed_by_the_service(admin_client):
    funder = FunderFactory()

    _post(admin_client, funder, name="Stiftelsen för Malmö")

    funder.refresh_from_db()
    assert funder.name == "Stiftelsen för Malmö"
    assert AuditEntry.objects.filter(
        action="funding.funder_updated", object_id=str(funder.pk)
    ).exists()


@pytest.mark.parametrize("model", [CallFollow, ReminderSent])
def test_follows_and_sent_reminders_are_shown_not_changed(admin_client, model):
    call = CallFactory(deadline=in_days(3))
    services.follow_call(call=call, by=factories.UserFactory())
    services.send_due_reminders(points=[3])
    row = model.objects.get()
    name = model._meta.model_name

    assert admin_client.get(reverse(f"admin:funding_{name}_add")).status_code == 403
    change = reverse(f"admin:funding_{name}_change", args=[row.pk])
    assert admin_client.post(change, {}).status_code == 403
    delete = reverse(f"admin:funding_{name}_delete", args=[row.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert model.objects.filter(pk=row.pk).exists()
