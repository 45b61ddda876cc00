"""The association centre: venues (Nobel 21 first), their rooms, opening hours and booking
rules, bookings of rooms by organisations (single or weekly series) and daily visitor counts.

Two bookings of one room never overlap: the booking service checks and inserts serialised (a
row lock on the room on PostgreSQL, the database write lock on SQLite), and on PostgreSQL an
exclusion constraint (migration 0003) is the guarantee.
"""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Venue(models.Model):
    """A meeting place an agreement offers, such as the association centre Nobel 21."""

    agreement = models.ForeignKey(
        "agreements.Agreement",
        on_delete=models.CASCADE,
        related_name="venues",
        verbose_name=_("agreement"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "slug"], name="venue_slug_per_agreement")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "venues:venue", kwargs={"agreement": self.agreement.slug, "venue": self.slug}
        )

    @property
    def address(self) -> str:
        return ", ".join(
            part
            for part in (self.street_address, f"{self.postal_code} {self.city}".strip())
            if part
        )


class Room(models.Model):
    """A room of a venue that events take place in and organisations book."""

    venue = models.ForeignKey(
        Venue, on_delete=models.CASCADE, related_name="rooms", verbose_name=_("venue")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=120)
    capacity = models.PositiveIntegerField(_("seats"))
    equipment = models.TextField(_("equipment"), blank=True)
    accessibility_notes = models.TextField(_("accessibility"), blank=True)
    is_bookable = models.BooleanField(_("can be booked"), default=True)

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["venue", "name"]
        constraints = [
            models.UniqueConstraint(fields=["venue", "slug"], name="room_slug_per_venue"),
            models.CheckConstraint(condition=models.Q(capacity__gt=0), name="room_has_seats"),
        ]

    def __str__(self):
        return f"{self.name}, {self.venue.name}"

    def get_absolute_url(self) -> str:
        return reverse(
            "venues:room",
            kwargs={
                "agreement": self.venue.agreement.slug,
                "venue": self.venue.slug,
                "room": self.slug,
            },
        )


class Weekday(models.IntegerChoices):
    """ISO weekday numbers minus one, as `date.weekday()` gives them."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHours(models.Model):
    """When a venue is open on one weekday. A weekday without a row is a closed day."""

    venue = models.ForeignKey(
        Venue, on_delete=models.CASCADE, related_name="opening_hours", verbose_name=_("venue")
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens_at = models.TimeField(_("opens"))
    closes_at = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["venue", "weekday"]
        constraints = [
            models.UniqueConstraint(fields=["venue", "weekday"], name="one_opening_per_weekday"),
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="opening_closes_after_it_opens",
                violation_error_message=_("A venue must close after it opens."),
            ),
            models.CheckConstraint(
                condition=models.Q(weekday__gte=0, weekday__lte=6), name="opening_weekday_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}–{self.closes_at:%H:%M}"


class ClosedDay(models.Model):
    """A date a venue is closed although its weekday has opening hours (a holiday)."""

    venue = models.ForeignKey(
        Venue, on_delete=models.CASCADE, related_name="closed_days", verbose_name=_("venue")
    )
    date = models.DateField(_("date"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("closed day")
        verbose_name_plural = _("closed days")
        ordering = ["venue", "date"]
        constraints = [
            models.UniqueConstraint(fields=["venue", "date"], name="one_closed_day_per_date")
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.reason}".strip()


class BookingRules(models.Model):
    """How a venue's rooms may be booked. A venue without rules uses the defaults below."""

    venue = models.OneToOneField(
        Venue, on_delete=models.CASCADE, related_name="booking_rules", verbose_name=_("venue")
    )
    longest_booking = models.DurationField(
        _("longest booking"),
        default=datetime.timedelta(hours=8),
        help_text=_("E.g. 04:00:00 for four hours."),
    )
    days_ahead = models.PositiveSmallIntegerField(
        _("how far ahead (days)"),
        default=180,
        help_text=_("A booking may start at most this many days from today."),
    )
    minimum_notice = models.DurationField(
        _("minimum notice"),
        default=datetime.timedelta(hours=1),
        help_text=_("How long before it starts a booking must be made at the latest."),
    )
    civil_society_may_book = models.BooleanField(
        _("representatives of civil-society organisations may book"), default=True
    )
    city_may_book = models.BooleanField(
        _("employees of city administrations may book"), default=True
    )

    class Meta:
        verbose_name = _("booking rules")
        verbose_name_plural = _("booking rules")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(longest_booking__gt=datetime.timedelta(0)),
                name="booking_rules_longest_positive",
            )
        ]

    def __str__(self) -> str:
        return str(_("Booking rules"))


class BookingQuerySet(models.QuerySet):
    def active(self):
        """Bookings that hold their slot: everything not cancelled."""
        return self.exclude(status=Booking.Status.CANCELLED)

    def overlapping(self, starts_at, ends_at):
        """Half-open intervals: a booking ending at 14:00 and one starting at 14:00 do not
        overlap."""
        return self.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)

    def held(self, *, now=None):
        """Meetings that took place: not cancelled and already over."""
        return self.active().filter(ends_at__lte=now or timezone.now())


class BookingSeries(models.Model):
    """A weekly series: the same room and time every week from one date to another. Its
    bookings are ordinary bookings; the dates that were taken are kept as its report."""

    room = models.ForeignKey(
        Room, on_delete=models.PROTECT, related_name="series", verbose_name=_("room")
    )
    organisation = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.PROTECT,
        related_name="booking_series",
        verbose_name=_("organisation"),
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    first_date = models.DateField(_("first date"))
    last_date = models.DateField(_("last date"))
    starts_at = models.TimeField(_("starts"))
    ends_at = models.TimeField(_("ends"))
    purpose = models.CharField(_("purpose"), max_length=200)
    expected_participants = models.PositiveIntegerField(_("expected participants"))
    # [{"date": "2025-03-10", "reason": "…"}]: the dates that could not be booked, and why.
    skipped = models.JSONField(_("dates not booked"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("weekly booking series")
        verbose_name_plural = _("weekly booking series")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_date__gte=models.F("first_date")),
                name="series_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="series_time_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.room}: {self.purpose}"

    def get_absolute_url(self) -> str:
        return reverse(
            "venues:series",
            kwargs={"agreement": self.room.venue.agreement.slug, "pk": self.pk},
        )

    @property
    def weekday(self) -> int:
        return self.first_date.weekday()

    def get_weekday_display(self) -> str:
        return str(Weekday(self.weekday).label)


class Booking(models.Model):
    """A room booked by an organisation for one interval [starts_at, ends_at)."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        CANCELLED = "cancelled", pgettext_lazy("booking", "Cancelled")

    room = models.ForeignKey(
        Room, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("room")
    )
    organisation = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.PROTECT,
        related_name="room_bookings",
        verbose_name=_("organisation"),
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    series = models.ForeignKey(
        BookingSeries,
        verbose_name=_("weekly series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    purpose = models.CharField(_("purpose"), max_length=200)
    expected_participants = models.PositiveIntegerField(_("expected participants"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONFIRMED
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["starts_at", "room"]
        indexes = [
            models.Index(fields=["room", "starts_at"], name="booking_room_start"),
            models.Index(fields=["organisation", "starts_at"], name="booking_org_start"),
            # The coordinator's "my bookings" (every booking, coming or past): ordered and
            # counted from this index alone (selectors.bookings_for).
            models.Index(fields=["ends_at", "starts_at", "id", "room"], name="booking_end_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="booking_ends_after_it_starts",
                violation_error_message=_("A booking must end after it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["confirmed", "cancelled"]),
                name="booking_status_valid",
            ),
        ]

    def __str__(self) -> str:
        local = timezone.localtime(self.starts_at)
        return f"{self.room.name} {local:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse(
            "venues:booking",
            kwargs={"agreement": self.room.venue.agreement.slug, "pk": self.pk},
        )

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED


class VisitorCount(models.Model):
    """How many people came to a venue on one day: entered by staff or from a door counter."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("Entered by staff")
        IMPORT = "import", _("Imported from a door counter")

    venue = models.ForeignKey(
        Venue, on_delete=models.CASCADE, related_name="visitor_counts", verbose_name=_("venue")
    )
    date = models.DateField(_("date"))
    visitors = models.PositiveIntegerField(_("visitors"))
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.MANUAL
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("visitor count")
        verbose_name_plural = _("visitor counts")
        ordering = ["venue", "-date"]
        constraints = [
            models.UniqueConstraint(fields=["venue", "date"], name="one_visitor_count_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d}: {self.visitors}"
