"""Every write to organisations and representation goes through here.

Views, the API, the admin actions and the demo loader call these functions, so each rule is
written once. Each function runs in a transaction, writes an audit entry and raises an
ApplicationError with a Swedish message when a rule is broken.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.actors import notifications, permissions
from samverkan.actors.models import PROFILE_RELATIONS, Organisation, Representation
from samverkan.actors.search import reindex_organisation
from samverkan.actors.validators import normalise_organisation_number
from samverkan.core.audit import log_action
from samverkan.core.exceptions import ApplicationError, ConflictError
from samverkan.core.permissions import person, require
from samverkan.core.slugs import unique_slug


def _check_organisation_number_is_free(organisation: Organisation) -> None:
    # Checked before full_clean(), which would report the unique constraint as a plain
    # ApplicationError without a field; the constraint itself stays the guarantee (_save).
    if not organisation.is_civil_society or not organisation.organisation_number:
        return
    taken = (
        Organisation.objects.filter(
            sector=organisation.sector, organisation_number=organisation.organisation_number
        )
        .exclude(pk=organisation.pk)
        .exists()
    )
    if taken:
        raise ConflictError(
            _("An organisation with this organisation number is already registered."),
            code="duplicate_organisation_number",
            field="organisation_number",
        )


def _validate(organisation: Organisation) -> None:
    _check_organisation_number_is_free(organisation)
    try:
        organisation.full_clean(exclude=["slug"])
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise ApplicationError(
            messages[0], code="invalid", field=None if field == "__all__" else field
        ) from exc


def _save(organisation: Organisation) -> None:
    try:
        with transaction.atomic():
            organisation.save()
    except IntegrityError as exc:
        raise ConflictError(
            _("An organisation with this organisation number is already registered."),
            code="duplicate_organisation_number",
            field="organisation_number",
        ) from exc


def _set_relations(organisation: Organisation, relations: dict) -> None:
    for name in PROFILE_RELATIONS:
        if name in relations and relations[name] is not None:
            getattr(organisation, name).set(relations[name])


@transaction.atomic
def create_organisation(*, by, representative_title: str = "", **fields) -> Organisation:
    """Register an organisation. A person who is not a coordinator becomes its first
    representative, waiting for a coordinator's confirmation.

    Raises PermissionDeniedError for a visitor, ApplicationError on invalid data,
    ConflictError on a duplicate organisation number.
    """
    require(by, permissions.can_create_organisation)
    relations = {name: fields.pop(name, None) for name in PROFILE_RELATIONS}
    if fields.get("organisation_number"):
        fields["organisation_number"] = normalise_organisation_number(fields["organisation_number"])
    organisation = Organisation(**fields)
    organisation.slug = unique_slug(Organisation, organisation.name, fallback="org")
    _validate(organisation)
    _save(organisation)
    _set_relations(organisation, relations)
    reindex_organisation(organisation)
    log_action(organisation, "organisation.created", by=by, data={"name": organisation.name})
    registrant = person(by)
    if registrant is not None and not permissions.can_register_for_others(registrant)[0]:
        request_representation(
            user=registrant, organisation=organisation, title=representative_title
        )
    return organisation


@transaction.atomic
def update_organisation(*, organisation: Organisation, by, **changes) -> Organisation:
    """Change an organisation's profile. Only its confirmed representatives and coordinators may.

    Raises PermissionDeniedError, ApplicationError (invalid data) or ConflictError.
    """
    require(by, permissions.can_edit_organisation, organisation)
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    relations = {name: changes.pop(name, None) for name in PROFILE_RELATIONS}
    if changes.get("organisation_number"):
        changes["organisation_number"] = normalise_organisation_number(
            changes["organisation_number"]
        )
    before = {name: getattr(organisation, name) for name in changes}
    for name, value in changes.items():
        setattr(organisation, name, value)
    _validate(organisation)
    _save(organisation)
    _set_relations(organisation, relations)
    reindex_organisation(organisation)
    changed = {
        name: {"from": str(before[name]), "to": str(value)}
        for name, value in changes.items()
        if before[name] != value
    }
    changed.update({name: "changed" for name, value in relations.items() if value is not None})
    log_action(organisation, "organisation.updated", by=by, data=changed)
    return organisation


@transaction.atomic
def request_representation(
    *,
    user,
    organisation: Organisation,
    title: str = "",
    motivation: str = "",
    notify: bool = True,
) -> Representation:
    """Ask to act for an organisation. The request waits for a confirmed representative of the
    organisation or a coordinator; they are told by e-mail after commit (the coordinators when
    the organisation has no representative yet).

    Raises PermissionDeniedError for a visitor, ConflictError when the person already
    represents or has asked to represent it.
    """
    require(user, permissions.can_request_representation, organisation)
    existing = Representation.objects.filter(
        user=user,
        organisation=organisation,
        status__in=[Representation.Status.PENDING, Representation.Status.CONFIRMED],
    ).first()
    if existing:
        if existing.status == Representation.Status.CONFIRMED:
            message = _("You already represent %(org)s.")
        else:
            message = _("You have already asked to represent %(org)s. The request is waiting.")
        raise ConflictError(message % {"org": organisation.name}, code="already_requested")
    representation = Representation.objects.create(
        user=user, organisation=organisation, title=title, motivation=motivation
    )
    log_action(representation, "representation.requested", by=user)
    if notify:
        notifications.representation_requested(representation)
    return representation


def _decide(
    representation: Representation, *, by, status: str, note: str, action: str, notify: bool
):
    require(by, permissions.can_decide_representation, representation)
    representation = Representation.objects.select_for_update().get(pk=representation.pk)
    if representation.status != Representation.Status.PENDING:
        raise ConflictError(
            _("This request has already been handled (%(status)s).")
            % {"status": representation.get_status_display()},
            code="already_decided",
        )
    representation.status = status
    representation.decided_by = person(by)
    representation.decided_at = timezone.now()
    representation.decision_note = note
    representation.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    log_action(representation, action, by=by, data={"note": note} if note else {})
    if notify:
        notifications.representation_decided(representation)
    return representation


@transaction.atomic
def confirm_representation(
    *, representation: Representation, by, note: str = "", notify: bool = True
):
    """Let the person act for the organisation. Only a confirmed representative of the same
    organisation or a coordinator may confirm, and never their own request. The person is told
    by e-mail after commit.

    Raises PermissionDeniedError, or ConflictError when the request was already handled.
    """
    return _decide(
        representation,
        by=by,
        status=Representation.Status.CONFIRMED,
        note=note,
        action="representation.confirmed",
        notify=notify,
    )


@transaction.atomic
def reject_representation(
    *, representation: Representation, by, note: str = "", notify: bool = True
):
    """Refuse a request to represent. Same rights as confirming."""
    return _decide(
        representation,
        by=by,
        status=Representation.Status.REJECTED,
        note=note,
        action="representation.rejected",
        notify=notify,
    )


@transaction.atomic
def end_representation(*, representation: Representation, by, note: str = ""):
    """End a confirmed representation or withdraw a request: the person themself, another
    confirmed representative of the organisation, or a coordinator.
    """
    require(by, permissions.can_end_representation, representation)
    representation = Representation.objects.select_for_update().get(pk=representation.pk)
    if representation.status not in (
        Representation.Status.PENDING,
        Representation.Status.CONFIRMED,
    ):
        raise ConflictError(_("This representation has already ended."), code="already_ended")
    representation.status = Representation.Status.ENDED
    representation.decided_by = person(by)
    representation.decided_at = timezone.now()
    representation.decision_note = note
    representation.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    log_action(representation, "representation.ended", by=by)
    return representation
