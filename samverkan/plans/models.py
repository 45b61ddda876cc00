"""The collaboration plan (samarbetsplan): its periods, revisions, activities and follow-up."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samverkan.actors.models import Organisation
from samverkan.agreements.models import Agreement
from samverkan.core.models import RecordedChange


class PlanPeriod(models.Model):
    """A collaboration plan of an agreement for a span of years (2018–2022, 2021–2026)."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="plans"
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=120)
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"))
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_by = models.CharField(
        _("adopted by"), max_length=200, blank=True, help_text=_("E.g. the city board.")
    )
    summary = models.TextField(_("summary"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("collaboration plan")
        verbose_name_plural = _("collaboration plans")
        ordering = ["agreement", "-first_year"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "slug"], name="unique_plan_slug"),
            models.CheckConstraint(
                condition=models.Q(last_year__gte=models.F("first_year")),
                name="plan_years_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:detail", kwargs={"agreement": self.agreement.slug, "slug": self.slug})

    def has_ended(self, day) -> bool:
        """Whether the plan's last year is over on `day`."""
        return self.last_year < day.year

    def has_started(self, day) -> bool:
        return self.first_year <= day.year


class PlanRevision(models.Model):
    """A revision of the plan: once per mandate period (Swedish elections every four years)."""

    plan = models.ForeignKey(PlanPeriod, on_delete=models.CASCADE, related_name="revisions")
    mandate_period = models.CharField(
        _("mandate period"), max_length=20, help_text=_("E.g. 2019–2022.")
    )
    revised_on = models.DateField(_("revised on"))
    summary = models.TextField(_("what changed"))
    decided_in = models.ForeignKey(
        "governance.MinutesParagraph",
        verbose_name=_("decided in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("plan revision")
        verbose_name_plural = _("plan revisions")
        ordering = ["plan", "-revised_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "mandate_period"], name="one_revision_per_mandate_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan} ({self.mandate_period})"


class ActivityStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    STARTED = "started", _("Started")
    DELAYED = "delayed", _("Delayed")
    DONE = "done", _("Done")


class PlanActivity(models.Model):
    """An activity of the plan, with its planned year, responsible party and current status."""

    plan = models.ForeignKey(
        PlanPeriod, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="activities"
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    planned_year = models.PositiveSmallIntegerField(_("planned year"))
    responsible = models.CharField(
        _("responsible"), max_length=200, help_text=_("E.g. the coordinators, the city office.")
    )
    responsible_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("responsible organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    area = models.ForeignKey(
        "areas.PriorityArea",
        verbose_name=_("priority area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ActivityStatus.choices,
        default=ActivityStatus.NOT_STARTED,
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("plan activity")
        verbose_name_plural = _("plan activities")
        ordering = ["plan", "planned_year", "position", "title"]

    def __str__(self) -> str:
        return self.title


class ActivityStatusChange(RecordedChange):
    """The history of an activity's status: what the follow-up reports year by year."""

    activity = models.ForeignKey(
        PlanActivity, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(_("status"), max_length=20, choices=ActivityStatus.choices)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["activity", "-changed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.activity}: {self.get_status_display()} ({self.changed_on})"
