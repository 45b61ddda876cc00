"""Bodies (steering group, working group), their members, meetings, minutes and decisions."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samverkan.actors.models import Organisation
from samverkan.agreements.models import Agreement


class Seat(models.TextChoices):
    CITY = "city", pgettext_lazy("seat in a body", "City")
    CIVIL_SOCIETY = "civil", _("Non-profit sector")


class Body(models.Model):
    """A body of an agreement. Its composition rule (seats per side) is checked, not described."""

    class Kind(models.TextChoices):
        STEERING_GROUP = "steering", _("Steering group")
        WORKING_GROUP = "working", _("Working group")
        OTHER = "other", _("Other body")

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="bodies"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    city_voting_seats = models.PositiveSmallIntegerField(
        _("voting seats for the city"),
        null=True,
        blank=True,
        help_text=_("Empty when the body has no fixed composition."),
    )
    civil_voting_seats = models.PositiveSmallIntegerField(
        _("voting seats for the non-profit sector"), null=True, blank=True
    )
    quorum = models.PositiveSmallIntegerField(
        _("quorum"),
        null=True,
        blank=True,
        help_text=_(
            "How many voting members must be present for a decision. "
            "Empty: more than half of the voting members."
        ),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["agreement", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "slug"], name="unique_body_slug"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "governance:body", kwargs={"agreement": self.agreement.slug, "slug": self.slug}
        )


class Membership(models.Model):
    """A person's seat in a body for a period: voting or adjoined (adjungerad, without vote)."""

    class Role(models.TextChoices):
        VOTING = "voting", _("Voting member")
        ADJOINED = "adjoined", _("Adjoined, without vote")

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("representing"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    seat = models.CharField(_("seat"), max_length=10, choices=Seat.choices)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.VOTING)
    is_chair = models.BooleanField(_("chair"), default=False)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    appointed_by = models.CharField(
        _("appointed by"),
        max_length=200,
        blank=True,
        help_text=_("E.g. the city board's working committee."),
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["body", "role", "seat", "user__last_name", "user__first_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="membership_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["body", "user"],
                condition=models.Q(ends_on__isnull=True),
                name="one_open_membership_per_person_and_body",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.body}"

    @property
    def is_voting(self) -> bool:
        return self.role == self.Role.VOTING


class Meeting(models.Model):
    """A meeting of a body. Its minutes are public once adjusted (justerat)."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held, minutes being checked")
        ADJUSTED = "adjusted", _("Minutes checked and published")

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="meetings"
    )
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chair"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    secretary = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("secretary"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    adjusters = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("minutes checkers"), blank=True, related_name="+"
    )
    adjusted_on = models.DateField(_("checked on"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="adjusted") | models.Q(adjusted_on__isnull=False),
                name="adjusted_minutes_have_a_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.body} {self.starts_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse(
            "governance:meeting",
            kwargs={"agreement": self.body.agreement.slug, "body": self.body.slug, "pk": self.pk},
        )

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.ADJUSTED


class AgendaItem(models.Model):
    """A matter on a meeting's agenda; a focus-area proposal can be one."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    focus_proposal = models.ForeignKey(
        "areas.FocusAreaProposal",
        verbose_name=_("focus area proposal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="unique_agenda_position")
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


class Attendance(models.Model):
    """Who of a body's members took part in a meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    present = models.BooleanField(_("present"), default=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "membership"], name="attend_once")
        ]

    def __str__(self) -> str:
        return f"{self.membership} – {self.meeting}"


class MinutesParagraph(models.Model):
    """A numbered paragraph (§) of the minutes. Numbers run continuously per body and calendar
    year, across meetings; the service numbers them under a row lock on the body, and the
    unique constraint guarantees no number is used twice.
    """

    class Method(models.TextChoices):
        CONSENSUS = "consensus", _("By consensus")
        VOTE = "vote", _("By vote")
        NOTED = "noted", _("Noted, no decision")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="paragraphs"
    )
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+", editable=False)
    year = models.PositiveSmallIntegerField(editable=False)
    number = models.PositiveIntegerField(_("paragraph"), editable=False)
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="paragraphs",
    )
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    decision = models.TextField(_("decision"), blank=True)
    method = models.CharField(
        _("how it was decided"), max_length=20, choices=Method.choices, default=Method.NOTED
    )
    votes_for = models.PositiveSmallIntegerField(_("votes for"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("votes against"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        ordering = ["body", "year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "year", "number"], name="paragraph_number_once_per_body_and_year"
            )
        ]

    def __str__(self) -> str:
        return f"§ {self.number} {self.title}"

    @property
    def is_decision(self) -> bool:
        return self.method != self.Method.NOTED


class Statement(models.Model):
    """A reservation against a decision or a dissenting statement entered in the minutes."""

    class Kind(models.TextChoices):
        RESERVATION = "reservation", _("Reservation")
        DISSENTING = "dissenting", _("Dissenting statement")
        NOTE = "note", _("Note to the minutes")

    paragraph = models.ForeignKey(
        MinutesParagraph, on_delete=models.CASCADE, related_name="statements"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    by = models.ForeignKey(
        Membership, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["paragraph", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.by}"
