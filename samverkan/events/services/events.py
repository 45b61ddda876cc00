"""Creating, editing, publishing and cancelling events; sessions, seat quotas, documentation."""

import datetime
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from samverkan.core import uploads
from samverkan.core.audit import log_action
from samverkan.core.exceptions import ApplicationError, ConflictError, PermissionDeniedError
from samverkan.core.permissions import person, require
from samverkan.core.slugs import unique_slug
from samverkan.events import notifications, permissions
from samverkan.events.models import (
    Event,
    EventDocument,
    EventKind,
    EventSession,
    ParticipantSector,
    Registration,
    SeatQuota,
)
from samverkan.events.services.common import locked_event
from samverkan.events.services.registrations import Seats, _promote

# The fields of an event a form edits (relations apart).
EVENT_FIELDS = [
    "kind",
    "title",
    "summary",
    "text",
    "theme",
    "focus_area",
    "starts_at",
    "ends_at",
    "place_kind",
    "room",
    "address",
    "online_url",
    "capacity",
    "registration_opens_at",
    "registration_closes_at",
]
EVENT_RELATIONS = ["organisers", "areas", "districts"]

# What documentation may be: the platform's upload check (samverkan.core.uploads) with these kinds.
DOCUMENT_KINDS = (
    uploads.PDF,
    uploads.DOCX,
    uploads.ODT,
    uploads.PPTX,
    uploads.ODP,
    uploads.PNG,
    uploads.JPEG,
    uploads.WEBP,
)


def event_slug(title: str, starts_at: datetime.datetime, *, exclude_pk=None) -> str:
    """The title and the day: 'larandelunch-2026-05-12'."""
    return unique_slug(
        Event,
        f"{title}-{timezone.localtime(starts_at):%Y-%m-%d}",
        fallback="evenemang",
        exclude_pk=exclude_pk,
    )


def _aware(value):
    if isinstance(value, datetime.datetime) and timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


def _validate(event: Event, *, organisers, areas, districts, by) -> None:
    """The rules of an event that span its relations, then the row's own (clean())."""
    organisers = list(organisers)
    if not organisers:
        raise ApplicationError(
            _("An event has at least one organiser."), code="invalid", field="organisers"
        )
    try:
        require(by, permissions.can_name_organisers, organisers)
    except PermissionDeniedError as refusal:
        # A choice in the form, not a page the person may not see: shown at the field.
        raise ApplicationError(refusal.message, code="invalid", field="organisers") from refusal
    if any(a.agreement_id != event.agreement_id for a in areas):
        raise ApplicationError(
            _("An event can only name priority areas of its own agreement."),
            code="invalid",
            field="areas",
        )
    if event.focus_area is not None and event.focus_area.agreement_id != event.agreement_id:
        raise ApplicationError(
            _("The focus area belongs to another agreement."), code="invalid", field="focus_area"
        )
    if event.room is not None and event.room.venue.agreement_id != event.agreement_id:
        raise ApplicationError(
            _("The room belongs to another agreement's venue."), code="invalid", field="room"
        )
    try:
        event.clean()
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise ApplicationError(messages[0], code="invalid", field=field) from error
    if event.pk and event.capacity is not None:
        reserved = sum(event.quotas.values_list("seats", flat=True))
        if reserved > event.capacity:
            raise ApplicationError(
                _("The seat quotas reserve %(reserved)d seats, more than the capacity.")
                % {"reserved": reserved},
                code="invalid",
                field="capacity",
            )


@transaction.atomic
def create_event(
    *,
    agreement,
    by,
    title: str,
    kind: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    organisers,
    place_kind: str,
    room=None,
    address: str = "",
    online_url: str = "",
    areas=(),
    districts=(),
    focus_area=None,
    capacity: int | None = None,
    registration_opens_at: datetime.datetime | None = None,
    registration_closes_at: datetime.datetime | None = None,
    summary: str = "",
    text: str = "",
    theme: str = "",
    is_published: bool = False,
    slug: str = "",
    is_demo: bool = False,
) -> Event:
    """Create an event of `agreement`, as a draft unless `is_published`. `by` is the person
    creating it, or SYSTEM (imports, the demo).

    Raises PermissionDeniedError (neither coordinator nor representative of an organiser),
    ApplicationError (no organiser, a place that is not exactly one of room, address or link,
    an end before the start, areas of another agreement).
    """
    require(by, permissions.can_create_event)
    if kind not in EventKind.values:
        raise ApplicationError(_("Choose the kind of event."), code="invalid", field="kind")
    if not title.strip():
        raise ApplicationError(_("An event needs a title."), code="invalid", field="title")
    starts_at, ends_at = _aware(starts_at), _aware(ends_at)
    event = Event(
        agreement=agreement,
        kind=kind,
        title=title.strip(),
        summary=summary.strip(),
        text=text,
        theme=theme.strip(),
        focus_area=focus_area,
        starts_at=starts_at,
        ends_at=ends_at,
        place_kind=place_kind,
        room=room,
        address=address.strip(),
        online_url=online_url,
        capacity=capacity,
        registration_opens_at=_aware(registration_opens_at),
        registration_closes_at=_aware(registration_closes_at),
        is_published=is_published,
        published_at=timezone.now() if is_published else None,
        created_by=person(by),
        is_demo=is_demo,
    )
    _validate(event, organisers=organisers, areas=areas, districts=districts, by=by)
    event.slug = slug or event_slug(event.title, starts_at)
    event.save()
    event.organisers.set(organisers)
    event.areas.set(areas)
    event.districts.set(districts)
    log_action(event, "event.created", by=by, data={"title": event.title})
    return event


@transaction.atomic
def update_event(*, event: Event, by, **changes) -> Event:
    """Change an event's fields (EVENT_FIELDS) and relations (EVENT_RELATIONS). More seats
    go to the waiting list at once; fewer seats than are taken are refused.

    Raises PermissionDeniedError, ApplicationError (as create_event), ConflictError (the
    capacity below the seats already taken).
    """
    event = locked_event(event)
    require(by, permissions.can_manage_event, event)
    unknown = set(changes) - set(EVENT_FIELDS) - set(EVENT_RELATIONS)
    if unknown:
        raise TypeError(f"update_event() got unexpected fields: {sorted(unknown)}")
    for name in EVENT_FIELDS:
        if name in changes:
            value = changes[name]
            if isinstance(value, str) and name not in ("text",):
                value = value.strip()
            setattr(event, name, _aware(value))
    relations = {
        name: list(changes[name]) if name in changes else list(getattr(event, name).all())
        for name in EVENT_RELATIONS
    }
    _validate(event, by=by, **relations)
    taken = event.registrations.registered().count()
    if event.capacity is not None and event.capacity < taken:
        raise ConflictError(
            _("%(taken)d seats are already taken; the capacity cannot be lower.")
            % {"taken": taken},
            code="capacity_below_registered",
            field="capacity",
        )
    event.save()
    for name in EVENT_RELATIONS:
        if name in changes:
            getattr(event, name).set(relations[name])
    log_action(event, "event.updated", by=by, data={"fields": sorted(changes)})
    if event.is_published and not event.is_cancelled:
        _promote(event, timezone.now())
    return event


@transaction.atomic
def set_published(*, event: Event, published: bool, by) -> Event:
    """Publish a draft (it appears in the calendar and opens for registration) or take it back
    to draft. A cancelled event stays as it is."""
    event = locked_event(event)
    require(by, permissions.can_manage_event, event)
    if event.is_cancelled:
        raise ConflictError(_("The event is cancelled."), code="event_cancelled")
    if published and not event.is_published:
        event.published_at = timezone.now()
    event.is_published = published
    event.save(update_fields=["is_published", "published_at", "updated_at"])
    log_action(event, "event.published" if published else "event.unpublished", by=by)
    return event


@transaction.atomic
def cancel_event(*, event: Event, note: str = "", by) -> Event:
    """Cancel an event. It stays in the calendar, marked cancelled; everyone registered or
    waiting is told by e-mail after commit. Raises ConflictError when already cancelled."""
    event = locked_event(event)
    require(by, permissions.can_manage_event, event)
    if event.is_cancelled:
        raise ConflictError(_("The event is already cancelled."), code="event_cancelled")
    event.status = Event.Status.CANCELLED
    event.cancellation_note = note.strip()
    event.save(update_fields=["status", "cancellation_note", "updated_at"])
    emails = list(event.registrations.active().values_list("user__email", flat=True))
    notifications.event_cancelled(event, emails)
    log_action(event, "event.cancelled", by=by, data={"note": event.cancellation_note})
    return event


# ---------------------------------------------------------------------------------------------
# Sessions
# ---------------------------------------------------------------------------------------------


def _span_sessions(event: Event) -> None:
    """An event with sessions runs from its first session's start to its last one's end."""
    spans = list(event.sessions.values_list("starts_at", "ends_at"))
    if spans:
        event.starts_at = min(s for s, _e in spans)
        event.ends_at = max(e for _s, e in spans)
        event.save(update_fields=["starts_at", "ends_at", "updated_at"])


@transaction.atomic
def add_session(
    *,
    event: Event,
    by,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    place_kind: str,
    room=None,
    address: str = "",
    online_url: str = "",
    title: str = "",
) -> EventSession:
    """Add a session to an event; the event's start and end then span its sessions.

    Raises PermissionDeniedError, ApplicationError (place, times).
    """
    event = locked_event(event)
    require(by, permissions.can_manage_event, event)
    session = EventSession(
        event=event,
        title=title.strip(),
        starts_at=_aware(starts_at),
        ends_at=_aware(ends_at),
        place_kind=place_kind,
        room=room,
        address=address.strip(),
        online_url=online_url,
    )
    if room is not None and room.venue.agreement_id != event.agreement_id:
        raise ApplicationError(
            _("The room belongs to another agreement's venue."), code="invalid", field="room"
        )
    try:
        session.clean()
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise ApplicationError(messages[0], code="invalid", field=field) from error
    session.save()
    _span_sessions(event)
    log_action(event, "event.session_added", by=by, data={"session": session.pk})
    return session


@transaction.atomic
def remove_session(*, session: EventSession, by) -> None:
    event = locked_event(session.event)
    require(by, permissions.can_manage_event, event)
    session.delete()
    _span_sessions(event)
    log_action(event, "event.session_removed", by=by)


# ---------------------------------------------------------------------------------------------
# Seat quotas
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def add_quota(
    *, event: Event, by, name: str, seats: int, sectors=(), organisations=()
) -> SeatQuota:
    """Reserve `seats` of the event's capacity for a group (see SeatQuota). People of the group
    who already hold general seats move into the quota, and the seats they leave go to the
    waiting list.

    Raises PermissionDeniedError, ApplicationError (no capacity, more reserved seats than the
    capacity, a quota that names no group).
    """
    event = locked_event(event)
    require(by, permissions.can_manage_event, event)
    sectors = [s for s in sectors if s]
    organisations = list(organisations)
    if not name.strip():
        raise ApplicationError(_("A quota needs a name."), code="invalid", field="name")
    if any(s not in ParticipantSector.values for s in sectors):
        raise ApplicationError(_("Unknown sector."), code="invalid", field="sectors")
    if not sectors and not organisations:
        raise ApplicationError(
            _("Say who may use the quota: sectors, organisations, or both."),
            code="invalid",
            field="sectors",
        )
    if event.capacity is None:
        raise ApplicationError(
            _("Seats can only be reserved at an event with a limited number of seats."),
            code="invalid",
            field="seats",
        )
    reserved = sum(event.quotas.values_list("seats", flat=True)) + seats
    if seats < 1 or reserved > event.capacity:
        raise ApplicationError(
            _("The quotas would reserve %(reserved)d of %(capacity)d seats.")
            % {"reserved": reserved, "capacity": event.capacity},
            code="invalid",
            field="seats",
        )
    quota = SeatQuota.objects.create(event=event, name=name.strip(), seats=seats, sectors=sectors)
    quota.organisations.set(organisations)
    log_action(event, "event.quota_added", by=by, data={"quota": quota.name, "seats": seats})
    _promote(event, timezone.now())
    return quota


@transaction.atomic
def remove_quota(*, quota: SeatQuota, by) -> None:
    """Remove a quota: its seats become general seats, and the people holding them keep them."""
    event = locked_event(quota.event)
    require(by, permissions.can_manage_event, event)
    Registration.objects.filter(quota=quota).update(quota=None)
    name = quota.name
    quota.delete()
    log_action(event, "event.quota_removed", by=by, data={"quota": name})
    _promote(event, timezone.now())


def seats_of(event: Event) -> Seats:
    """The seats of an event as they are now (not locked: for showing, not for deciding)."""
    return Seats.of(event)


# ---------------------------------------------------------------------------------------------
# Documentation
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def attach_document(
    *, event: Event, by, file, kind: str, title: str = "", is_public: bool = True
) -> EventDocument:
    """Attach documentation to an event (minutes, a report, photos), at most UPLOAD_MAX_BYTES,
    of the kinds in DOCUMENT_KINDS, checked by content and not only by name.

    Raises PermissionDeniedError, ApplicationError (too large, wrong type, unknown kind).
    """
    event = locked_event(event)
    require(by, permissions.can_manage_event, event)
    if kind not in EventDocument.Kind.values:
        raise ApplicationError(_("Choose the kind of document."), code="invalid", field="kind")
    content_type = uploads.inspect_upload(file, kinds=DOCUMENT_KINDS).content_type
    file.name = get_valid_filename(PurePath(file.name).name)[-100:]
    document = EventDocument(
        event=event,
        kind=kind,
        title=title.strip() or PurePath(file.name).stem,
        content_type=content_type,
        size=file.size,
        is_public=is_public,
        uploaded_by=person(by),
    )
    document.file.save(file.name, file, save=False)
    try:
        document.save()
        log_action(event, "event.document_attached", by=by, data={"document": document.title})
    except Exception:
        # Nothing half-written: no file without its row.
        document.file.storage.delete(document.file.name)
        raise
    return document


@transaction.atomic
def remove_document(*, document: EventDocument, by) -> None:
    event = locked_event(document.event)
    require(by, permissions.can_manage_event, event)
    name, storage = document.file.name, document.file.storage
    title = document.title
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))
    log_action(event, "event.document_removed", by=by, data={"document": title})
