"""Needs and offers (postings) of organisations, and the matches between them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Posting(models.Model):
    """A need or an offer that an ombud or a tjänsteperson posts for their organisation."""

    class Direction(models.TextChoices):
        NEED = "need", _("Need")
        OFFER = "offer", _("Offer")

    class Kind(models.TextChoices):
        PARTNER = "partner", _("Partner")
        PREMISES = "premises", _("Premises")
        VOLUNTEERS = "volunteers", _("Volunteers")
        COMPETENCE = "competence", _("Competence")
        FUNDING = "funding", _("Funding")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        CLOSED = "closed", _("Closed")

    agreement = models.ForeignKey(
        "agreements.Agreement",
        on_delete=models.CASCADE,
        related_name="postings",
        verbose_name=_("agreement"),
    )
    organisation = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.CASCADE,
        related_name="postings",
        verbose_name=_("organisation"),
    )
    direction = models.CharField(_("need or offer"), max_length=10, choices=Direction.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    areas = models.ManyToManyField(
        "areas.PriorityArea", blank=True, related_name="postings", verbose_name=_("areas")
    )
    districts = models.ManyToManyField(
        "actors.District", blank=True, related_name="postings", verbose_name=_("districts")
    )
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("posted by"),
    )
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("need or offer")
        verbose_name_plural = _("needs and offers")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["agreement", "direction", "status"])]

    def __str__(self):
        return self.title
