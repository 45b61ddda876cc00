"""Who may do what in the association centre. Each check returns (allowed, reason).

Ombud of civil-society organisations and tjänstepersoner of city administrations book rooms for
their organisation, as far as the venue's booking rules let that sector book; the coordinators
may book for any organisation. A booking is cancelled by its organisation's representatives or
a coordinator. The coordinators are the centre's staff: they record visitor counts.
"""

from django.utils.translation import gettext as _

from samverkan.accounts.roles import is_coordinator
from samverkan.actors.models import Organisation, Representation, Sector
from samverkan.actors.permissions import represents


def _member(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def sector_may_book(venue_rules, sector: str) -> bool:
    if sector == Sector.CIVIL_SOCIETY:
        return venue_rules.civil_society_may_book
    if sector == Sector.MUNICIPALITY:
        return venue_rules.city_may_book
    return False


def can_book_for(user, organisation, venue_rules) -> tuple[bool, str]:
    """May `user` book a room of the venue with `venue_rules` for `organisation`?"""
    if not _member(user):
        return False, _("Log in to book a room.")
    if is_coordinator(user):
        return True, ""
    if not represents(user, organisation):
        return False, _(
            "Only the organisation's confirmed representatives and the coordinators may book "
            "rooms for it."
        )
    if not sector_may_book(venue_rules, organisation.sector):
        return False, _("The booking rules of this venue do not let %(org)s book rooms.") % {
            "org": organisation.name
        }
    return True, ""


def organisations_user_may_book_for(user, venue_rules):
    """The organisations the booking form offers: those the person represents and whose sector
    may book. A coordinator may book for any organisation (None: no restriction)."""
    if not _member(user):
        return Organisation.objects.none()
    if is_coordinator(user):
        return None
    sectors = [
        sector
        for sector in (Sector.CIVIL_SOCIETY, Sector.MUNICIPALITY)
        if sector_may_book(venue_rules, sector)
    ]
    represented = Representation.objects.confirmed().filter(user=user).values("organisation")
    return Organisation.objects.filter(pk__in=represented, sector__in=sectors).order_by("name")


def can_book_outside_rules(user) -> tuple[bool, str]:
    """May `user` book outside a venue's opening hours and limits (an event planned far
    ahead)? The past, the capacity and overlaps are refused all the same."""
    if is_coordinator(user):
        return True, ""
    return False, _("Only the coordinators may book outside the booking rules.")


def can_see_all_bookings(user) -> tuple[bool, str]:
    """The coordinators see every organisation's bookings; others those of the organisations
    they represent."""
    if is_coordinator(user):
        return True, ""
    return False, _("Only the coordinators see the bookings of every organisation.")


def can_book_rooms(user, venue_rules) -> tuple[bool, str]:
    """May `user` book the venue's rooms for at least one organisation?"""
    return can_book_for_any(user, organisations_user_may_book_for(user, venue_rules))


def can_book_for_any(user, organisations) -> tuple[bool, str]:
    """can_book_rooms, given what organisations_user_may_book_for answered for the person (the
    booking form needs those organisations too)."""
    if not _member(user):
        return False, _("Log in to book a room.")
    if organisations is None or organisations.exists():
        return True, ""
    return False, _(
        "Rooms are booked by the confirmed representatives of organisations and administrations "
        "that the booking rules let book, and by the coordinators. Ask to represent your "
        "organisation first."
    )


def can_see_booking(user, booking) -> tuple[bool, str]:
    """Who booked and why is shown to the organisation's representatives and the coordinators;
    everyone else sees only that the room is busy."""
    if not _member(user):
        return False, _("Log in to see a booking.")
    if is_coordinator(user) or represents(user, booking.organisation):
        return True, ""
    return False, _("Only the organisation's representatives and the coordinators see a booking.")


def can_cancel_booking(user, booking) -> tuple[bool, str]:
    if not _member(user):
        return False, _("Log in to cancel a booking.")
    if is_coordinator(user) or represents(user, booking.organisation):
        return True, ""
    return False, _(
        "Only the representatives of the organisation that booked and the coordinators may "
        "cancel a booking."
    )


def can_record_visitors(user, venue=None) -> tuple[bool, str]:
    if is_coordinator(user):
        return True, ""
    return False, _("Only the centre's staff (the coordinators) record visitor counts.")
