"""The admin shows collaborations and IOP agreements; the IOP checklist is read-only there."""

import pytest
from django.urls import reverse

from tests.partnerships.factories import IopAgreementFactory

pytestmark = pytest.mark.django_db


def test_admin_lists_and_rows_open(admin_client):
    iop = IopAgreementFactory()
    for model, pk in [("collaboration", iop.collaboration.pk), ("iopagreement", iop.pk)]:
        assert (
            admin_client.get(reverse(f"admin:partnerships_{model}_changelist")).status_code == 200
        )
        response = admin_client.get(reverse(f"admin:partnerships_{model}_change", args=[pk]))
        assert response.status_code == 200
    assert admin_client.get(reverse("admin:partnerships_collaboration_add")).status_code == 200
    assert admin_client.get(reverse("admin:partnerships_iopagreement_add")).status_code == 403
