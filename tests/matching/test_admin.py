"""The admin posts and edits needs and offers through the services: audit row, index, rules."""

import pytest
from django.urls import reverse

from samverkan.core.models import AuditEntry
from samverkan.matching.models import Posting, PostingTerm
from tests.matching.factories import NEED, association, posting

pytestmark = pytest.mark.django_db


def _form_data(**changes):
    data = {
        "direction": NEED,
        "kind": Posting.Kind.VOLUNTEERS,
        "title": "Volontärer till läxhjälp",
        "text": "Vi söker volontärer till läxhjälp.",
    }
    return {**data, **changes}


def test_an_admin_edit_goes_through_the_service_and_reindexes(admin_client, agreement):
    need = posting(agreement, association(), NEED, "Läxhjälp", "Vi söker läxhjälpare.")
    url = reverse("admin:matching_posting_change", args=[need.pk])
    response = admin_client.post(url, _form_data(title="Simträning", text="Simskola."))
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.title == "Simträning"
    assert AuditEntry.objects.filter(action="posting.updated", object_id=str(need.pk)).exists()
    terms = set(PostingTerm.objects.filter(posting=need).values_list("word", flat=True))
    assert "läxhjälpare" not in terms


def test_an_admin_edit_the_service_refuses_is_shown_and_nothing_is_saved(admin_client, agreement):
    need = posting(agreement, association(), NEED, "Läxhjälp", "Vi söker läxhjälpare.")
    url = reverse("admin:matching_posting_change", args=[need.pk])
    response = admin_client.post(url, _form_data(valid_until="2001-01-01"), follow=True)
    need.refresh_from_db()
    assert need.title == "Läxhjälp"
    assert not AuditEntry.objects.filter(action="posting.updated").exists()
    assert response.context["messages"]


def test_a_posting_added_in_the_admin_is_indexed_and_audited(admin_client, agreement):
    club = association()
    response = admin_client.post(
        reverse("admin:matching_posting_add"),
        _form_data(agreement=agreement.pk, organisation=club.pk),
    )
    assert response.status_code == 302
    added = Posting.objects.get()
    assert added.created_by is not None and added.created_by.is_superuser
    assert PostingTerm.objects.filter(posting=added).exists()
    assert AuditEntry.objects.filter(action="posting.created", object_id=str(added.pk)).exists()
