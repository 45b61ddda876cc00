"""The funding models open in the admin for an administrator."""

import pytest
from django.contrib import admin
from django.urls import reverse

from samverkan.funding import services
from tests import factories
from tests.funding.factories import CallFactory, ExpenseFactory, GrantFactory, in_days

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
