"""The admin shows collaborations and IOP agreements; the IOP checklist is read-only there."""

import pytest
from django.urls import reverse

from samverkan.core.models import AuditEntry
from samverkan.partnerships.models import Collaboration
from tests import factories
from tests.partnerships.factories import CollaborationFactory, IopAgreementFactory

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


def _form_data(collaboration, **changes):
    data = {
        "title": collaboration.title,
        "description": collaboration.description,
        "starts_on": collaboration.starts_on.isoformat() if collaboration.starts_on else "",
        "results": collaboration.results,
        "mapping_year": collaboration.mapping_year,
        "areas": [],
        "districts": [],
        "is_public": "on" if collaboration.is_public else "",
        "parties-TOTAL_FORMS": "0",
        "parties-INITIAL_FORMS": "0",
    }
    return {k: v for k, v in {**data, **changes}.items() if v != ""}


def test_an_admin_edit_goes_through_the_service_with_its_audit_row_and_search_text(admin_client):
    """Before, the admin saved the row itself: no audit entry, and the search text kept the
    old title."""
    collaboration = CollaborationFactory(title="Gammal titel")
    url = reverse("admin:partnerships_collaboration_change", args=[collaboration.pk])
    response = admin_client.post(url, _form_data(collaboration, title="Simskola i Rosengård"))
    assert response.status_code == 302, getattr(response, "context_data", {}).get("errors")
    collaboration.refresh_from_db()
    assert collaboration.title == "Simskola i Rosengård"
    assert "simskol" in collaboration.search_text
    entry = AuditEntry.objects.get(action="collaboration.updated")
    assert entry.data["title"]["to"] == "Simskola i Rosengård"
    assert entry.actor.is_superuser


def test_an_admin_edit_the_service_refuses_is_shown_and_nothing_is_saved(admin_client):
    collaboration = CollaborationFactory(title="Kvar", mapping_year=2021)
    url = reverse("admin:partnerships_collaboration_change", args=[collaboration.pk])
    response = admin_client.post(
        url, _form_data(collaboration, title="Ändrad", mapping_year=1990), follow=True
    )
    collaboration.refresh_from_db()
    assert (collaboration.title, collaboration.mapping_year) == ("Kvar", 2021)
    assert not AuditEntry.objects.filter(action="collaboration.updated").exists()
    assert any("2000" in str(m) for m in response.context["messages"])


def test_a_collaboration_added_in_the_admin_has_its_lead_party_and_audit_row(admin_client):
    agreement = factories.AgreementFactory()
    lead = factories.OrganisationFactory()
    response = admin_client.post(
        reverse("admin:partnerships_collaboration_add"),
        {
            "agreement": agreement.pk,
            "title": "Läxhjälp på Lindängen",
            "lead": lead.pk,
            "kind": "project",
            "status": "running",
            "mapping_year": 2022,
            "is_public": "on",
            "parties-TOTAL_FORMS": "0",
            "parties-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, getattr(response, "context_data", {}).get("errors")
    collaboration = Collaboration.objects.get()
    assert collaboration.slug == "laxhjalp-pa-lindangen"
    assert [(p.organisation, p.role) for p in collaboration.parties.all()] == [(lead, "lead")]
    assert AuditEntry.objects.filter(
        action="collaboration.created", object_id=str(collaboration.pk)
    ).exists()


def test_a_collaboration_is_not_added_in_the_admin_without_a_lead(admin_client):
    response = admin_client.post(
        reverse("admin:partnerships_collaboration_add"),
        {
            "agreement": factories.AgreementFactory().pk,
            "title": "Utan part",
            "kind": "project",
            "status": "running",
            "mapping_year": 2022,
            "parties-TOTAL_FORMS": "0",
            "parties-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert response.context_data["adminform"].form.errors["lead"]
    assert not Collaboration.objects.exists()
