"""Browser journeys of the centre with axe-core on every page: an ombud books a room through the
form, and a second, overlapping booking of the same room is refused with a message naming the
time already booked; on a phone, an ombud books a free slot chosen in the room's week. Elements
are found by id, name or address, never by translated text."""

import datetime

import pytest
from django.utils import timezone

from samverkan.venues import selectors
from samverkan.venues.models import Booking, BookingRules
from tests import factories
from tests.browser.support import (
    SCREENS,
    assert_accessible,
    assert_fits_the_screen,
    follow,
    log_in,
    visit,
)
from tests.venues.factories import (
    BookingFactory,
    RoomFactory,
    VenueFactory,
    VisitorCountFactory,
    open_every_day,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def centre(db):
    agreement = factories.AgreementFactory(slug="malmoandan", name="Överenskommelse Malmöandan")
    venue = VenueFactory(
        agreement=agreement,
        name="Nobel 21",
        slug="nobel-21",
        accessibility="Entré i gatuplan, hiss.",
    )
    open_every_day(venue)
    BookingRules.objects.create(venue=venue)
    room = RoomFactory(venue=venue, name="Mötesrummet Seved", slug="motesrummet-seved", capacity=8)
    RoomFactory(venue=venue, name="Stora salen", slug="stora-salen", capacity=120)
    VisitorCountFactory(venue=venue, date=datetime.date(2022, 3, 14), visitors=87)
    BookingFactory(
        room=room,
        starts_at=timezone.make_aware(datetime.datetime(2022, 3, 14, 18)),
        ends_at=timezone.make_aware(datetime.datetime(2022, 3, 14, 20)),
    )
    organisation = factories.OrganisationFactory(name="Föreningen Zig Zag", slug="zig-zag")
    return {"venue": venue, "room": room, "organisation": organisation}


def fill_booking(page, day: datetime.date, start: str, end: str) -> None:
    page.locator("#id_date").fill(day.isoformat())
    page.locator("#id_starts_at").fill(start)
    page.locator("#id_ends_at").fill(end)
    page.locator("#id_purpose").fill("Styrelsemöte")
    page.locator("#id_expected_participants").fill("6")
    follow(page.locator("#booking-form button[type=submit]"))


def test_the_public_pages_have_no_axe_violations(page, live_server, centre):
    venue, room = centre["venue"], centre["room"]
    BookingFactory(room=room)

    visit(page, live_server, "/overenskommelser/malmoandan/lokaler/")
    visit(page, live_server, venue.get_absolute_url())
    assert page.locator("#rooms tbody tr").count() == 2
    visit(page, live_server, room.get_absolute_url())
    follow(page.locator("#next-week"))
    assert "vecka=" in page.url
    assert_accessible(page)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    visit(page, live_server, f"{room.get_absolute_url()}dag/{tomorrow.isoformat()}/")
    visit(page, live_server, f"{venue.get_absolute_url()}statistik/?ar=2022")
    assert page.locator("#visitors-total").inner_text() == "87"


def test_an_ombud_books_and_an_overlapping_booking_is_refused_naming_the_time(
    page, live_server, centre
):
    room, organisation = centre["room"], centre["organisation"]
    ombud = factories.representative(organisation)
    log_in(page, live_server, ombud)
    day = timezone.localdate() + datetime.timedelta(days=3)

    visit(page, live_server, room.get_absolute_url())
    follow(page.locator("#book-link"))
    page.wait_for_url("**/boka/")
    assert_accessible(page)
    fill_booking(page, day, "14:00", "16:00")
    page.wait_for_url("**/bokningar/*/")
    booking = Booking.objects.get(organisation=organisation)
    assert page.url.endswith(booking.get_absolute_url())
    assert "14:00–16:00" in page.locator("#booking-time").inner_text()
    assert_accessible(page)

    visit(page, live_server, f"{room.get_absolute_url()}boka/")
    fill_booking(page, day, "15:00", "17:00")
    summary = page.locator("#error-summary")
    assert summary.count() == 1
    assert "14:00–16:00" in summary.inner_text()
    assert page.locator("#id_starts_at_error").count() == 1
    assert_accessible(page)
    assert Booking.objects.filter(organisation=organisation).count() == 1

    visit(page, live_server, "/overenskommelser/malmoandan/bokningar/")
    assert page.locator(f"#bookings a[href='{booking.get_absolute_url()}']").count() == 1
    visit(page, live_server, f"{booking.get_absolute_url()}avboka/")
    follow(page.locator("main form.stack button[type=submit]"))
    page.wait_for_url("**/bokningar/")
    assert Booking.objects.get(pk=booking.pk).is_cancelled


def test_series_and_staff_pages_have_no_axe_violations(page, live_server, centre):
    venue, room, organisation = centre["venue"], centre["room"], centre["organisation"]
    coordinator = factories.coordinator()
    log_in(page, live_server, coordinator)
    first = timezone.localdate() + datetime.timedelta(days=7)

    visit(page, live_server, f"{room.get_absolute_url()}boka/serie/")
    page.locator("#id_organisation").select_option(value=str(organisation.pk))
    page.locator("#id_first_date").fill(first.isoformat())
    page.locator("#id_last_date").fill((first + datetime.timedelta(weeks=3)).isoformat())
    page.locator("#id_starts_at").fill("17:00")
    page.locator("#id_ends_at").fill("19:00")
    page.locator("#id_purpose").fill("Läxhjälp")
    page.locator("#id_expected_participants").fill("6")
    follow(page.locator("#series-form button[name=check]"))
    assert page.locator("#series-report tbody tr").count() == 4
    assert_accessible(page)
    follow(page.locator("#book-series"))
    page.wait_for_url("**/bokningar/serier/*/")
    assert_accessible(page)

    visit(page, live_server, f"{venue.get_absolute_url()}besokare/")


def test_an_ombud_on_a_phone_books_a_free_slot_of_the_week_and_finds_it_in_the_bookings(
    browser, live_server, centre
):
    """At 390 px: the venue, the room's week, a free slot, the booking form filled in from it,
    the booking, the organisation's bookings. Every page passes axe-core and fits the screen."""
    venue, room, organisation = centre["venue"], centre["room"], centre["organisation"]
    ombud = factories.representative(organisation)
    context = browser.new_context(viewport=SCREENS["phone"], locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, live_server, ombud)

    def check():
        assert_accessible(page)
        assert_fits_the_screen(page)

    visit(page, live_server, venue.get_absolute_url())
    assert_fits_the_screen(page)
    follow(page.locator(f"#rooms a[href='{room.get_absolute_url()}']"))
    check()
    follow(page.locator("#next-week"))
    check()
    wednesday = selectors.parse_week(page.url.split("vecka=")[1]) + datetime.timedelta(days=2)
    follow(page.locator(f"#week [data-date='{wednesday.isoformat()}'] a.slot-free").nth(2))
    page.wait_for_url("**/boka/?*")
    check()
    assert page.locator("#id_date").input_value() == wednesday.isoformat()
    starts = page.locator("#id_starts_at").input_value()
    ends = page.locator("#id_ends_at").input_value()
    assert starts and ends > starts
    page.locator("#id_purpose").fill("Styrelsemöte")
    page.locator("#id_expected_participants").fill("6")
    follow(page.locator("#booking-form button[type=submit]"))
    page.wait_for_url("**/bokningar/*/")
    check()
    booking = Booking.objects.get(organisation=organisation)
    assert timezone.localtime(booking.starts_at).strftime("%H:%M") == starts

    follow(page.locator(".breadcrumbs a[href$='/bokningar/']"))
    check()
    assert page.locator(f"#bookings a[href='{booking.get_absolute_url()}']").count() == 1
    context.close()
