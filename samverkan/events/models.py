"""Events of an agreement (dialogue forum, Malmötimmar, learning lunches, trainings), their
sessions, seat quotas, registrations with the waiting list, documentation, and the secret
links of personal calendar feeds."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samverkan.actors.models import Sector


class EventKind(models.TextChoices):
    DIALOGUE_FORUM = "dialogue_forum", _("Dialogue forum")
    MALMO_HOUR = "malmo_hour", _("Malmö hour")
    LEARNING_LUNCH = "learning_lunch", _("Learning lunch")
    TRAINING = "training", _("Training")
    WORKSHOP = "workshop", _("Workshop")
    OTHER = "other", _("Other event")


class ParticipantSector(models.TextChoices):
    """The sectors participation figures are counted by (the annual report's categories)."""

    CITY = "city", _("The city")
    CIVIL_SOCIETY = "civil", _("Civil society")
    BUSINESS = "business", _("Business")
    ACADEMIA = "academia", _("Academia")
    OTHER = "other", _("Other")


# An organisation's sector (actors) → the sector its people are counted in.
SECTOR_OF_ORGANISATION = {
    Sector.MUNICIPALITY: ParticipantSector.CITY,
    Sector.CIVIL_SOCIETY: ParticipantSector.CIVIL_SOCIETY,
    Sector.BUSINESS: ParticipantSector.BUSINESS,
    Sector.ACADEMIA: ParticipantSector.ACADEMIA,
    Sector.AUTHORITY: ParticipantSector.OTHER,
}


class PlaceKind(models.TextChoices):
    ROOM = "room", _("A room of the association centre")
    ADDRESS = "address", _("An address")
    ONLINE = "online", _("Online")


def _place_constraints(prefix: str) -> list:
    """Exactly the field of the place's kind is filled in, the others are empty."""
    room = models.Q(place_kind=PlaceKind.ROOM, room__isnull=False, address="", online_url="")
    address = models.Q(place_kind=PlaceKind.ADDRESS, room__isnull=True, online_url="") & ~models.Q(
        address=""
    )
    online = models.Q(place_kind=PlaceKind.ONLINE, room__isnull=True, address="") & ~models.Q(
        online_url=""
    )
    return [models.CheckConstraint(condition=room | address | online, name=f"{prefix}_one_place")]


class Place(models.Model):
    """Where something happens: a room of a venue, an address, or online with a link; exactly
    one of them (clean() explains, a check constraint guarantees)."""

    place_kind = models.CharField(_("place"), max_length=10, choices=PlaceKind.choices)
    room = models.ForeignKey(
        "venues.Room",
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    online_url = models.URLField(_("link to the online meeting"), blank=True)

    class Meta:
        abstract = True

    def clean(self) -> None:
        errors = {}
        if self.place_kind == PlaceKind.ROOM and self.room_id is None:
            errors["room"] = _("Choose the room.")
        if self.place_kind == PlaceKind.ADDRESS and not self.address.strip():
            errors["address"] = _("Give the address.")
        if self.place_kind == PlaceKind.ONLINE and not self.online_url:
            errors["online_url"] = _("Give the link to the online meeting.")
        if errors:
            raise ValidationError(errors)
        # Only the chosen kind's field is kept.
        if self.place_kind != PlaceKind.ROOM:
            self.room = None
        if self.place_kind != PlaceKind.ADDRESS:
            self.address = ""
        if self.place_kind != PlaceKind.ONLINE:
            self.online_url = ""

    @property
    def is_online(self) -> bool:
        return self.place_kind == PlaceKind.ONLINE

    @property
    def place_label(self) -> str:
        """The place as one line (the room needs `room__venue` selected)."""
        if self.place_kind == PlaceKind.ROOM and self.room is not None:
            venue = self.room.venue
            street = f", {venue.street_address}" if venue.street_address else ""
            return f"{self.room.name}, {venue.name}{street}"
        if self.place_kind == PlaceKind.ADDRESS:
            return self.address
        return str(_("Online"))


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Event(Place):
    """An event of an agreement. Its start and end span all its sessions, when it has any.

    `capacity` empty means no limit. Registration is open from `registration_opens_at` (or
    publication) until `registration_closes_at` (or the start).
    """

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    agreement = models.ForeignKey(
        "agreements.Agreement",
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=220, unique=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    text = models.TextField(_("description"), blank=True)
    theme = models.CharField(
        _("theme"),
        max_length=200,
        blank=True,
        help_text=_("What the event was about, in a few words, as the annual report names it."),
    )
    organisers = models.ManyToManyField(
        "actors.Organisation", verbose_name=_("organisers"), related_name="organised_events"
    )
    areas = models.ManyToManyField(
        "areas.PriorityArea", verbose_name=_("priority areas"), blank=True, related_name="events"
    )
    focus_area = models.ForeignKey(
        "areas.FocusArea",
        verbose_name=_("focus area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    districts = models.ManyToManyField(
        "actors.District", verbose_name=_("districts"), blank=True, related_name="events"
    )
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    cancellation_note = models.TextField(_("why the event is cancelled"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(registration_opens_at__isnull=True)
                | models.Q(registration_closes_at__isnull=True)
                | models.Q(registration_closes_at__gt=models.F("registration_opens_at")),
                name="event_registration_window_valid",
            ),
            *_place_constraints("event"),
        ]
        # The calendar finds the events running now by their end (selectors.UpcomingEvents).
        indexes = [models.Index(fields=["ends_at"], name="event_ends_at_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:event", kwargs={"agreement": self.agreement.slug, "slug": self.slug})

    def clean(self) -> None:
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The event must end after it starts.")})
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            raise ValidationError(
                {"registration_closes_at": _("Registration must close after it opens.")}
            )

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def registration_closes(self):
        """When registration closes: the set time, else when the event starts."""
        return self.registration_closes_at or self.starts_at


class EventSession(Place):
    """One meeting of an event of several (a training of five sessions, three of them online)."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="sessions"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_start",
            ),
            *_place_constraints("session"),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.event.title} {self.starts_at:%Y-%m-%d}"

    def clean(self) -> None:
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The session must end after it starts.")})


class SeatQuota(models.Model):
    """Seats of an event reserved for a group, e.g. "4 seats through Malmöandan".

    Who may use the quota: people who register from one of `organisations`, or, when
    `sectors` is not empty, whose sector (chosen at registration, or that of their
    organisation) is one of `sectors`. A quota names at least one of the two.

    The quota's seats are part of the event's capacity: people outside the group can take only
    the seats left after all quotas; a person of the group takes a free quota seat first and a
    general seat when the quota is full. When a quota seat is freed, the first person of the
    group on the waiting list gets it.
    """

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="quotas"
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("E.g. Seats via Malmöandan."))
    seats = models.PositiveIntegerField(_("seats"))
    sectors = models.JSONField(
        _("sectors"),
        default=list,
        blank=True,
        help_text=_("People of these sectors may use the seats."),
    )
    organisations = models.ManyToManyField(
        "actors.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="+",
        help_text=_("People registering from these organisations may use the seats."),
    )

    class Meta:
        verbose_name = _("seat quota")
        verbose_name_plural = _("seat quotas")
        ordering = ["event", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(seats__gt=0), name="quota_has_seats")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.seats})"

    def admits(self, *, sector: str, organisation_id: int | None, organisation_ids=None) -> bool:
        """Whether a person of `sector` registering from `organisation_id` may use the quota.
        `organisation_ids` are the quota's organisations when already loaded."""
        if self.sectors and sector in self.sectors:
            return True
        if organisation_id is None:
            return False
        if organisation_ids is None:
            organisation_ids = {o.pk for o in self.organisations.all()}
        return organisation_id in organisation_ids

    def sector_labels(self) -> list[str]:
        labels = dict(ParticipantSector.choices)
        return [str(labels.get(s, s)) for s in self.sectors]


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(
            status__in=[Registration.Status.REGISTERED, Registration.Status.WAITLISTED]
        )

    def registered(self):
        return self.filter(status=Registration.Status.REGISTERED)

    def waitlisted(self):
        return self.filter(status=Registration.Status.WAITLISTED).order_by("queued_at", "pk")


class Registration(models.Model):
    """A person's registration for an event: with a seat, on the waiting list, or cancelled.

    One open registration (with a seat or waiting) per person and event; cancelled ones stay
    as history. The waiting list is ordered by `queued_at`.
    """

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    organisation = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=ParticipantSector.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    quota = models.ForeignKey(
        SeatQuota,
        verbose_name=_("seat quota"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    queued_at = models.DateTimeField(_("joined the waiting list"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("got a seat from the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=models.Q(status__in=["registered", "waitlisted"]),
                name="one_open_registration_per_person",
                violation_error_message=_("You are already registered for this event."),
            ),
            models.CheckConstraint(
                condition=models.Q(sector__in=[s.value for s in ParticipantSector]),
                name="registration_sector_valid",
            ),
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.event} ({self.get_status_display()})"

    @property
    def organisation_label(self) -> str:
        if self.organisation_id:
            return self.organisation.name
        return self.organisation_name


def document_path(instance, filename: str) -> str:
    return f"events/{instance.event_id}/{secrets.token_hex(8)}-{filename}"


class EventDocument(models.Model):
    """Documentation attached after an event: minutes, a report, photos. Served through a view
    that checks who may see it; public ones are listed on the event's page."""

    class Kind(models.TextChoices):
        MINUTES = "minutes", _("Minutes")
        REPORT = "report", _("Report")
        PHOTO = "photo", _("Photo")
        OTHER = "other", _("Other document")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=document_path, max_length=300)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Shown to everyone on the event's page.")
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["event", "kind", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "events:document",
            kwargs={
                "agreement": self.event.agreement.slug,
                "slug": self.event.slug,
                "pk": self.pk,
            },
        )


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in the address of a person's own calendar feed. Renewing it makes the old
    address answer 404."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar link")
        verbose_name_plural = _("calendar links")

    def __str__(self) -> str:
        return str(self.user)
