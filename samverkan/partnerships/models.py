"""Collaborations: the city's mapping (kartläggning) of who works with whom, and IOP agreements."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Collaboration(models.Model):
    """A collaboration between organisations of an agreement, as the mapping records it."""

    class Kind(models.TextChoices):
        IOP = "iop", _("IOP (public–civil partnership)")
        PROJECT = "project", _("Project")
        NETWORK = "network", _("Network")
        DIALOGUE = "dialogue", _("Dialogue")
        GRANT_FUNDED = "grant_funded", _("Grant-funded")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        ENDED = "ended", _("Ended")

    agreement = models.ForeignKey(
        "agreements.Agreement",
        on_delete=models.CASCADE,
        related_name="collaborations",
        verbose_name=_("agreement"),
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("short name in addresses"), max_length=320)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PROJECT)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RUNNING
    )
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    results = models.TextField(_("results"), blank=True)
    mapping_year = models.PositiveSmallIntegerField(_("first recorded in the mapping of"))
    areas = models.ManyToManyField(
        "areas.PriorityArea", blank=True, related_name="collaborations", verbose_name=_("areas")
    )
    districts = models.ManyToManyField(
        "actors.District", blank=True, related_name="collaborations", verbose_name=_("districts")
    )
    is_public = models.BooleanField(_("shown in the public mapping"), default=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("collaboration")
        verbose_name_plural = _("collaborations")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "slug"], name="collaboration_slug_per_agreement"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="collaboration_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return self.title


class CollaborationParty(models.Model):
    """An organisation taking part in a collaboration, in a role."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        PARTNER = "partner", _("Partner")
        FUNDER = "funder", _("Funder")
        OTHER = "other", _("Other")

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="parties"
    )
    organisation = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.PROTECT,
        related_name="collaboration_parties",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTNER)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["collaboration", "role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "organisation"], name="party_once_per_collaboration"
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"
