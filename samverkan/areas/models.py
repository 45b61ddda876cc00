"""Priority areas (samhällsutmaningar), their co-hosting (värdskap), phases and focus areas."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samverkan.actors.models import Organisation, Sector
from samverkan.agreements.models import Agreement
from samverkan.core.links import slug_address
from samverkan.core.models import RecordedChange

PLAN_YEARS_PER_AREA = 4  # "about four years per area" (the plan's method)


class SustainabilityGoal(models.Model):
    """One of the 17 goals of Agenda 2030 (de globala målen)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        verbose_name = _("sustainability goal")
        verbose_name_plural = _("sustainability goals")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Phase(models.IntegerChoices):
    """The phases of the plan's method, in order."""

    FINDING_HOSTS = 1, _("Finding hosts")
    DIALOGUE = 2, _("Dialogue and matching")
    DEVELOPMENT = 3, _("Development and innovation")
    RESULTS = 4, _("Compiling and spreading results")
    EVALUATION = 5, _("Evaluation and follow-up")


class PriorityArea(models.Model):
    """A priority challenge of an agreement, co-hosted by one non-profit and one administration."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="areas"
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=120)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    phase = models.PositiveSmallIntegerField(
        _("phase"), choices=Phase.choices, default=Phase.FINDING_HOSTS
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)
    ended_on = models.DateField(
        _("ended on"),
        null=True,
        blank=True,
        help_text=_("The last day of the work on the area; empty while it runs."),
    )
    from_plan = models.BooleanField(
        _("from the collaboration plan"),
        default=False,
        help_text=_("One of the plan's own priority challenges, not added later."),
    )
    goals = models.ManyToManyField(
        SustainabilityGoal, verbose_name=_("sustainability goals"), blank=True, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("priority area")
        verbose_name_plural = _("priority areas")
        ordering = ["agreement", "position", "title"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "slug"], name="unique_area_slug"),
            models.CheckConstraint(
                condition=models.Q(phase__gte=1, phase__lte=5), name="area_phase_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(started_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="area_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        # From one reverse() per agreement: the lists of areas (the page, the API) ask each row.
        return slug_address("areas:detail", self.slug, agreement=self.agreement.slug)

    def has_ended(self, day) -> bool:
        return self.ended_on is not None and self.ended_on < day


class PhaseChange(RecordedChange):
    """A move of an area to a phase: when, by whom and why. The area keeps its current phase."""

    area = models.ForeignKey(PriorityArea, on_delete=models.CASCADE, related_name="phase_changes")
    phase = models.PositiveSmallIntegerField(_("phase"), choices=Phase.choices)

    class Meta:
        verbose_name = _("phase change")
        verbose_name_plural = _("phase changes")
        ordering = ["-changed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.area}: {self.get_phase_display()} ({self.changed_on})"


class HostSide(models.TextChoices):
    CIVIL_SOCIETY = "civil", _("Non-profit host")
    CITY = "city", _("City host")


# Which sector of organisation may host on which side.
SECTOR_OF_SIDE = {HostSide.CIVIL_SOCIETY: Sector.CIVIL_SOCIETY, HostSide.CITY: Sector.MUNICIPALITY}


class Hosting(models.Model):
    """A hosting agreement (värdskap): one organisation hosts one side of an area for a period.

    At any date an area has at most one host per side: the services check it, PostgreSQL's
    exclusion constraint guarantees it (migration 0002), and on SQLite a partial unique
    constraint guarantees one open-ended hosting per side. Ended hostings are kept as history.
    """

    area = models.ForeignKey(
        PriorityArea, verbose_name=_("area"), on_delete=models.CASCADE, related_name="hostings"
    )
    side = models.CharField(_("side"), max_length=10, choices=HostSide.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="hostings",
    )
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hostings",
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    agreement_reference = models.CharField(
        _("hosting agreement"),
        max_length=200,
        blank=True,
        help_text=_("Diary number or title of the hosting agreement."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hosting")
        verbose_name_plural = _("hostings")
        ordering = ["area", "side", "-starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "side"],
                condition=models.Q(ends_on__isnull=True),
                name="one_open_hosting_per_side",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="hosting_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.area}: {self.organisation} ({self.get_side_display()})"

    def is_active_on(self, day) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


class FocusArea(models.Model):
    """The focus area an agreement's steering group chose for one year."""

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="focus_areas",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    areas = models.ManyToManyField(
        PriorityArea, verbose_name=_("priority areas"), blank=True, related_name="focus_areas"
    )
    proposal = models.OneToOneField(
        "FocusAreaProposal",
        verbose_name=_("proposal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="focus_area",
    )
    decided_in = models.ForeignKey(
        "governance.MinutesParagraph",
        verbose_name=_("decided in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        ordering = ["agreement", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "year"], name="one_focus_area_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.title}"


class FocusAreaProposal(models.Model):
    """A member's proposal of a focus area for a coming year."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        PREPARED = "prepared", _("Prepared by the coordinators")
        ON_AGENDA = "on_agenda", _("On the steering group's agenda")
        ADOPTED = "adopted", _("Adopted")
        NOT_ADOPTED = "not_adopted", _("Not adopted")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="focus_proposals",
    )
    year = models.PositiveSmallIntegerField(_("for the year"))
    title = models.CharField(_("title"), max_length=300)
    motivation = models.TextField(_("motivation"))
    areas = models.ManyToManyField(
        PriorityArea, verbose_name=_("priority areas"), blank=True, related_name="+"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="focus_proposals",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    preparation_note = models.TextField(_("the coordinators' preparation"), blank=True)
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("focus area proposal")
        verbose_name_plural = _("focus area proposals")
        ordering = ["-year", "-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("areas:proposal", kwargs={"agreement": self.agreement.slug, "pk": self.pk})


class ProposalSupport(models.Model):
    """One person's support of a proposal: once per person, never one's own."""

    proposal = models.ForeignKey(
        FocusAreaProposal, on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="proposal_supports"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="support_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.proposal}"
