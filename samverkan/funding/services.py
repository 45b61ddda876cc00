"""Writes of funders, calls, follows, reminders and the agreement's budget.

Every service checks its rule first to give a clear message and leaves the guarantee to the
database's constraints; each change is audited in the same transaction.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.actors.models import LegalForm, Sector
from samverkan.agreements.models import Agreement
from samverkan.core.audit import log_action
from samverkan.core.exceptions import ApplicationError, ConflictError
from samverkan.core.links import absolute_url
from samverkan.core.notify import notify
from samverkan.core.permissions import person, require
from samverkan.core.slugs import unique_slug
from samverkan.funding import permissions
from samverkan.funding.models import (
    AMOUNT_DIGITS,
    AMOUNT_PLACES,
    MAX_YEAR,
    MIN_YEAR,
    CallFollow,
    Expense,
    ExpenseCategory,
    Funder,
    FundingCall,
    Grant,
    ReminderSent,
    pack_choices,
)

DEFAULT_REMINDER_DAYS = (14, 3)
CALL_FIELDS = [
    "funder",
    "agreement",
    "title",
    "description",
    "eligibility_note",
    "amount_min",
    "amount_max",
    "opens_on",
    "deadline",
    "link",
]
FUNDER_FIELDS = ["name", "kind", "website", "description", "organisation"]


# ---------------------------------------------------------------------------------------------
# Amounts
# ---------------------------------------------------------------------------------------------


def exact_amount(value, *, field: str = "amount", allow_zero: bool = False) -> Decimal:
    """`value` as an exact amount in kronor with at most two decimals (öre).

    Floats are refused: 0.1 has no exact binary form, and money must add up to the öre."""
    if isinstance(value, float):
        raise ApplicationError(
            _("Amounts must be exact: give them as text or decimals, not floating point."),
            field=field,
        )
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ApplicationError(
            _("Enter an amount in kronor, e.g. 12 345,50."), field=field
        ) from None
    if not amount.is_finite():
        raise ApplicationError(_("Enter an amount in kronor, e.g. 12 345,50."), field=field)
    if amount < 0 or (amount == 0 and not allow_zero):
        raise ApplicationError(_("The amount must be more than zero."), field=field)
    if amount.adjusted() >= AMOUNT_DIGITS - AMOUNT_PLACES:  # before quantize, which 1e400 breaks
        raise ApplicationError(_("The amount is too large."), field=field)
    if amount.as_tuple().exponent < -AMOUNT_PLACES and amount != amount.quantize(Decimal("0.01")):
        raise ApplicationError(_("An amount has at most two decimals (öre)."), field=field)
    amount = amount.quantize(Decimal("0.01"))
    if len(amount.as_tuple().digits) > AMOUNT_DIGITS:
        raise ApplicationError(_("The amount is too large."), field=field)
    return amount


# ---------------------------------------------------------------------------------------------
# Funders and calls
# ---------------------------------------------------------------------------------------------


def create_funder(
    *,
    by,
    name: str,
    kind: str,
    website: str = "",
    description: str = "",
    organisation=None,
    slug: str = "",
    is_demo: bool = False,
) -> Funder:
    """Add a funder. Raises PermissionDeniedError for anyone but a coordinator (or SYSTEM, e.g.
    the demo loader)."""
    require(by, permissions.can_manage_calls)
    if kind not in Funder.Kind.values:
        raise ApplicationError(_("Choose the kind of funder."), field="kind")
    with transaction.atomic():
        funder = Funder.objects.create(
            name=name.strip(),
            slug=slug or unique_slug(Funder, name, fallback="utlysning"),
            kind=kind,
            website=website,
            description=description,
            organisation=organisation,
            is_demo=is_demo,
        )
        log_action(funder, "funding.funder_created", by=by, data={"name": funder.name})
    return funder


def update_funder(*, funder: Funder, by, **fields) -> Funder:
    require(by, permissions.can_manage_calls)
    with transaction.atomic():
        for name in FUNDER_FIELDS:
            if name in fields:
                setattr(funder, name, fields[name])
        funder.save()
        log_action(funder, "funding.funder_updated", by=by)
    return funder


def _validate_call(data: dict) -> dict:
    for name in ("amount_min", "amount_max"):
        if data.get(name) not in (None, ""):
            data[name] = exact_amount(data[name], field=name, allow_zero=name == "amount_min")
        else:
            data[name] = None
    low, high = data["amount_min"], data["amount_max"]
    if low is not None and high is not None and high < low:
        raise ApplicationError(
            _("The largest amount cannot be smaller than the smallest."), field="amount_max"
        )
    if data.get("opens_on") and data.get("deadline") and data["deadline"] < data["opens_on"]:
        raise ApplicationError(_("The deadline cannot be before the call opens."), field="deadline")
    for name, choices in (("sectors", Sector.values), ("legal_forms", LegalForm.values)):
        values = list(data.get(name) or [])
        unknown = [v for v in values if v not in choices]
        if unknown:
            raise ApplicationError(
                _("Unknown choice: %(values)s.") % {"values": ", ".join(unknown)}, field=name
            )
        data[name] = pack_choices(values)
    return data


def _set_call_relations(call, areas, districts) -> None:
    if areas is not None:
        areas = list(areas)
        foreign = [a for a in areas if call.agreement_id and a.agreement_id != call.agreement_id]
        if foreign:
            raise ApplicationError(
                _("The areas must belong to the call's agreement."), field="areas"
            )
        call.areas.set(areas)
    if districts is not None:
        call.districts.set(list(districts))


def create_call(
    *,
    by,
    funder,
    title: str,
    description: str,
    agreement=None,
    slug: str = "",
    sectors=(),
    legal_forms=(),
    areas=None,
    districts=None,
    amount_min=None,
    amount_max=None,
    opens_on=None,
    deadline=None,
    link: str = "",
    eligibility_note: str = "",
    is_demo: bool = False,
) -> FundingCall:
    """Publish a call. Raises PermissionDeniedError for anyone but a coordinator, and
    ApplicationError for amounts that are not exact and positive, a maximum below the minimum,
    a deadline before the opening, or areas of another agreement. Nothing is half-written."""
    require(by, permissions.can_manage_calls)
    data = _validate_call(
        {
            "amount_min": amount_min,
            "amount_max": amount_max,
            "opens_on": opens_on,
            "deadline": deadline,
            "sectors": sectors,
            "legal_forms": legal_forms,
        }
    )
    with transaction.atomic():
        call = FundingCall.objects.create(
            funder=funder,
            agreement=agreement,
            title=title.strip(),
            slug=slug or unique_slug(FundingCall, title, fallback="utlysning"),
            description=description,
            eligibility_note=eligibility_note,
            link=link,
            is_demo=is_demo,
            **data,
        )
        _set_call_relations(call, areas, districts)
        log_action(call, "funding.call_created", by=by, data={"title": call.title})
    return call


def update_call(*, call: FundingCall, by, areas=None, districts=None, **fields) -> FundingCall:
    """Change a call; the same rules as create_call()."""
    require(by, permissions.can_manage_calls)
    current = {
        "amount_min": call.amount_min,
        "amount_max": call.amount_max,
        "opens_on": call.opens_on,
        "deadline": call.deadline,
        "sectors": call.sector_list,
        "legal_forms": call.legal_form_list,
    }
    data = _validate_call({**current, **{k: v for k, v in fields.items() if k in current}})
    with transaction.atomic():
        for name in CALL_FIELDS:
            if name in fields and name not in data:
                setattr(call, name, fields[name])
        for name, value in data.items():
            setattr(call, name, value)
        call.save()
        _set_call_relations(call, areas, districts)
        log_action(call, "funding.call_updated", by=by)
    return call


def follow_call(*, call: FundingCall, by) -> CallFollow:
    """`by` follows a call to get reminders. Following twice is harmless (returns the follow).
    Raises PermissionDeniedError when logged out or the call has closed."""
    require(by, permissions.can_follow, call)
    with transaction.atomic():
        follow, created = CallFollow.objects.get_or_create(call=call, user=by)
        if created:
            log_action(call, "funding.call_followed", by=by)
    return follow


def unfollow_call(*, call: FundingCall, by) -> bool:
    """`by` stops following; True when a follow was removed. Raises PermissionDeniedError when
    logged out."""
    require(by, permissions.can_unfollow, call)
    with transaction.atomic():
        deleted, _rows = CallFollow.objects.filter(call=call, user=by).delete()
        if deleted:
            log_action(call, "funding.call_unfollowed", by=by)
    return bool(deleted)


# ---------------------------------------------------------------------------------------------
# Reminders
# ---------------------------------------------------------------------------------------------


def reminder_days() -> tuple[int, ...]:
    days = getattr(settings, "FUNDING_REMINDER_DAYS", DEFAULT_REMINDER_DAYS)
    return tuple(sorted({int(d) for d in days if int(d) >= 0}))


def _reminder_point(days_left: int, points: tuple[int, ...]) -> int | None:
    """The most urgent reminder point the deadline has reached: with points (3, 14) and 10
    days left, 14; with 2 days left, 3. A run that missed a day still sends the current point,
    and never the earlier ones it missed all at once."""
    reached = [p for p in points if days_left <= p]
    return min(reached) if reached else None


def _send_reminder(call, user, days_left: int, agreement) -> None:
    notify(
        to=[user.email],
        template="funding/email/reminder",
        context={
            "call": call,
            "user": user,
            "days_left": days_left,
            "url": absolute_url(call.url_in(agreement)) if agreement else call.link,
        },
    )


def send_due_reminders(*, today: datetime.date | None = None, points=None) -> int:
    """E-mail each follower of an open call whose deadline has reached a reminder point
    (by default 14 and 3 days before, settings.FUNDING_REMINDER_DAYS). Safe to run daily and
    more than once a day: a reminder per follower, call, deadline and point is recorded and
    queued once; the record and the queued e-mail are one transaction, and the worker retries
    a delivery that fails (core/notify.py). Returns the number of e-mails queued."""
    today = today or timezone.localdate()
    points = tuple(sorted(set(points))) if points else reminder_days()
    if not points:
        return 0
    horizon = today + datetime.timedelta(days=max(points))
    follows = (
        CallFollow.objects.filter(
            call__deadline__gte=today,
            call__deadline__lte=horizon,
            user__is_active=True,
        )
        .exclude(user__email="")
        .select_related("call", "call__funder", "call__agreement", "user")
        .order_by("call__deadline", "pk")
    )
    fallback = Agreement.objects.filter(is_primary=True).first()
    sent = 0
    for follow in follows:
        call = follow.call
        if call.opens_on and call.opens_on > today:
            continue
        days_left = (call.deadline - today).days
        point = _reminder_point(days_left, points)
        if point is None:
            continue
        key = {"call": call, "user": follow.user, "deadline": call.deadline, "days_before": point}
        if ReminderSent.objects.filter(**key).exists():
            continue
        try:
            with transaction.atomic():
                ReminderSent.objects.create(**key)
                _send_reminder(call, follow.user, days_left, call.agreement or fallback)
        except IntegrityError:
            continue  # another run sent it a moment ago
        sent += 1
    return sent


# ---------------------------------------------------------------------------------------------
# The budget
# ---------------------------------------------------------------------------------------------


def _year(year) -> int:
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise ApplicationError(_("Enter a year, e.g. 2022."), field="year") from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ApplicationError(
            _("The year must be between %(min)d and %(max)d.") % {"min": MIN_YEAR, "max": MAX_YEAR},
            field="year",
        )
    return year


GRANT_FIELDS = (
    "year",
    "purpose",
    "amount",
    "recipient",
    "recipient_name",
    "decided_by",
    "reference",
)
EXPENSE_FIELDS = ("spent_on", "category", "description", "amount", "grant")


def _grant_values(*, year, purpose, amount, recipient, recipient_name, **other) -> dict:
    year = _year(year)
    amount = exact_amount(amount)
    if not (purpose or "").strip():
        raise ApplicationError(_("Say what the grant is for."), field="purpose")
    if recipient is None and not (recipient_name or "").strip():
        raise ApplicationError(_("Say who receives the grant."), field="recipient")
    return {
        **other,
        "year": year,
        "purpose": purpose.strip(),
        "amount": amount,
        "recipient": recipient,
        "recipient_name": "" if recipient else recipient_name.strip(),
    }


def _expense_values(*, agreement, year, spent_on, category, description, amount, grant) -> dict:
    year = _year(year)
    if spent_on is None or spent_on.year != year:
        raise ApplicationError(
            _("The date must be within %(year)d.") % {"year": year}, field="spent_on"
        )
    if category not in ExpenseCategory.values:
        raise ApplicationError(_("Choose a category."), field="category")
    amount = exact_amount(amount)
    if not (description or "").strip():
        raise ApplicationError(_("Describe the expense."), field="description")
    if grant is not None and (grant.agreement_id != agreement.pk or grant.year != year):
        raise ConflictError(
            _("The grant must be one of this agreement's grants for %(year)d.") % {"year": year},
            field="grant",
        )
    return {
        "spent_on": spent_on,
        "category": category,
        "description": description.strip(),
        "amount": amount,
        "grant": grant,
    }


def _changed(row, values: dict) -> dict:
    """Set `values` on `row`; what changed, for the audit row."""
    changed = {}
    for name, value in values.items():
        before = getattr(row, name)
        if before != value:
            changed[name] = {"from": str(before), "to": str(value)}
            setattr(row, name, value)
    return changed


def record_grant(
    *,
    agreement,
    by,
    year,
    purpose: str,
    amount,
    recipient=None,
    recipient_name: str = "",
    decided_by: str = "",
    reference: str = "",
    is_demo: bool = False,
) -> Grant:
    """Enter a grant the agreement receives for `year`. Raises PermissionDeniedError for
    anyone but a coordinator and ApplicationError for an amount that is not positive with at
    most two decimals, a year out of range or a grant without purpose or recipient."""
    require(by, permissions.can_manage_budget, agreement)
    values = _grant_values(
        year=year,
        purpose=purpose,
        amount=amount,
        recipient=recipient,
        recipient_name=recipient_name,
        decided_by=decided_by,
        reference=reference,
    )
    with transaction.atomic():
        grant = Grant.objects.create(agreement=agreement, is_demo=is_demo, **values)
        log_action(
            grant,
            "funding.grant_recorded",
            by=by,
            data={"year": grant.year, "amount": str(grant.amount)},
        )
    return grant


def update_grant(*, grant: Grant, by, **changes) -> Grant:
    """Correct a grant (GRANT_FIELDS) under the rules of record_grant(); it stays with its
    agreement. Raises PermissionDeniedError for anyone but a coordinator and ApplicationError as
    record_grant() does."""
    unknown = set(changes) - set(GRANT_FIELDS)
    if unknown:
        raise TypeError(f"update_grant() cannot change {', '.join(sorted(unknown))}")
    require(by, permissions.can_manage_budget, grant.agreement)
    with transaction.atomic():
        grant = Grant.objects.select_for_update().get(pk=grant.pk)
        current = {name: getattr(grant, name) for name in GRANT_FIELDS}
        values = _grant_values(**{**current, **changes})
        changed = _changed(grant, values)
        if changed:
            grant.save(update_fields=list(changed))
        log_action(grant, "funding.grant_updated", by=by, data=changed)
    return grant


def record_expense(
    *,
    agreement,
    by,
    year,
    spent_on: datetime.date,
    category: str,
    description: str,
    amount,
    grant=None,
    is_demo: bool = False,
) -> Expense:
    """Enter a spending entry of `year`. Raises PermissionDeniedError for anyone but a
    coordinator and ApplicationError for a date outside the year, an unknown category, an
    amount that is not positive with at most two decimals, or a grant of another agreement or
    year."""
    require(by, permissions.can_manage_budget, agreement)
    values = _expense_values(
        agreement=agreement,
        year=year,
        spent_on=spent_on,
        category=category,
        description=description,
        amount=amount,
        grant=grant,
    )
    with transaction.atomic():
        expense = Expense.objects.create(
            agreement=agreement, created_by=person(by), is_demo=is_demo, **values
        )
        log_action(
            expense,
            "funding.expense_recorded",
            by=by,
            data={"category": category, "amount": str(expense.amount)},
        )
    return expense


def update_expense(*, expense: Expense, by, **changes) -> Expense:
    """Correct a spending entry (EXPENSE_FIELDS) under the rules of record_expense(), its year
    being that of its date; it stays with its agreement. Raises PermissionDeniedError for anyone
    but a coordinator, ApplicationError and ConflictError as record_expense() does."""
    unknown = set(changes) - set(EXPENSE_FIELDS)
    if unknown:
        raise TypeError(f"update_expense() cannot change {', '.join(sorted(unknown))}")
    require(by, permissions.can_manage_budget, expense.agreement)
    with transaction.atomic():
        expense = Expense.objects.select_for_update().get(pk=expense.pk)
        current = {name: getattr(expense, name) for name in EXPENSE_FIELDS}
        after = {**current, **changes}
        values = _expense_values(
            agreement=expense.agreement,
            year=after["spent_on"].year if after["spent_on"] else None,
            **after,
        )
        changed = _changed(expense, values)
        if changed:
            expense.save(update_fields=list(changed))
        log_action(expense, "funding.expense_updated", by=by, data=changed)
    return expense
