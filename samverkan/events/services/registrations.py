"""Registration, the waiting list, cancellation, attendance and personal calendar links.

Every write that changes who holds a seat locks the event's row first (services.common
.locked_event), so the seats are counted and taken by one transaction at a time: capacity is
never exceeded, also when many register at once.
"""

import datetime
from collections import Counter
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.actors.models import Organisation, Representation
from samverkan.core import formatting
from samverkan.core.audit import log_action
from samverkan.core.db import wait_while_sqlite_locked
from samverkan.core.exceptions import ApplicationError, ConflictError
from samverkan.core.permissions import SYSTEM, require
from samverkan.events import notifications, permissions
from samverkan.events.models import (
    SECTOR_OF_ORGANISATION,
    CalendarToken,
    Event,
    ParticipantSector,
    Registration,
    SeatQuota,
    new_calendar_token,
)
from samverkan.events.services.common import locked_event

REGISTERED = Registration.Status.REGISTERED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED


# ---------------------------------------------------------------------------------------------
# Seats
# ---------------------------------------------------------------------------------------------


class Seats:
    """The seats of one event as they are inside the locked transaction: which quota seats and
    general seats are taken, and whether a person can have one."""

    def __init__(self, event: Event, quotas: list[SeatQuota], holders: list[Registration]):
        self.event = event
        self.quotas = quotas
        self.quota_organisations = {q.pk: {o.pk for o in q.organisations.all()} for q in quotas}
        self.holders = holders
        self._count()

    @classmethod
    def of(cls, event: Event) -> "Seats":
        quotas = list(event.quotas.prefetch_related("organisations").order_by("pk"))
        holders = list(event.registrations.registered().order_by("created_at", "pk"))
        return cls(event, quotas, holders)

    def _count(self) -> None:
        self.by_quota = Counter(r.quota_id for r in self.holders if r.quota_id)
        self.general_taken = sum(1 for r in self.holders if r.quota_id is None)

    @property
    def general_capacity(self) -> int | None:
        if self.event.capacity is None:
            return None
        return max(self.event.capacity - sum(q.seats for q in self.quotas), 0)

    def admits(self, quota: SeatQuota, registration) -> bool:
        return quota.admits(
            sector=registration.sector,
            organisation_id=registration.organisation_id,
            organisation_ids=self.quota_organisations[quota.pk],
        )

    def free_in(self, quota: SeatQuota) -> int:
        return quota.seats - self.by_quota[quota.pk]

    def seat_for(self, registration) -> tuple[bool, SeatQuota | None]:
        """(a seat is free for this person, the quota it belongs to or None for a general
        seat). A person of a quota's group takes a free quota seat first."""
        if self.event.capacity is None:
            return True, None
        for quota in self.quotas:
            if self.admits(quota, registration) and self.free_in(quota) > 0:
                return True, quota
        if self.general_taken < self.general_capacity:
            return True, None
        return False, None

    def take(self, registration, quota: SeatQuota | None) -> None:
        registration.quota = quota
        self.holders.append(registration)
        self._count()

    def rebalance(self) -> list[Registration]:
        """Move people of a quota's group from general seats into the quota's free seats, so
        that the general seats they leave can go to someone else. Returns those moved."""
        moved = []
        for quota in self.quotas:
            for holder in self.holders:
                if self.free_in(quota) <= 0:
                    break
                if holder.quota_id is None and self.admits(quota, holder):
                    holder.quota = quota
                    moved.append(holder)
                    self._count()
        return moved

    @property
    def remaining(self) -> int | None:
        if self.event.capacity is None:
            return None
        return max(self.event.capacity - len(self.holders), 0)


# ---------------------------------------------------------------------------------------------
# Registering and cancelling
# ---------------------------------------------------------------------------------------------


def check_window(event: Event, now: datetime.datetime) -> None:
    """Raise ConflictError unless registration for `event` is open at `now`."""
    if event.is_cancelled:
        raise ConflictError(_("The event is cancelled."), code="event_cancelled")
    if not event.is_published:
        raise ConflictError(
            _("The event is not published; registration is not open."), code="not_published"
        )
    if event.registration_opens_at and now < event.registration_opens_at:
        raise ConflictError(
            _("Registration opens on %(when)s.")
            % {"when": formatting.date_time(event.registration_opens_at)},
            code="registration_not_open",
        )
    if now >= event.registration_closes:
        raise ConflictError(
            _("Registration for this event has closed."), code="registration_closed"
        )


def _origin(user, organisation, organisation_name: str, sector: str) -> tuple:
    """The organisation and sector a person registers from: an organisation they represent
    (whose sector counts), or a name and a sector of their own choice."""
    if organisation is not None:
        if (
            not Representation.objects.confirmed()
            .filter(user=user, organisation=organisation)
            .exists()
        ):
            raise ApplicationError(
                _("You can only register from an organisation you represent."),
                code="not_a_representative",
                field="organisation",
            )
        return organisation, "", SECTOR_OF_ORGANISATION[organisation.sector]
    if sector not in ParticipantSector.values:
        raise ApplicationError(
            _("Choose the sector you come from."), code="sector_required", field="sector"
        )
    return None, organisation_name.strip()[:200], sector


@wait_while_sqlite_locked
@transaction.atomic
def register(
    *,
    event: Event,
    user,
    organisation: Organisation | None = None,
    organisation_name: str = "",
    sector: str = "",
    now: datetime.datetime | None = None,
) -> Registration:
    """Register `user` for `event`: a seat when one is free for them (a quota seat of their
    group first), else a place at the end of the waiting list.

    Guarantees: the event's capacity is never exceeded (the event's row is locked while the
    seats are counted and taken); one open registration per person and event.

    Raises PermissionDeniedError (not logged in), ConflictError (cancelled or unpublished
    event, registration window not open, already registered), ApplicationError (an
    organisation the person does not represent, no sector).
    """
    require(user, permissions.can_register)
    event = locked_event(event)
    now = now or timezone.now()
    check_window(event, now)
    if Registration.objects.active().filter(event=event, user=user).exists():
        raise ConflictError(
            _("You are already registered for this event."), code="already_registered"
        )
    organisation, organisation_name, sector = _origin(user, organisation, organisation_name, sector)
    registration = Registration(
        event=event,
        user=user,
        organisation=organisation,
        organisation_name=organisation_name,
        sector=sector,
    )
    seats = Seats.of(event)
    has_seat, quota = seats.seat_for(registration)
    registration.status = REGISTERED if has_seat else WAITLISTED
    registration.quota = quota
    registration.queued_at = None if has_seat else now
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as exc:  # the same person twice at once: the constraint decides
        raise ConflictError(
            _("You are already registered for this event."), code="already_registered"
        ) from exc
    log_action(
        registration,
        "registration.registered" if has_seat else "registration.waitlisted",
        by=user,
        data={"event": event.pk, "quota": quota.pk if quota else None},
    )
    return registration


def waitlist_position(registration: Registration) -> int | None:
    """1 for the first on the waiting list; None when not waiting."""
    if registration.status != WAITLISTED:
        return None
    ahead = (
        Registration.objects.waitlisted()
        .filter(event_id=registration.event_id, queued_at__lte=registration.queued_at)
        .exclude(queued_at=registration.queued_at, pk__gte=registration.pk)
        .count()
    )
    return ahead + 1


def _promote(event: Event, now: datetime.datetime) -> list[Registration]:
    """Give free seats to the waiting list in its order, respecting quotas: a freed quota seat
    goes to the first waiting person of the quota's group. Call with the event locked."""
    seats = Seats.of(event)
    moved = seats.rebalance()
    if moved:
        Registration.objects.bulk_update(moved, ["quota"])
    promoted = []
    for waiting in event.registrations.waitlisted().select_related("user", "event__agreement"):
        if seats.remaining == 0:
            break
        has_seat, quota = seats.seat_for(waiting)
        if not has_seat:
            continue
        waiting.status = REGISTERED
        waiting.promoted_at = now
        seats.take(waiting, quota)
        waiting.save(update_fields=["status", "quota", "promoted_at"])
        log_action(waiting, "registration.promoted", by=SYSTEM, data={"event": event.pk})
        notifications.promoted(waiting)
        promoted.append(waiting)
    return promoted


@wait_while_sqlite_locked
@transaction.atomic
def promote_from_waitlist(
    *, event: Event, by, now: datetime.datetime | None = None
) -> list[Registration]:
    """Fill the free seats of `event` from its waiting list (after a cancellation, more seats,
    or a changed quota). Each person promoted is told by e-mail after commit.

    Returns the registrations that got a seat. Raises PermissionDeniedError for others than
    those who run the event (the platform's own jobs pass SYSTEM).
    """
    event = locked_event(event)
    require(by, permissions.can_manage_event, event)
    if event.is_cancelled:
        return []
    return _promote(event, now or timezone.now())


@wait_while_sqlite_locked
@transaction.atomic
def cancel_registration(
    *, registration: Registration, by, now: datetime.datetime | None = None
) -> list[Registration]:
    """Cancel a registration (one's own; the organisers and coordinators may cancel anyone's).
    A freed seat goes to the first on the waiting list who may take it, who is told by e-mail.

    Returns the registrations promoted from the waiting list.
    Raises PermissionDeniedError, ConflictError (already cancelled, or the event has begun).
    """
    event = locked_event(registration.event)
    registration = Registration.objects.select_related("event").get(pk=registration.pk)
    require(by, permissions.can_cancel_registration, registration)
    now = now or timezone.now()
    if registration.status == CANCELLED:
        raise ConflictError(_("The registration is already cancelled."), code="already_cancelled")
    if now >= event.starts_at and not event.is_cancelled:
        raise ConflictError(
            _("The event has begun; the registration can no longer be cancelled."),
            code="event_begun",
        )
    had_seat = registration.status == REGISTERED
    registration.status = CANCELLED
    registration.cancelled_at = now
    registration.save(update_fields=["status", "cancelled_at"])
    log_action(registration, "registration.cancelled", by=by, data={"event": event.pk})
    if had_seat and not event.is_cancelled:
        return _promote(event, now)
    return []


# ---------------------------------------------------------------------------------------------
# Afterwards: attendance
# ---------------------------------------------------------------------------------------------


@wait_while_sqlite_locked
@transaction.atomic
def mark_attendance(
    *, event: Event, attended: Iterable[int], by, now: datetime.datetime | None = None
) -> int:
    """Record who of the registered came: the registrations whose ids are in `attended` came,
    the other registered ones did not. Possible once the event has begun.

    Returns how many attended. Raises PermissionDeniedError, ConflictError (not begun yet).
    """
    event = locked_event(event)
    require(by, permissions.can_manage_event, event)
    if (now or timezone.now()) < event.starts_at:
        raise ConflictError(
            _("Attendance can be marked once the event has begun."), code="not_begun"
        )
    try:
        attended = {int(pk) for pk in attended}
    except (TypeError, ValueError) as exc:
        raise ApplicationError(
            _("Only registered participants can be marked as present."), code="invalid"
        ) from exc
    holders = list(event.registrations.registered())
    unknown = attended - {r.pk for r in holders}
    if unknown:
        raise ApplicationError(
            _("Only registered participants can be marked as present."), code="invalid"
        )
    for registration in holders:
        registration.attended = registration.pk in attended
    Registration.objects.bulk_update(holders, ["attended"])
    log_action(event, "event.attendance_marked", by=by, data={"attended": len(attended)})
    return len(attended)


# ---------------------------------------------------------------------------------------------
# The secret link of a person's calendar feed
# ---------------------------------------------------------------------------------------------


def calendar_token_for(user) -> CalendarToken:
    token, _created = CalendarToken.objects.get_or_create(user=user)
    return token


@transaction.atomic
def renew_calendar_token(*, user) -> CalendarToken:
    """A new secret address for the person's calendar feed; the old one stops working."""
    token, created = CalendarToken.objects.select_for_update().get_or_create(user=user)
    if not created:
        token.token = new_calendar_token()
        token.save(update_fields=["token"])
    log_action(token, "calendar_token.renewed", by=user)
    return token
