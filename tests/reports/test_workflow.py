"""The report's workflow through the services: draft -> approved -> published, freezing, the
memo's defaults and editing, refusals with their reasons, audit entries."""

import pytest
from django.utils.translation import gettext

from samverkan.core.exceptions import ApplicationError, ConflictError, PermissionDeniedError
from samverkan.core.models import AuditEntry
from samverkan.core.permissions import SYSTEM
from samverkan.reports import services
from samverkan.reports.memo import MEMO_KEYS
from samverkan.reports.models import ChannelFigure, ReportStatus
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement():
    return factories.AgreementFactory(name="Överenskommelse Malmöandan", is_primary=False)


@pytest.fixture
def draft(agreement, coordinator):
    return services.create_report(agreement=agreement, year=2022, by=coordinator)


def _published(report, by):
    report = services.approve(report=report, by=by)
    return services.publish(report=report, by=by)


def test_create_compiles_a_draft_with_the_time_read(draft):
    assert draft.status == ReportStatus.DRAFT
    assert draft.data_read_at is not None
    assert len(draft.snapshot["sections"]) == 11
    assert AuditEntry.objects.filter(action="report.created", object_id=str(draft.pk)).exists()


def test_a_second_report_for_the_same_year_is_refused(draft, agreement, coordinator):
    with pytest.raises(ConflictError) as error:
        services.create_report(agreement=agreement, year=2022, by=coordinator)
    assert error.value.code == "report_exists"


def test_a_member_cannot_create_a_report(agreement, member):
    with pytest.raises(PermissionDeniedError):
        services.create_report(agreement=agreement, year=2022, by=member)


def test_workflow_goes_from_draft_to_approved_to_published(draft, coordinator):
    approved = services.approve(report=draft, by=coordinator)
    assert (approved.status, approved.approved_by) == (ReportStatus.APPROVED, coordinator)
    published = services.publish(report=approved, by=coordinator)
    assert published.status == ReportStatus.PUBLISHED
    assert published.published_at is not None
    actions = set(
        AuditEntry.objects.filter(object_id=str(draft.pk)).values_list("action", flat=True)
    )
    assert {"report.approved", "report.published"} <= actions


def test_a_draft_cannot_be_published_before_it_is_approved(draft, coordinator):
    with pytest.raises(ApplicationError) as error:
        services.publish(report=draft, by=coordinator)
    assert error.value.code == "not_approved"


def test_an_approved_report_is_reopened_as_a_draft(draft, coordinator):
    approved = services.approve(report=draft, by=coordinator)
    reopened = services.reopen(report=approved, by=coordinator)
    assert reopened.status == ReportStatus.DRAFT and reopened.approved_at is None


def test_an_approved_report_cannot_be_edited_or_recompiled(draft, coordinator):
    approved = services.approve(report=draft, by=coordinator)
    with pytest.raises(ApplicationError):
        services.save_texts(report=approved, texts={"economy": "Text"}, by=coordinator)
    with pytest.raises(ApplicationError):
        services.recompile(report=approved, by=coordinator)


def test_a_published_report_is_frozen(draft, agreement, coordinator):
    published = _published(draft, coordinator)
    ChannelFigure.objects.create(
        agreement=agreement, year=2022, channel="LinkedIn", measure="Följare", value=600
    )
    frozen_message = gettext("The annual report is published and can no longer be changed.")
    for attempt in (
        lambda: services.recompile(report=published, by=coordinator),
        lambda: services.save_texts(report=published, texts={"economy": "Ny"}, by=coordinator),
        lambda: services.save_memo(report=published, memo={"summary": "Ny"}, by=coordinator),
        lambda: services.reopen(report=published, by=coordinator),
    ):
        with pytest.raises(ApplicationError) as error:
            attempt()
        assert error.value.message == frozen_message
    published.refresh_from_db()
    assert published.snapshot == draft.snapshot
    assert published.texts == {}


def test_recompile_reads_the_new_data_into_a_draft(draft, agreement, coordinator):
    ChannelFigure.objects.create(
        agreement=agreement, year=2022, channel="LinkedIn", measure="Följare", value=600
    )
    report = services.recompile(report=draft, by=coordinator)
    communication = next(s for s in report.snapshot["sections"] if s["key"] == "communication")
    assert 600 in [f["value"] for f in communication["figures"]]


def test_save_texts_keeps_other_sections_and_refuses_unknown_ones(draft, coordinator):
    report = services.save_texts(
        report=draft, texts={"economy": "  Pengarna räckte.\r\n\r\nBra.  "}, by=coordinator
    )
    report = services.save_texts(report=report, texts={"learning": "Fyra platser."}, by=coordinator)
    assert report.texts == {"economy": "Pengarna räckte.\n\nBra.", "learning": "Fyra platser."}
    with pytest.raises(ApplicationError):
        services.save_texts(report=report, texts={"nonsense": "x"}, by=coordinator)


def test_memo_is_drafted_with_every_key_and_the_proposed_decision(draft):
    assert list(draft.memo) == MEMO_KEYS
    assert draft.memo["proposed_decision"] == gettext(
        "The city board approves the annual report for %(name)s %(year)d and places it on file."
    ) % {"name": "Malmöandan", "year": 2022}
    assert "Fritidsnämnden" in draft.memo["recipients"].splitlines()


def test_memo_draft_takes_the_sections_texts(draft, coordinator):
    report = services.save_texts(
        report=draft, texts={"dialogue_forum": "Cirka 120 deltog."}, by=coordinator
    )
    assert "Cirka 120 deltog." in services.draft_memo(report)["case"]


def test_memo_is_edited_until_the_report_is_published(draft, coordinator):
    approved = services.approve(report=draft, by=coordinator)
    report = services.save_memo(
        report=approved, memo={"signatories": "Anna Andersson\nBo Berg"}, by=coordinator
    )
    assert report.memo["signatories"] == "Anna Andersson\nBo Berg"
    assert report.memo["proposed_decision"] == draft.memo["proposed_decision"]
    with pytest.raises(ApplicationError) as error:
        services.save_memo(report=report, memo={"proposed_decision": " "}, by=coordinator)
    assert error.value.field == "proposed_decision"


@pytest.mark.parametrize("service", [services.approve, services.recompile])
def test_nobody_is_not_the_system(draft, service):
    """A forgotten `by` is a programming error, not a write that skips the check."""
    with pytest.raises(TypeError):
        service(report=draft, by=None)


def test_the_system_publishes_without_an_author(draft):
    report = _published(draft, SYSTEM)

    assert report.status == ReportStatus.PUBLISHED
    assert (report.approved_by, report.published_by) == (None, None)
    entry = AuditEntry.objects.get(action="report.published", object_id=str(report.pk))
    assert entry.actor is None
