"""Bodies and their members."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.actors.models import Sector
from samverkan.core.audit import log_action
from samverkan.core.exceptions import ApplicationError, ConflictError
from samverkan.core.permissions import require
from samverkan.core.slugs import slug_text
from samverkan.governance import permissions
from samverkan.governance.models import Body, Membership, Seat

SECTOR_OF_SEAT = {Seat.CITY: Sector.MUNICIPALITY, Seat.CIVIL_SOCIETY: Sector.CIVIL_SOCIETY}


@transaction.atomic
def create_body(
    *,
    agreement,
    kind: str,
    name: str,
    slug: str = "",
    description: str = "",
    city_voting_seats: int | None = None,
    civil_voting_seats: int | None = None,
    quorum: int | None = None,
    by,
    is_demo: bool = False,
) -> Body:
    """Create a body of an agreement with its composition rule (voting seats per side) and
    quorum. The slug is made from the name when not given.

    Raises PermissionDeniedError for others than coordinators, ApplicationError when the name is
    empty or the quorum exceeds the seats, ConflictError when the slug is taken in the agreement.
    """
    require(by, permissions.can_manage_body)
    name = name.strip()
    if not name:
        raise ApplicationError(_("A body needs a name."), code="invalid", field="name")
    slug = slug or slug_text(name, max_length=120)
    _check_quorum(quorum, city_voting_seats, civil_voting_seats)
    if Body.objects.filter(agreement=agreement, slug=slug).exists():
        raise ConflictError(
            _("The agreement already has a body with this short name."), code="slug_taken"
        )
    try:
        with transaction.atomic():
            body = Body.objects.create(
                agreement=agreement,
                kind=kind,
                name=name,
                slug=slug,
                description=description,
                city_voting_seats=city_voting_seats,
                civil_voting_seats=civil_voting_seats,
                quorum=quorum,
                is_demo=is_demo,
            )
    except IntegrityError as exc:
        raise ConflictError(
            _("The agreement already has a body with this short name."), code="slug_taken"
        ) from exc
    log_action(body, "body.created", by=by, data={"name": name})
    return body


def _check_quorum(quorum, city_voting_seats, civil_voting_seats) -> None:
    seats = (city_voting_seats or 0) + (civil_voting_seats or 0)
    fixed = city_voting_seats is not None or civil_voting_seats is not None
    if quorum and fixed and quorum > seats:
        raise ApplicationError(
            _("The quorum (%(quorum)d) cannot be larger than the voting seats (%(seats)d).")
            % {"quorum": quorum, "seats": seats},
            code="invalid",
            field="quorum",
        )


# What update_body() changes: the agreement and the address (slug) stay, so links keep working.
BODY_FIELDS = frozenset(
    {"kind", "name", "description", "city_voting_seats", "civil_voting_seats", "quorum"}
)


@transaction.atomic
def update_body(*, body: Body, by, **changes) -> Body:
    """Change a body's name, kind, description, composition rule (voting seats per side) or
    quorum. Its agreement and address stay.

    Guarantees the rules of create_body() and that a side is never given fewer seats than it
    has voting members at once from today on (checked under a lock on the body): end a
    membership first.

    Raises PermissionDeniedError for others than coordinators, ApplicationError on an empty
    name or a quorum larger than the seats, ConflictError on too few seats.
    """
    unknown = set(changes) - BODY_FIELDS
    if unknown:
        raise TypeError(f"update_body() cannot change {', '.join(sorted(unknown))}")
    require(by, permissions.can_manage_body, body)
    body = Body.objects.select_for_update().get(pk=body.pk)
    if "name" in changes:
        changes["name"] = (changes["name"] or "").strip()
        if not changes["name"]:
            raise ApplicationError(_("A body needs a name."), code="invalid", field="name")
    after = {name: changes.get(name, getattr(body, name)) for name in BODY_FIELDS}
    _check_quorum(after["quorum"], after["city_voting_seats"], after["civil_voting_seats"])
    for seat, field in (
        (Seat.CITY, "city_voting_seats"),
        (Seat.CIVIL_SOCIETY, "civil_voting_seats"),
    ):
        seats = after[field]
        members = _most_voting_members_from(body, seat, timezone.localdate())
        if seats is not None and members > seats:
            raise ConflictError(
                _(
                    "%(body)s has %(count)d voting members for %(side)s at once: end a "
                    "membership before lowering the seats."
                )
                % {"body": body.name, "count": members, "side": Seat(seat).label},
                code="seats_full",
                field=field,
            )
    changed = {}
    for name, value in changes.items():
        before = getattr(body, name)
        if before != value:
            changed[name] = {"from": str(before), "to": str(value)}
            setattr(body, name, value)
    if changed:
        body.save(update_fields=list(changed))
    log_action(body, "body.updated", by=by, data=changed)
    return body


def _most_voting_members_from(body: Body, seat: str, day: datetime.date) -> int:
    """The most voting members a side has at once on `day` or later."""
    periods = list(
        _overlapping(
            Membership.objects.filter(body=body, seat=seat, role=Membership.Role.VOTING), day, None
        ).only("starts_on", "ends_on")
    )
    # The most members at once are found on the first day of one of the periods.
    days = {day} | {m.starts_on for m in periods if m.starts_on > day}
    return max(
        (
            sum(1 for m in periods if m.starts_on <= d and (m.ends_on is None or m.ends_on >= d))
            for d in days
        ),
        default=0,
    )


def _overlapping(qs, starts_on, ends_on):
    qs = qs.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on))
    if ends_on is not None:
        qs = qs.filter(starts_on__lte=ends_on)
    return qs


def _check_seats(body: Body, seat: str, starts_on, ends_on) -> None:
    seats = body.city_voting_seats if seat == Seat.CITY else body.civil_voting_seats
    if seats is None:
        return
    others = list(
        _overlapping(
            Membership.objects.filter(body=body, seat=seat, role=Membership.Role.VOTING),
            starts_on,
            ends_on,
        ).only("starts_on", "ends_on")
    )
    # The most members at once are found on the first day of one of the periods.
    days = {starts_on} | {m.starts_on for m in others if m.starts_on > starts_on}
    for day in days:
        at_once = sum(
            1 for m in others if m.starts_on <= day and (m.ends_on is None or m.ends_on >= day)
        )
        if at_once + 1 > seats:
            raise ConflictError(
                _(
                    "%(body)s already has %(count)d voting members for %(side)s on %(day)s, "
                    "which is all its seats. End a membership first."
                )
                % {"body": body.name, "count": at_once, "side": Seat(seat).label, "day": day},
                code="seats_full",
                field="seat",
            )


@transaction.atomic
def add_membership(
    *,
    body: Body,
    user,
    seat: str,
    role: str = Membership.Role.VOTING,
    organisation=None,
    is_chair: bool = False,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    appointed_by: str = "",
    by,
) -> Membership:
    """Give a person a seat in a body for a period, voting or adjoined.

    Guarantees: a person holds one membership of a body at a time; a side never has more voting
    members at once than the body's seats (checked under a lock on the body); the organisation
    represented belongs to the seat's sector.

    Raises PermissionDeniedError, ApplicationError (dates, organisation) or ConflictError.
    """
    require(by, permissions.can_manage_body, body)
    body = Body.objects.select_for_update().get(pk=body.pk)
    if ends_on is not None and ends_on < starts_on:
        raise ApplicationError(
            _("A membership cannot end before it starts."), code="invalid", field="ends_on"
        )
    if organisation is not None and organisation.sector != SECTOR_OF_SEAT[seat]:
        raise ApplicationError(
            _("A seat for %(side)s represents an organisation of that sector.")
            % {"side": Seat(seat).label},
            code="wrong_sector",
            field="organisation",
        )
    if _overlapping(Membership.objects.filter(body=body, user=user), starts_on, ends_on).exists():
        raise ConflictError(
            _("%(person)s is already a member of %(body)s during this period.")
            % {"person": user.get_full_name() or user.email, "body": body.name},
            code="already_member",
        )
    if role == Membership.Role.VOTING:
        _check_seats(body, seat, starts_on, ends_on)
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                body=body,
                user=user,
                seat=seat,
                role=role,
                organisation=organisation,
                is_chair=is_chair,
                starts_on=starts_on,
                ends_on=ends_on,
                appointed_by=appointed_by,
            )
    except IntegrityError as exc:
        raise ConflictError(
            _("%(person)s is already a member of %(body)s during this period.")
            % {"person": user.get_full_name() or user.email, "body": body.name},
            code="already_member",
        ) from exc
    log_action(
        membership, "membership.added", by=by, data={"body": body.pk, "seat": seat, "role": role}
    )
    return membership


@transaction.atomic
def end_membership(*, membership: Membership, ends_on: datetime.date, by) -> Membership:
    """End a membership on a date (kept as history).

    Raises PermissionDeniedError, ApplicationError when the date is before the start, or
    ConflictError when it has already ended.
    """
    require(by, permissions.can_manage_body, membership.body)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.ends_on is not None:
        raise ConflictError(_("This membership has already ended."), code="already_ended")
    if ends_on < membership.starts_on:
        raise ApplicationError(
            _("A membership cannot end before it starts."), code="invalid", field="ends_on"
        )
    membership.ends_on = ends_on
    membership.save(update_fields=["ends_on"])
    log_action(membership, "membership.ended", by=by, data={"ends_on": str(ends_on)})
    return membership
