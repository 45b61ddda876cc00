"""Writes of collaborations and IOP agreements. Every write is one transaction with its audit
entry; notifications go out after the commit."""

import datetime
from decimal import Decimal
from pathlib import PurePath

from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from samverkan.actors.models import Organisation
from samverkan.core import formatting
from samverkan.core.audit import log_action
from samverkan.core.exceptions import ApplicationError, ConflictError
from samverkan.core.permissions import person, require
from samverkan.core.slugs import slug_text, unique_slug
from samverkan.partnerships import files, notifications, permissions
from samverkan.partnerships.models import (
    Collaboration,
    CollaborationParty,
    IopAgreement,
    IopCondition,
    IopDocument,
    IopFollowUp,
)
from samverkan.partnerships.search import index_text

# What update_collaboration() changes.
COLLABORATION_FIELDS = {
    "title",
    "description",
    "kind",
    "status",
    "starts_on",
    "ends_on",
    "results",
    "mapping_year",
    "areas",
    "districts",
    "is_public",
}
IOP_FIELDS = {"purpose", "starts_on", "ends_on", "value", "internal_note"}
MIN_MAPPING_YEAR = 2000
# Addresses of the list's own pages (urls.py): no collaboration may take them.
RESERVED_SLUGS = {"ny", "statistik"}


def _unique_slug(agreement, title: str) -> str:
    # A title that is a word of the app's addresses ("ny") gets "-samarbete", not "-2".
    if slug_text(title) in RESERVED_SLUGS:
        title = f"{title} samarbete"
    return unique_slug(
        Collaboration.objects.filter(agreement=agreement),
        title,
        max_length=300,
        fallback="samarbete",
    )


def _check_title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise ApplicationError(
            _("Give the collaboration a title."), code="title_missing", field="title"
        )
    return title


def _check_period_and_status(*, status, starts_on, ends_on, mapping_year) -> None:
    if starts_on and ends_on and ends_on < starts_on:
        raise ApplicationError(
            _("The collaboration cannot end before it starts."),
            code="ends_before_start",
            field="ends_on",
        )
    if status == Collaboration.Status.ENDED and not ends_on:
        raise ApplicationError(
            _("An ended collaboration needs the date it ended."),
            code="end_date_missing",
            field="ends_on",
        )
    if status not in Collaboration.Status.values:
        raise ApplicationError(_("Choose a valid status."), code="invalid", field="status")
    this_year = timezone.localdate().year
    if mapping_year is not None and not MIN_MAPPING_YEAR <= mapping_year <= this_year + 1:
        raise ApplicationError(
            _("The year of the mapping must be between %(first)s and %(last)s.")
            % {"first": MIN_MAPPING_YEAR, "last": this_year + 1},
            code="invalid_mapping_year",
            field="mapping_year",
        )


def reindex(collaboration: Collaboration) -> None:
    collaboration.search_text = index_text(
        title=collaboration.title,
        description=collaboration.description,
        results=collaboration.results,
    )
    Collaboration.objects.filter(pk=collaboration.pk).update(search_text=collaboration.search_text)


@transaction.atomic
def create_collaboration(
    *,
    agreement,
    title: str,
    parties: list[tuple],
    by,
    description: str = "",
    kind: str = Collaboration.Kind.PROJECT,
    status: str = Collaboration.Status.RUNNING,
    starts_on=None,
    ends_on=None,
    mapping_year: int | None = None,
    areas=(),
    districts=(),
    is_public: bool = True,
    is_demo: bool = False,
    results: str = "",
) -> Collaboration:
    """Record a collaboration and its parties, given as (organisation, role) pairs.

    Guarantees: at least one party, each organisation once; the mapping year is this year unless
    given; an ended collaboration has its end date. `by` is a coordinator, a representative of
    one of the parties (the pages, the matching app) or SYSTEM (the demo, imports).
    Raises ApplicationError (code "no_parties",
    "duplicate_party", "ends_before_start", "end_date_missing", "title_missing"),
    PermissionDeniedError.
    """
    title = _check_title(title)
    if not parties:
        raise ApplicationError(_("A collaboration needs at least one party."), code="no_parties")
    organisations = [organisation.pk for organisation, _role in parties]
    if len(set(organisations)) != len(organisations):
        raise ApplicationError(
            _("An organisation can take part only once in a collaboration."),
            code="duplicate_party",
        )
    if kind not in Collaboration.Kind.values:
        raise ApplicationError(_("Choose a valid kind."), code="invalid", field="kind")
    for _organisation, role in parties:
        if role not in CollaborationParty.Role.values:
            raise ApplicationError(_("Choose a valid role."), code="invalid", field="role")
    require(by, permissions.can_create_collaboration, organisations)
    _check_period_and_status(
        status=status, starts_on=starts_on, ends_on=ends_on, mapping_year=mapping_year
    )
    collaboration = Collaboration.objects.create(
        agreement=agreement,
        title=title,
        slug=_unique_slug(agreement, title),
        description=description,
        kind=kind,
        status=status,
        starts_on=starts_on,
        ends_on=ends_on,
        results=results,
        mapping_year=mapping_year or timezone.localdate().year,
        is_public=is_public,
        is_demo=is_demo,
        search_text=index_text(title=title, description=description, results=results),
    )
    CollaborationParty.objects.bulk_create(
        CollaborationParty(collaboration=collaboration, organisation=organisation, role=role)
        for organisation, role in parties
    )
    collaboration.areas.set(areas)
    collaboration.districts.set(districts)
    log_action(
        collaboration,
        "collaboration.created",
        by=by,
        data={"parties": [[o.pk, role] for o, role in parties]},
    )
    notifications.collaboration_recorded(collaboration, by=by)
    return collaboration


@transaction.atomic
def update_collaboration(*, collaboration: Collaboration, by, **changes) -> Collaboration:
    """Change a collaboration's texts, kind, period, status, areas, districts or visibility.
    The address (slug) stays, so links keep working. Ending goes through end_collaboration().

    Raises PermissionDeniedError, ApplicationError (invalid values; an IOP agreement exists and
    the kind is changed away from IOP).
    """
    require(by, permissions.can_edit_collaboration, collaboration)
    unknown = set(changes) - COLLABORATION_FIELDS
    if unknown:
        raise ApplicationError(
            _("These fields cannot be changed: %(fields)s.")
            % {"fields": ", ".join(sorted(unknown))},
            code="invalid",
        )
    collaboration = Collaboration.objects.select_for_update().get(pk=collaboration.pk)
    if "title" in changes:
        changes["title"] = _check_title(changes["title"])
    merged = {
        name: changes.get(name, getattr(collaboration, name))
        for name in ("status", "starts_on", "ends_on")
    }
    _check_period_and_status(**merged, mapping_year=changes.get("mapping_year"))
    if (
        changes.get("kind", collaboration.kind) != Collaboration.Kind.IOP
        and IopAgreement.objects.filter(collaboration=collaboration).exists()
    ):
        raise ApplicationError(
            _("The collaboration has an IOP agreement: its kind stays IOP."),
            code="iop_kind_required",
            field="kind",
        )
    areas = changes.pop("areas", None)
    districts = changes.pop("districts", None)
    changed = {}
    for name, value in changes.items():
        before = getattr(collaboration, name)
        if before != value:
            changed[name] = {"from": str(before), "to": str(value)}
            setattr(collaboration, name, value)
    if changed:
        collaboration.save(update_fields=[*changed, "updated_at"])
    if {"title", "description", "results"} & set(changed):
        reindex(collaboration)
    for name, values in (("areas", areas), ("districts", districts)):
        if values is None:
            continue
        relation = getattr(collaboration, name)
        after = {v.pk for v in values}
        if set(relation.values_list("pk", flat=True)) != after:
            relation.set(values)
            changed[name] = sorted(after)
    log_action(collaboration, "collaboration.updated", by=by, data=changed)
    return collaboration


@transaction.atomic
def add_party(
    *, collaboration: Collaboration, organisation: Organisation, role: str, by
) -> CollaborationParty:
    """Add an organisation to a collaboration in a role.

    Raises PermissionDeniedError, ConflictError (already a party), ApplicationError (role).
    """
    require(by, permissions.can_manage_parties, collaboration)
    if role not in CollaborationParty.Role.values:
        raise ApplicationError(_("Choose a valid role."), code="invalid", field="role")
    Collaboration.objects.select_for_update().filter(pk=collaboration.pk).first()
    if collaboration.parties.filter(organisation=organisation).exists():
        raise ConflictError(
            _("%(org)s is already a party of the collaboration.") % {"org": organisation.name},
            code="duplicate_party",
            field="organisation",
        )
    party = CollaborationParty.objects.create(
        collaboration=collaboration, organisation=organisation, role=role
    )
    log_action(
        collaboration,
        "collaboration.party_added",
        by=by,
        data={"organisation": organisation.pk, "role": role},
    )
    return party


@transaction.atomic
def remove_party(*, party: CollaborationParty, by) -> None:
    """Remove a party. The last party stays: a collaboration has at least one.

    Raises PermissionDeniedError, ConflictError (the last party).
    """
    collaboration = party.collaboration
    require(by, permissions.can_manage_parties, collaboration)
    Collaboration.objects.select_for_update().filter(pk=collaboration.pk).first()
    if collaboration.parties.count() <= 1:
        raise ConflictError(
            _("A collaboration needs at least one party: add another before removing this one."),
            code="last_party",
        )
    log_action(
        collaboration,
        "collaboration.party_removed",
        by=by,
        data={"organisation": party.organisation_id, "role": party.role},
    )
    party.delete()


@transaction.atomic
def end_collaboration(
    *, collaboration: Collaboration, ends_on: datetime.date, by, results: str | None = None
) -> Collaboration:
    """Mark a collaboration ended on `ends_on` (today or earlier), optionally with its results.

    Raises PermissionDeniedError, ConflictError (already ended), ApplicationError (a date in the
    future or before the start).
    """
    require(by, permissions.can_edit_collaboration, collaboration)
    collaboration = Collaboration.objects.select_for_update().get(pk=collaboration.pk)
    if collaboration.status == Collaboration.Status.ENDED:
        raise ConflictError(_("The collaboration has already ended."), code="already_ended")
    if ends_on is None:
        raise ApplicationError(
            _("Give the date the collaboration ended."), code="end_date_missing", field="ends_on"
        )
    if ends_on > timezone.localdate():
        raise ApplicationError(
            _("A collaboration is ended on its last day, not before: choose today or earlier."),
            code="end_in_future",
            field="ends_on",
        )
    if collaboration.starts_on and ends_on < collaboration.starts_on:
        raise ApplicationError(
            _("The collaboration cannot end before it starts (%(date)s).")
            % {"date": formatting.long_date(collaboration.starts_on)},
            code="ends_before_start",
            field="ends_on",
        )
    collaboration.status = Collaboration.Status.ENDED
    collaboration.ends_on = ends_on
    fields = ["status", "ends_on", "updated_at"]
    if results is not None and results.strip():
        collaboration.results = results.strip()
        fields.append("results")
    collaboration.save(update_fields=fields)
    if "results" in fields:
        reindex(collaboration)
    log_action(collaboration, "collaboration.ended", by=by, data={"ends_on": ends_on.isoformat()})
    return collaboration


# ---------------------------------------------------------------------------------------------
# IOP agreements
# ---------------------------------------------------------------------------------------------


def _check_iop_values(*, starts_on, ends_on, value) -> None:
    if starts_on is None:
        raise ApplicationError(
            _("Give the date the agreement starts."), code="start_missing", field="starts_on"
        )
    if ends_on and ends_on < starts_on:
        raise ApplicationError(
            _("The agreement cannot end before it starts."),
            code="ends_before_start",
            field="ends_on",
        )
    if value is None or Decimal(value) < 0:
        raise ApplicationError(
            _("Give the agreement's value in kronor, zero or more."),
            code="invalid_value",
            field="value",
        )
    if Decimal(value).as_tuple().exponent < -2:
        raise ApplicationError(
            _("The value is in kronor and öre: at most two decimals."),
            code="invalid_value",
            field="value",
        )


@transaction.atomic
def create_iop_agreement(
    *,
    collaboration: Collaboration,
    purpose: str,
    starts_on: datetime.date,
    value: Decimal,
    by,
    ends_on: datetime.date | None = None,
    internal_note: str = "",
) -> IopAgreement:
    """Give an IOP collaboration its agreement, in preparation (no condition confirmed).

    Raises PermissionDeniedError, ApplicationError (not of kind IOP, no civil-society and city
    party, invalid values), ConflictError (it has one already).
    """
    require(by, permissions.can_manage_iop, collaboration)
    collaboration = Collaboration.objects.select_for_update().get(pk=collaboration.pk)
    if collaboration.kind != Collaboration.Kind.IOP:
        raise ApplicationError(
            _("Only a collaboration of kind IOP has an IOP agreement."), code="not_iop"
        )
    if IopAgreement.objects.filter(collaboration=collaboration).exists():
        raise ConflictError(_("The collaboration already has an IOP agreement."), code="iop_exists")
    sectors = set(collaboration.parties.values_list("organisation__sector", flat=True))
    if not {"civil", "municipal"} <= sectors:
        raise ApplicationError(
            _(
                "An IOP is an agreement between the city and the non-profit sector: the "
                "collaboration needs at least one non-profit party and one city party."
            ),
            code="iop_parties",
        )
    purpose = (purpose or "").strip()
    if not purpose:
        raise ApplicationError(
            _("Describe the shared purpose of the agreement."),
            code="purpose_missing",
            field="purpose",
        )
    _check_iop_values(starts_on=starts_on, ends_on=ends_on, value=value)
    iop = IopAgreement.objects.create(
        collaboration=collaboration,
        purpose=purpose,
        starts_on=starts_on,
        ends_on=ends_on,
        value=Decimal(value),
        internal_note=internal_note,
    )
    log_action(iop, "iop.created", by=by, data={"value": str(iop.value)})
    return iop


@transaction.atomic
def update_iop_agreement(*, iop: IopAgreement, by, **changes) -> IopAgreement:
    """Change the purpose, period, value or internal note. A signed agreement keeps its purpose,
    period and value (a new agreement is signed instead); its note can still change.

    Raises PermissionDeniedError, ConflictError (signed), ApplicationError.
    """
    require(by, permissions.can_manage_iop, iop.collaboration)
    unknown = set(changes) - IOP_FIELDS
    if unknown:
        raise ApplicationError(
            _("These fields cannot be changed: %(fields)s.")
            % {"fields": ", ".join(sorted(unknown))},
            code="invalid",
        )
    iop = IopAgreement.objects.select_for_update().get(pk=iop.pk)
    changed = {name: value for name, value in changes.items() if getattr(iop, name) != value}
    if iop.is_signed and set(changed) - {"internal_note"}:
        raise ConflictError(
            _("The agreement is signed: its purpose, period and value can no longer change."),
            code="iop_signed",
        )
    if "purpose" in changed and not (changed["purpose"] or "").strip():
        raise ApplicationError(
            _("Describe the shared purpose of the agreement."),
            code="purpose_missing",
            field="purpose",
        )
    merged = {
        name: changes.get(name, getattr(iop, name)) for name in ("starts_on", "ends_on", "value")
    }
    _check_iop_values(**merged)
    for name, value in changed.items():
        setattr(iop, name, value)
    if changed:
        iop.save(update_fields=[*changed, "updated_at"])
    log_action(
        iop,
        "iop.updated",
        by=by,
        data={k: str(v) for k, v in changed.items() if k != "internal_note"},
    )
    return iop


@transaction.atomic
def confirm_condition(*, iop: IopAgreement, condition: str, by, note: str = "") -> IopAgreement:
    """Record that `by` has checked a condition of the IOP's checklist, now, with a note.

    Raises PermissionDeniedError (see permissions.can_confirm_conditions), ApplicationError
    (unknown condition), ConflictError (already confirmed; the agreement is signed).
    """
    require(by, permissions.can_confirm_conditions, iop.collaboration)
    if condition not in IopCondition.values:
        raise ApplicationError(_("There is no such condition."), code="unknown_condition")
    iop = IopAgreement.objects.select_for_update().get(pk=iop.pk)
    if iop.is_signed:
        raise ConflictError(
            _("The agreement is signed: its checklist can no longer change."), code="iop_signed"
        )
    if getattr(iop, f"{condition}_confirmed_at") is not None:
        raise ConflictError(_("The condition is already confirmed."), code="already_confirmed")
    setattr(iop, f"{condition}_confirmed_at", timezone.now())
    setattr(iop, f"{condition}_confirmed_by", person(by))
    setattr(iop, f"{condition}_note", (note or "").strip())
    iop.save(
        update_fields=[
            f"{condition}_confirmed_at",
            f"{condition}_confirmed_by",
            f"{condition}_note",
            "updated_at",
        ]
    )
    log_action(iop, "iop.condition_confirmed", by=by, data={"condition": condition})
    return iop


@transaction.atomic
def withdraw_confirmation(*, iop: IopAgreement, condition: str, by) -> IopAgreement:
    """Take back the confirmation of a condition (e.g. the terms changed). Not once signed.

    Raises PermissionDeniedError, ApplicationError (unknown condition), ConflictError (signed;
    not confirmed).
    """
    require(by, permissions.can_confirm_conditions, iop.collaboration)
    if condition not in IopCondition.values:
        raise ApplicationError(_("There is no such condition."), code="unknown_condition")
    iop = IopAgreement.objects.select_for_update().get(pk=iop.pk)
    if iop.is_signed:
        raise ConflictError(
            _("The agreement is signed: its checklist can no longer change."), code="iop_signed"
        )
    if getattr(iop, f"{condition}_confirmed_at") is None:
        raise ConflictError(_("The condition is not confirmed."), code="not_confirmed")
    setattr(iop, f"{condition}_confirmed_at", None)
    setattr(iop, f"{condition}_confirmed_by", None)
    setattr(iop, f"{condition}_note", "")
    iop.save(
        update_fields=[
            f"{condition}_confirmed_at",
            f"{condition}_confirmed_by",
            f"{condition}_note",
            "updated_at",
        ]
    )
    log_action(iop, "iop.condition_withdrawn", by=by, data={"condition": condition})
    return iop


@transaction.atomic
def sign_iop_agreement(*, iop: IopAgreement, signed_on: datetime.date, by) -> IopAgreement:
    """Mark the agreement signed on `signed_on`. Only with every condition of the checklist
    confirmed (the database refuses it too: constraint iop_signed_only_with_every_condition).

    Raises PermissionDeniedError, ConflictError (already signed), ApplicationError (code
    "checklist_incomplete", listing the missing conditions; a date in the future).
    """
    require(by, permissions.can_confirm_conditions, iop.collaboration)
    iop = IopAgreement.objects.select_for_update().get(pk=iop.pk)
    if iop.is_signed:
        raise ConflictError(_("The agreement is already signed."), code="already_signed")
    missing = iop.missing_conditions()
    if missing:
        raise ApplicationError(
            _("The checklist is not complete: %(missing)s.")
            % {"missing": "; ".join(str(condition.label) for condition in missing)},
            code="checklist_incomplete",
        )
    if signed_on is None or signed_on > timezone.localdate():
        raise ApplicationError(
            _("Give the date the agreement was signed: today or earlier."),
            code="invalid_signed_on",
            field="signed_on",
        )
    iop.signed_on = signed_on
    iop.signed_by = person(by)
    iop.save(update_fields=["signed_on", "signed_by", "updated_at"])
    log_action(iop, "iop.signed", by=by, data={"signed_on": signed_on.isoformat()})
    notifications.iop_signed(iop, by=by)
    return iop


@transaction.atomic
def attach_iop_document(*, iop: IopAgreement, file, by, title: str = "") -> IopDocument:
    """Attach a document (PDF, Word, OpenDocument or Excel), checked by its content, at most
    UPLOAD_MAX_BYTES. Nothing half-written: no file without its row.

    Raises PermissionDeniedError, ApplicationError (empty, too large, wrong type).
    """
    require(by, permissions.can_manage_iop, iop.collaboration)
    kind = files.inspect_upload(file)
    name = get_valid_filename(PurePath(file.name).name)[-100:]
    document = IopDocument(
        iop=iop,
        title=(title or "").strip()[:200] or PurePath(name).stem,
        content_type=kind.content_type,
        size=file.size,
        uploaded_by=person(by),
    )
    document.file.save(name, file, save=False)
    try:
        document.save()
        log_action(iop, "iop.document_attached", by=by, data={"document": document.title})
    except Exception:
        document.file.storage.delete(document.file.name)
        raise
    return document


@transaction.atomic
def add_follow_up(
    *, iop: IopAgreement, followed_up_on: datetime.date, text: str, by
) -> IopFollowUp:
    """Write a follow-up entry. Raises PermissionDeniedError, ApplicationError (empty text,
    a date in the future)."""
    require(by, permissions.can_manage_iop, iop.collaboration)
    text = (text or "").strip()
    if not text:
        raise ApplicationError(
            _("Write what the follow-up found."), code="text_missing", field="text"
        )
    if followed_up_on is None or followed_up_on > timezone.localdate():
        raise ApplicationError(
            _("A follow-up is dated today or earlier."),
            code="invalid_date",
            field="followed_up_on",
        )
    entry = IopFollowUp.objects.create(
        iop=iop,
        followed_up_on=followed_up_on,
        text=text,
        written_by=person(by),
    )
    log_action(iop, "iop.follow_up_added", by=by, data={"on": followed_up_on.isoformat()})
    return entry
