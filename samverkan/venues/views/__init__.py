"""Pages of the association centre. Every view receives the agreement's slug as `agreement`;
a venue, room or booking of another agreement answers 404."""

from samverkan.venues.views.bookings import (
    book,
    book_series,
    booking_cancel,
    booking_detail,
    my_bookings,
    series_cancel,
    series_detail,
)
from samverkan.venues.views.public import figures, room_day, room_week, venue_detail, venue_list
from samverkan.venues.views.visitors import visitors, visitors_import

__all__ = [
    "book",
    "book_series",
    "booking_cancel",
    "booking_detail",
    "figures",
    "my_bookings",
    "room_day",
    "room_week",
    "series_cancel",
    "series_detail",
    "venue_detail",
    "venue_list",
    "visitors",
    "visitors_import",
]
