"""Visitor counts: one number per venue and day, entered by the centre's staff or imported from
the CSV file of a door counter.

The import is all or nothing: a file with any bad line imports nothing, and every bad line is
reported by its number, so the staff can correct the file and import it again. (A door
counter's export is either right or wrong as a whole; half an import would leave the figures
quietly incomplete.) A date that already has a count gets the file's number.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.core.audit import log_action
from samverkan.core.exceptions import ApplicationError
from samverkan.core.permissions import person, require
from samverkan.venues import permissions
from samverkan.venues.models import VisitorCount

MAX_VISITORS_PER_DAY = 100_000
MAX_IMPORT_BYTES = 1_000_000
MAX_IMPORT_ROWS = 5_000
HEADER_WORDS = {"date", "datum", "dag", "day"}


class VisitorImportError(ApplicationError):
    """A file that cannot be imported; `errors` lists every problem, by line."""

    code = "invalid_file"

    def __init__(self, errors: list[str]):
        super().__init__(
            _("The file was not imported: %(count)s lines have errors.") % {"count": len(errors)}
            if len(errors) != 1
            else _("The file was not imported: one line has an error."),
            field="file",
        )
        self.errors = errors


@dataclass
class ImportResult:
    created: int
    updated: int

    @property
    def total(self) -> int:
        return self.created + self.updated


def _check_count(day: datetime.date, visitors: int) -> None:
    if day > timezone.localdate():
        raise ApplicationError(
            _("Visitors can only be counted for today or days that have passed."),
            code="invalid",
            field="date",
        )
    if not 0 <= visitors <= MAX_VISITORS_PER_DAY:
        raise ApplicationError(
            _("The number of visitors must be between 0 and %(max)s.")
            % {"max": MAX_VISITORS_PER_DAY},
            code="invalid",
            field="visitors",
        )


@transaction.atomic
def record_visitor_count(*, venue, date: datetime.date, visitors: int, by) -> VisitorCount:
    """Record (or correct) the number of visitors of one day.

    Raises PermissionDeniedError for others than the staff, ApplicationError for a future date
    or an impossible number.
    """
    require(by, permissions.can_record_visitors, venue)
    _check_count(date, visitors)
    count, created = VisitorCount.objects.update_or_create(
        venue=venue,
        date=date,
        defaults={
            "visitors": visitors,
            "source": VisitorCount.Source.MANUAL,
            "recorded_by": person(by),
            "recorded_at": timezone.now(),
        },
    )
    log_action(
        count,
        "visitors.recorded" if created else "visitors.corrected",
        by=by,
        data={"date": date.isoformat(), "visitors": visitors},
    )
    return count


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return content.decode("latin-1")  # never fails; bad characters show up as bad dates


def parse_visitor_csv(content: bytes) -> tuple[dict[datetime.date, int], list[str]]:
    """The rows of a door counter's file `date;count` (a comma also separates; an optional
    header line is skipped) and the errors found, each naming its line."""
    if len(content) > MAX_IMPORT_BYTES:
        return {}, [_("The file is larger than 1 MB.")]
    rows: dict[datetime.date, int] = {}
    first_line: dict[datetime.date, int] = {}
    errors: list[str] = []
    today = timezone.localdate()
    lines = _decode(content).splitlines()
    if len(lines) > MAX_IMPORT_ROWS:
        return {}, [_("The file has more than %(max)s lines.") % {"max": MAX_IMPORT_ROWS}]
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        cells = [cell.strip().strip('"') for cell in line.split(";" if ";" in line else ",")]
        if number == 1 and cells[0].lower() in HEADER_WORDS:
            continue
        if len(cells) != 2:
            errors.append(_("Line %(line)s: expected two columns, date;count.") % {"line": number})
            continue
        raw_date, raw_count = cells
        try:
            day = datetime.date.fromisoformat(raw_date)
        except ValueError:
            errors.append(
                _("Line %(line)s: “%(value)s” is not a date of the form YYYY-MM-DD.")
                % {"line": number, "value": raw_date[:40]}
            )
            continue
        if not raw_count.isdigit() or int(raw_count) > MAX_VISITORS_PER_DAY:
            errors.append(
                _("Line %(line)s: “%(value)s” is not a number of visitors (0–%(max)s).")
                % {"line": number, "value": raw_count[:40], "max": MAX_VISITORS_PER_DAY}
            )
            continue
        if day > today:
            errors.append(
                _("Line %(line)s: %(date)s is in the future.")
                % {"line": number, "date": day.isoformat()}
            )
            continue
        if day in rows:
            errors.append(
                _("Line %(line)s: %(date)s is already on line %(first)s.")
                % {"line": number, "date": day.isoformat(), "first": first_line[day]}
            )
            continue
        rows[day] = int(raw_count)
        first_line[day] = number
    if not rows and not errors:
        errors.append(_("The file has no rows of the form date;count."))
    return rows, errors


@transaction.atomic
def import_visitor_counts(*, venue, content: bytes, by) -> ImportResult:
    """Import a door counter's CSV file (`date;count`, one day a line) for `venue`.

    All or nothing: raises VisitorImportError listing every bad line, and then nothing is
    imported. Dates that already have a count get the file's number. Raises
    PermissionDeniedError for others than the staff.
    """
    require(by, permissions.can_record_visitors, venue)
    rows, errors = parse_visitor_csv(content)
    if errors:
        raise VisitorImportError(errors)
    now, author = timezone.now(), person(by)
    existing = {
        count.date: count for count in VisitorCount.objects.filter(venue=venue, date__in=rows)
    }
    changed = []
    for day, count in existing.items():
        count.visitors = rows[day]
        count.source = VisitorCount.Source.IMPORT
        count.recorded_by = author
        count.recorded_at = now
        changed.append(count)
    VisitorCount.objects.bulk_update(
        changed, ["visitors", "source", "recorded_by", "recorded_at"], batch_size=500
    )
    VisitorCount.objects.bulk_create(
        [
            VisitorCount(
                venue=venue,
                date=day,
                visitors=visitors,
                source=VisitorCount.Source.IMPORT,
                recorded_by=author,
                recorded_at=now,
            )
            for day, visitors in rows.items()
            if day not in existing
        ],
        batch_size=500,
    )
    result = ImportResult(created=len(rows) - len(existing), updated=len(existing))
    log_action(
        venue,
        "visitors.imported",
        by=by,
        data={
            "created": result.created,
            "updated": result.updated,
            "first": min(rows).isoformat(),
            "last": max(rows).isoformat(),
        },
    )
    return result
