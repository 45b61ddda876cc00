"""Collaborations: the city's mapping (kartläggning) of who works with whom, and IOP agreements."""

import datetime
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models.functions import Collate
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samverkan.core.collation import SWEDISH_COLLATION


class CollaborationQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


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
    # Maintained by partnerships.search.index_text(): the Snowball stems of the title,
    # description and results, which SQLite's FTS5 table indexes. PostgreSQL indexes the texts
    # themselves in the generated column `search_vector`. See core/search.py.
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = CollaborationQuerySet.as_manager()

    class Meta:
        verbose_name = _("collaboration")
        verbose_name_plural = _("collaborations")
        ordering = ["title"]
        indexes = [
            # An agreement's collaborations in Swedish order of their titles: the list and its
            # API read a page from it instead of sorting the whole mapping, and with `is_public`
            # beside it PostgreSQL counts the public ones from the index once vacuumed.
            models.Index(
                models.F("agreement"),
                Collate("title", SWEDISH_COLLATION),
                models.F("id"),
                include=["is_public"],
                name="collaboration_swedish_title",
            ),
            # The figures count every collaboration of an agreement by its period and kind:
            # with those columns beside the agreement, PostgreSQL counts them from the index
            # alone (once vacuumed) instead of reading the wide rows (descriptions, results):
            # the four counting queries of the figures page 13.5 -> 7.5 ms on scale 10.
            models.Index(
                fields=["agreement"],
                include=["status", "kind", "starts_on", "ends_on", "mapping_year"],
                name="collaboration_periods",
            ),
        ]
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
            models.CheckConstraint(
                condition=~models.Q(status="ended") | models.Q(ends_on__isnull=False),
                name="ended_collaboration_has_end_date",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "partnerships:detail", kwargs={"agreement": self.agreement.slug, "slug": self.slug}
        )

    @property
    def is_iop(self) -> bool:
        return self.kind == self.Kind.IOP

    def period_start(self) -> datetime.date:
        """When the collaboration counts as started: its start, or the 1 January of the year of
        the mapping it was first recorded in when the start is unknown."""
        return self.starts_on or datetime.date(self.mapping_year, 1, 1)


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


# ---------------------------------------------------------------------------------------------
# IOP agreements (idéburet offentligt partnerskap)
# ---------------------------------------------------------------------------------------------


class IopCondition(models.TextChoices):
    """What keeps an IOP lawful (Upphandlingsmyndigheten's guidance; SPEC §4). The value is the
    prefix of the condition's three columns on IopAgreement and its part of the address."""

    OUTSIDE_PROCUREMENT = (
        "outside_procurement",
        _("Outside public procurement: not a direct award of a public contract (LOU)"),
    )
    STATE_AID = "state_aid", _("Compatible with the state-aid rules")
    OWN_CONTRIBUTION = "own_contribution", _("The non-profit party makes its own contribution")
    SHARED_PURPOSE = "shared_purpose", _("A shared purpose of general interest")
    NO_PURCHASE = "no_purchase", _("No business-like purchase of services")


CONDITION_HELP = {
    IopCondition.OUTSIDE_PROCUREMENT: _(
        "The city does not buy something it would otherwise have to procure; the initiative "
        "comes from the non-profit party."
    ),
    IopCondition.STATE_AID: _(
        "The support does not distort competition or is within the limits of the state-aid "
        "rules (e.g. de minimis or services of general economic interest)."
    ),
    IopCondition.OWN_CONTRIBUTION: _(
        "The non-profit party contributes its own means, volunteers, premises or competence."
    ),
    IopCondition.SHARED_PURPOSE: _(
        "Both parties pursue the same goal of general interest under the Local Government Act."
    ),
    IopCondition.NO_PURCHASE: _(
        "There is no price for delivered services and no ordering party; the parties trust "
        "each other rather than buy and sell."
    ),
}

# The conditions in the order the checklist shows them, and their part of the page's address.
CONDITION_SLUGS = {
    IopCondition.OUTSIDE_PROCUREMENT: "utanfor-lou",
    IopCondition.STATE_AID: "statsstod",
    IopCondition.OWN_CONTRIBUTION: "egen-insats",
    IopCondition.SHARED_PURPOSE: "gemensamt-syfte",
    IopCondition.NO_PURCHASE: "inte-kop-av-tjanst",
}
CONDITIONS_BY_SLUG = {slug: condition for condition, slug in CONDITION_SLUGS.items()}


def _condition_fields():
    """Three columns per condition: when it was confirmed, by whom, and a note."""
    fields = {}
    for condition in IopCondition:
        fields[f"{condition.value}_confirmed_at"] = models.DateTimeField(
            _("confirmed at"), null=True, blank=True
        )
        fields[f"{condition.value}_confirmed_by"] = models.ForeignKey(
            settings.AUTH_USER_MODEL,
            verbose_name=_("confirmed by"),
            null=True,
            blank=True,
            on_delete=models.SET_NULL,
            related_name="+",
        )
        fields[f"{condition.value}_note"] = models.TextField(_("note"), blank=True)
    return fields


def _all_conditions_confirmed() -> models.Q:
    q = models.Q()
    for condition in IopCondition:
        q &= models.Q(**{f"{condition.value}_confirmed_at__isnull": False})
    return q


class IopAgreementBase(models.Model):
    collaboration = models.OneToOneField(
        Collaboration,
        on_delete=models.CASCADE,
        related_name="iop",
        verbose_name=_("collaboration"),
    )
    purpose = models.TextField(_("shared purpose"))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    value = models.DecimalField(
        _("value (kronor)"),
        max_digits=14,
        decimal_places=2,
        help_text=_("The total value of the agreement in kronor, both parties' contributions."),
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked signed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    internal_note = models.TextField(
        _("internal note"),
        blank=True,
        help_text=_("Seen only by the coordinators and the parties' representatives."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


for _name, _field in _condition_fields().items():
    _field.contribute_to_class(IopAgreementBase, _name)


class IopAgreement(IopAgreementBase):
    """The IOP agreement of a collaboration of kind IOP: its period, value, purpose, and the
    checklist of conditions that keep it lawful. It is signed only with every condition
    confirmed; the database refuses a signed agreement with an unconfirmed condition."""

    class Meta:
        verbose_name = _("IOP agreement")
        verbose_name_plural = _("IOP agreements")
        ordering = ["collaboration__title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(signed_on__isnull=True) | _all_conditions_confirmed(),
                name="iop_signed_only_with_every_condition",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="iop_ends_after_it_starts",
            ),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="iop_value_not_negative"),
        ]

    def __str__(self):
        return str(self.collaboration)

    def get_absolute_url(self) -> str:
        return reverse(
            "partnerships:iop",
            kwargs={
                "agreement": self.collaboration.agreement.slug,
                "slug": self.collaboration.slug,
            },
        )

    @property
    def is_signed(self) -> bool:
        return self.signed_on is not None

    def checklist(self) -> list[dict]:
        """The conditions in order, each with its state."""
        return [
            {
                "condition": condition,
                "key": condition.value,
                "slug": CONDITION_SLUGS[condition],
                "label": condition.label,
                "help": CONDITION_HELP[condition],
                "confirmed_at": getattr(self, f"{condition.value}_confirmed_at"),
                "confirmed_by": getattr(self, f"{condition.value}_confirmed_by"),
                "note": getattr(self, f"{condition.value}_note"),
            }
            for condition in IopCondition
        ]

    def missing_conditions(self) -> list[IopCondition]:
        return [
            condition
            for condition in IopCondition
            if getattr(self, f"{condition.value}_confirmed_at") is None
        ]


def iop_document_path(document, filename: str) -> str:
    return f"iop/{document.iop_id}/{PurePath(filename).name}"


class IopDocument(models.Model):
    """A document of an IOP agreement (the signed agreement, an annex, a follow-up report).
    Served through a view to the coordinators and the parties' representatives only."""

    iop = models.ForeignKey(IopAgreement, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=iop_document_path, max_length=300)
    content_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveIntegerField(editable=False)
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
        verbose_name = _("IOP document")
        verbose_name_plural = _("IOP documents")
        ordering = ["-uploaded_at", "-id"]

    def __str__(self):
        return self.title


class IopFollowUp(models.Model):
    """A follow-up entry of an IOP agreement: what was done, how it went."""

    iop = models.ForeignKey(IopAgreement, on_delete=models.CASCADE, related_name="follow_ups")
    followed_up_on = models.DateField(_("date"))
    text = models.TextField(_("follow-up"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("IOP follow-up")
        verbose_name_plural = _("IOP follow-ups")
        ordering = ["-followed_up_on", "-id"]

    def __str__(self):
        return f"{self.iop} {self.followed_up_on}"
