"""Every model in the admin opens for an administrator, with the demo data loaded, and the rows
whose rules live in the services cannot be changed there."""

import pytest
from django.contrib import admin
from django.urls import reverse

from samverkan.areas.models import Hosting
from samverkan.governance.models import MinutesParagraph
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, shared_demo):
    client.force_login(factories.administrator())
    return client


def test_every_admin_list_and_a_row_of_each_open(admin_client):
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert admin_client.get(changelist).status_code == 200, changelist
        row = model_admin.get_queryset(_request(admin_client)).first()
        if row is not None:
            change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk])
            assert admin_client.get(change).status_code == 200, change


def _request(client):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = factories.administrator()
    return request


@pytest.mark.parametrize("model", [Hosting, MinutesParagraph])
def test_rows_kept_by_the_services_cannot_be_changed_in_the_admin(admin_client, model):
    row = model.objects.first()
    opts = model._meta
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk])
    assert admin_client.post(change, {}).status_code == 403
    add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    assert admin_client.get(add).status_code == 403
