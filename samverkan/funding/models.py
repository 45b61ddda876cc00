"""Funders and their calls, who follows a call and which reminders went out, and the agreement's
own budget: the yearly grants and the spending entries.

Amounts are exact decimals in kronor with two decimals (öre), never floats.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.actors.models import LegalForm, Sector

AMOUNT_DIGITS = 14  # up to 999 999 999 999,99 kr
AMOUNT_PLACES = 2
MIN_YEAR, MAX_YEAR = 2000, 2100


def _amount_field(verbose_name, **kwargs):
    return models.DecimalField(
        verbose_name, max_digits=AMOUNT_DIGITS, decimal_places=AMOUNT_PLACES, **kwargs
    )


def pack_choices(values) -> str:
    """A set of choice values stored as ",a,b," so that `contains=",a,"` finds one exactly,
    on SQLite and PostgreSQL alike. Empty means "any"."""
    values = sorted({str(v) for v in values if v})
    return f",{','.join(values)}," if values else ""


def unpack_choices(packed: str) -> list[str]:
    return [v for v in (packed or "").split(",") if v]


class Funder(models.Model):
    """Who gives money: the city, the state, a foundation, the EU."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        STATE = "state", _("State")
        FOUNDATION = "foundation", _("Foundation")
        EU = "eu", _("EU")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    organisation = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("organisation in the register"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="funders",
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("funder")
        verbose_name_plural = _("funders")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["municipality", "state", "foundation", "eu", "other"]),
                name="funder_kind_valid",
            )
        ]

    def __str__(self) -> str:
        return self.name


class CallStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Opens later")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class FundingCallQuerySet(models.QuerySet):
    def visible_in(self, agreement):
        """National calls (no agreement) and the agreement's own calls."""
        return self.filter(Q(agreement__isnull=True) | Q(agreement=agreement))

    def open(self, day: datetime.date | None = None):
        day = day or timezone.localdate()
        return self.filter(Q(opens_on__isnull=True) | Q(opens_on__lte=day)).filter(
            Q(deadline__isnull=True) | Q(deadline__gte=day)
        )

    def not_closed(self, day: datetime.date | None = None):
        day = day or timezone.localdate()
        return self.filter(Q(deadline__isnull=True) | Q(deadline__gte=day))

    def by_deadline(self):
        """Soonest deadline first; rolling calls (no deadline) last."""
        return self.order_by(F("deadline").asc(nulls_last=True), "title", "pk")


class FundingCall(models.Model):
    """A call for applications (utlysning) of a funder, with who may apply and until when.

    Empty eligibility lists (sectors, legal forms, areas, districts) mean "any". The status is
    not stored: it follows from the opening date and the deadline (no deadline = rolling).
    """

    funder = models.ForeignKey(
        Funder, verbose_name=_("funder"), on_delete=models.PROTECT, related_name="calls"
    )
    agreement = models.ForeignKey(
        "agreements.Agreement",
        verbose_name=_("agreement"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="funding_calls",
        help_text=_("Empty for national and EU calls, which every agreement shows."),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=220, unique=True)
    description = models.TextField(_("description"))
    eligibility_note = models.TextField(
        _("more about who may apply"),
        blank=True,
        help_text=_("Conditions the lists do not capture, e.g. age groups or co-financing."),
    )
    sectors = models.CharField(_("sectors"), max_length=200, blank=True, default="")
    legal_forms = models.CharField(_("legal forms"), max_length=300, blank=True, default="")
    areas = models.ManyToManyField(
        "areas.PriorityArea", verbose_name=_("areas"), blank=True, related_name="funding_calls"
    )
    districts = models.ManyToManyField(
        "actors.District", verbose_name=_("districts"), blank=True, related_name="funding_calls"
    )
    amount_min = _amount_field(_("smallest amount"), null=True, blank=True)
    amount_max = _amount_field(_("largest amount"), null=True, blank=True)
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    deadline = models.DateField(
        _("deadline"), null=True, blank=True, help_text=_("Empty for a rolling call.")
    )
    link = models.URLField(_("link to the call"), max_length=500, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = FundingCallQuerySet.as_manager()

    class Meta:
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")
        ordering = ["deadline", "title"]
        indexes = [models.Index(fields=["deadline", "opens_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_min__isnull=True) | Q(amount_min__gte=0),
                name="call_amount_min_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(amount_min__isnull=True)
                | Q(amount_max__isnull=True)
                | Q(amount_max__gte=F("amount_min")),
                name="call_amount_max_at_least_min",
            ),
            models.CheckConstraint(
                condition=Q(opens_on__isnull=True)
                | Q(deadline__isnull=True)
                | Q(deadline__gte=F("opens_on")),
                name="call_deadline_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def url_in(self, agreement) -> str:
        return reverse("funding:call", kwargs={"agreement": agreement.slug, "slug": self.slug})

    @property
    def sector_list(self) -> list[str]:
        return unpack_choices(self.sectors)

    @property
    def legal_form_list(self) -> list[str]:
        return unpack_choices(self.legal_forms)

    @property
    def sector_labels(self) -> list[str]:
        return [str(Sector(v).label) for v in self.sector_list if v in Sector.values]

    @property
    def legal_form_labels(self) -> list[str]:
        return [str(LegalForm(v).label) for v in self.legal_form_list if v in LegalForm.values]

    def status_on(self, day: datetime.date | None = None) -> str:
        day = day or timezone.localdate()
        if self.deadline is not None and self.deadline < day:
            return CallStatus.CLOSED
        if self.opens_on is not None and self.opens_on > day:
            return CallStatus.UPCOMING
        return CallStatus.OPEN

    @property
    def status(self) -> str:
        return self.status_on()

    def get_status_display(self) -> str:
        return str(CallStatus(self.status).label)

    @property
    def is_rolling(self) -> bool:
        return self.deadline is None

    def days_left(self, day: datetime.date | None = None) -> int | None:
        if self.deadline is None:
            return None
        return (self.deadline - (day or timezone.localdate())).days


class CallFollow(models.Model):
    """A person follows a call to be reminded before its deadline."""

    call = models.ForeignKey(FundingCall, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_calls"
    )
    created_at = models.DateTimeField(_("followed since"), auto_now_add=True)

    class Meta:
        verbose_name = _("followed call")
        verbose_name_plural = _("followed calls")
        constraints = [
            models.UniqueConstraint(fields=["call", "user"], name="follow_call_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.call}"


class ReminderSent(models.Model):
    """One reminder e-mail that went out: to whom, about which call and deadline, at which point
    (days before). The unique constraint is what makes the daily command send each once."""

    call = models.ForeignKey(FundingCall, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    deadline = models.DateField(_("deadline"))
    days_before = models.PositiveSmallIntegerField(_("days before the deadline"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "user", "deadline", "days_before"], name="reminder_sent_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.call} – {self.user} ({self.days_before})"


# ---------------------------------------------------------------------------------------------
# The agreement's budget
# ---------------------------------------------------------------------------------------------


class ExpenseCategory(models.TextChoices):
    """The rows of the economic account, in the order the annual report shows them."""

    PERSONNEL = "personnel", _("Personnel")
    PREMISES = "premises", _("Premises")
    ACTIVITIES = "activities", _("Activities and meetings")
    COMMUNICATION = "communication", _("Communication")
    COMPETENCE = "competence", _("Competence-raising")
    OTHER = "other", _("Other")


class Grant(models.Model):
    """Money the agreement receives for a year, e.g. the city board's yearly grant to the
    coordination of the non-profit side."""

    agreement = models.ForeignKey(
        "agreements.Agreement",
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="grants",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    recipient = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("recipient"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreement_grants",
    )
    recipient_name = models.CharField(
        _("recipient (if not in the register)"), max_length=200, blank=True
    )
    purpose = models.CharField(_("purpose"), max_length=300)
    amount = _amount_field(_("amount (kr)"))
    decided_by = models.CharField(
        _("decided by"), max_length=200, blank=True, help_text=_("E.g. the city board.")
    )
    reference = models.CharField(_("diary number"), max_length=100, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        ordering = ["agreement", "year", "-amount", "purpose"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="grant_amount_positive"),
            models.CheckConstraint(
                condition=Q(year__gte=MIN_YEAR, year__lte=MAX_YEAR), name="grant_year_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.purpose}"

    @property
    def recipient_label(self) -> str:
        return self.recipient.name if self.recipient_id else self.recipient_name


class Expense(models.Model):
    """A spending entry of the agreement's budget, in one category, on one date."""

    agreement = models.ForeignKey(
        "agreements.Agreement",
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="expenses",
    )
    spent_on = models.DateField(_("date"))
    category = models.CharField(_("category"), max_length=20, choices=ExpenseCategory.choices)
    description = models.CharField(_("description"), max_length=300)
    amount = _amount_field(_("amount (kr)"))
    grant = models.ForeignKey(
        Grant,
        verbose_name=_("paid from grant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="expenses",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("expense")
        verbose_name_plural = _("expenses")
        ordering = ["agreement", "spent_on", "pk"]
        indexes = [models.Index(fields=["agreement", "spent_on"])]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="expense_amount_positive"),
            models.CheckConstraint(
                condition=Q(category__in=[c.value for c in ExpenseCategory]),
                name="expense_category_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.spent_on}: {self.description}"


ZERO = Decimal("0.00")
