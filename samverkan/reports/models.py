"""The annual report of an agreement to the city board, compiled from the platform's data.

A report is a snapshot: `compile_report` (services.py) reads the data into `snapshot` (the
figures, tables and charts of every section, see snapshot.py for its shape); coordinators write
the narrative of each section into `texts` and the memo to the board into `memo`. A report moves
draft -> approved -> published. While it is a draft it can be recompiled; once published its
snapshot, texts and memo are frozen and the report is public.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samverkan.agreements.models import Agreement


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")


class AnnualReport(models.Model):
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="annual_reports",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    snapshot = models.JSONField(_("compiled figures"), default=dict, blank=True)
    data_read_at = models.DateTimeField(_("data read at"), null=True, blank=True)
    texts = models.JSONField(_("texts of the sections"), default=dict, blank=True)
    memo = models.JSONField(_("memo to the board"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["agreement", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "year"], name="one_annual_report_per_agreement_and_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agreement} {self.year}"

    @property
    def is_frozen(self) -> bool:
        return self.status == ReportStatus.PUBLISHED


class ChannelFigure(models.Model):
    """A figure recorded by hand for a channel outside the platform (the newsletter's
    subscribers, followers on social media, visits to the website) for a year, for the report's
    communication section."""

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="channel_figures",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    channel = models.CharField(_("channel"), max_length=100)
    measure = models.CharField(_("what is counted"), max_length=150)
    value = models.PositiveIntegerField(_("value"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("figure of an outside channel")
        verbose_name_plural = _("figures of outside channels")
        ordering = ["agreement", "year", "channel", "measure"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "year", "channel", "measure"],
                name="one_channel_figure_per_measure",
            )
        ]

    def __str__(self) -> str:
        return f"{self.channel}: {self.measure} {self.year}"
