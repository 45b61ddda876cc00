"""Writes of the association centre: bookings (booking.py), weekly series (series.py) and
visitor counts (visitors.py). Every function checks permission, keeps the rules, writes an
audit entry in its transaction and raises ApplicationError (or a subclass) with a translated
message when a rule is broken."""

from samverkan.venues.services.booking import book_room, cancel_booking
from samverkan.venues.services.series import (
    SeriesDate,
    SeriesPlan,
    book_weekly_series,
    cancel_series,
    plan_weekly_series,
)
from samverkan.venues.services.visitors import (
    ImportResult,
    VisitorImportError,
    import_visitor_counts,
    parse_visitor_csv,
    record_visitor_count,
)

__all__ = [
    "ImportResult",
    "SeriesDate",
    "SeriesPlan",
    "VisitorImportError",
    "book_room",
    "book_weekly_series",
    "cancel_booking",
    "cancel_series",
    "import_visitor_counts",
    "parse_visitor_csv",
    "plan_weekly_series",
    "record_visitor_count",
]
