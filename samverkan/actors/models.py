from django.conf import settings
from django.db import models
from django.db.models.functions import Collate
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samverkan.actors.validators import validate_organisation_number
from samverkan.core.collation import SWEDISH_COLLATION


class Sector(models.TextChoices):
    CIVIL_SOCIETY = "civil", _("Non-profit sector")
    MUNICIPALITY = "municipal", _("The city")
    ACADEMIA = "academia", _("Academia")
    BUSINESS = "business", _("Business")
    AUTHORITY = "authority", _("Other public authority")


class LegalForm(models.TextChoices):
    ASSOCIATION = "association", _("Non-profit association")
    FOUNDATION = "foundation", _("Foundation")
    RELIGIOUS_COMMUNITY = "religious", _("Religious community")
    ECONOMIC_ASSOCIATION = "economic", _("Economic association")
    UMBRELLA = "umbrella", _("Umbrella organisation")
    ADMINISTRATION = "administration", _("Municipal administration")
    COMMITTEE = "committee", _("Municipal committee")
    UNIVERSITY = "university", _("University or college")
    COMPANY = "company", _("Company")
    AUTHORITY = "authority", _("Public authority")
    OTHER = "other", _("Other")


# Which legal forms belong to which sector (SPEC §1).
LEGAL_FORMS_BY_SECTOR = {
    Sector.CIVIL_SOCIETY: {
        LegalForm.ASSOCIATION,
        LegalForm.FOUNDATION,
        LegalForm.RELIGIOUS_COMMUNITY,
        LegalForm.ECONOMIC_ASSOCIATION,
        LegalForm.UMBRELLA,
        LegalForm.OTHER,
    },
    Sector.MUNICIPALITY: {LegalForm.ADMINISTRATION, LegalForm.COMMITTEE, LegalForm.OTHER},
    Sector.ACADEMIA: {LegalForm.UNIVERSITY, LegalForm.FOUNDATION, LegalForm.OTHER},
    Sector.BUSINESS: {LegalForm.COMPANY, LegalForm.ECONOMIC_ASSOCIATION, LegalForm.OTHER},
    Sector.AUTHORITY: {LegalForm.AUTHORITY, LegalForm.OTHER},
}


# What an organisation's representatives edit on its profile (the form and the services).
PROFILE_FIELDS = [
    "name",
    "organisation_number",
    "description",
    "email",
    "phone",
    "website",
    "street_address",
    "postal_code",
    "city",
]
PROFILE_RELATIONS = ["districts", "interest_areas", "umbrellas"]


class District(models.Model):
    """A district (område) of a municipality where organisations are active."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("short name in addresses"), max_length=120, unique=True)
    municipality = models.CharField(_("municipality"), max_length=100, default="Malmö")

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="unique_district_name")
        ]

    def __str__(self) -> str:
        return self.name


class InterestArea(models.Model):
    """What an organisation works with: sport, culture, health, …"""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("short name in addresses"), max_length=120, unique=True)

    class Meta:
        verbose_name = _("area of interest")
        verbose_name_plural = _("areas of interest")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OrganisationQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def umbrellas(self):
        return self.filter(legal_form=LegalForm.UMBRELLA)


class Organisation(models.Model):
    """An actor of any sector: association, administration, committee, university, company."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=220, unique=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    legal_form = models.CharField(_("legal form"), max_length=20, choices=LegalForm.choices)
    organisation_number = models.CharField(
        _("organisation number"),
        max_length=11,
        blank=True,
        validators=[validate_organisation_number],
        help_text=_("Ten digits, e.g. 802000-1234."),
    )
    description = models.TextField(_("description"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    districts = models.ManyToManyField(
        District, verbose_name=_("districts"), blank=True, related_name="organisations"
    )
    interest_areas = models.ManyToManyField(
        InterestArea,
        verbose_name=_("areas of interest"),
        blank=True,
        related_name="organisations",
    )
    umbrellas = models.ManyToManyField(
        "self",
        verbose_name=_("member of umbrella organisations"),
        symmetrical=False,
        blank=True,
        related_name="umbrella_members",
        limit_choices_to={"legal_form": LegalForm.UMBRELLA},
    )
    part_of = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="parts",
        help_text=_("E.g. the committee an administration serves."),
    )
    is_public = models.BooleanField(_("shown in the public register"), default=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Maintained by actors.search.reindex_organisation(): the text that search looks at
    # (PostgreSQL's generated column `search_vector` indexes it with the 'swedish' configuration)
    # and its Snowball stems (SQLite's FTS5 table indexes those). See core/search.py.
    search_text = models.TextField(editable=False, blank=True, default="")
    search_stems = models.TextField(editable=False, blank=True, default="")

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [
            # Organisations in Swedish order: the register and its API read their first page
            # from it, the lists of organisations taking part in something (the collaborations'
            # filter) walk it until they have enough, and with `is_public` beside it PostgreSQL
            # counts the public register from the index alone once the table is vacuumed.
            models.Index(
                Collate("name", SWEDISH_COLLATION),
                models.F("id"),
                include=["is_public"],
                name="organisation_swedish_name",
            ),
            # The start page says how many organisations the register shows; counting them
            # from this small index, without reading the wide rows (texts, search vector),
            # keeps that count a few milliseconds at 30 000 organisations.
            models.Index(
                fields=["id"], condition=models.Q(is_public=True), name="organisation_public"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation_number"],
                condition=models.Q(sector="civil") & ~models.Q(organisation_number=""),
                name="unique_civil_organisation_number",
                violation_error_message=_(
                    "An organisation with this organisation number is already registered."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(sector__in=[s.value for s in Sector]),
                name="organisation_sector_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("actors:organisation", kwargs={"slug": self.slug})

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        allowed = LEGAL_FORMS_BY_SECTOR.get(self.sector, set())
        if self.sector and self.legal_form and self.legal_form not in allowed:
            raise ValidationError(
                {
                    "legal_form": _("%(form)s is not a legal form of the sector %(sector)s.")
                    % {
                        "form": self.get_legal_form_display(),
                        "sector": self.get_sector_display(),
                    }
                }
            )

    @property
    def is_civil_society(self) -> bool:
        return self.sector == Sector.CIVIL_SOCIETY


class RepresentationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Representation.Status.CONFIRMED)

    def pending(self):
        return self.filter(status=Representation.Status.PENDING)


class Representation(models.Model):
    """A person acting for an organisation (ombud). Only a confirmed one may act."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected")
        ENDED = "ended", _("Ended")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="representations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="representations",
    )
    title = models.CharField(
        _("role in the organisation"),
        max_length=100,
        blank=True,
        help_text=_("E.g. chair, secretary, unit manager."),
    )
    motivation = models.TextField(_("message to the organisation"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_note = models.TextField(_("note"), blank=True)

    objects = RepresentationQuerySet.as_manager()

    class Meta:
        verbose_name = _("representation")
        verbose_name_plural = _("representations")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=models.Q(status__in=["pending", "confirmed"]),
                name="one_open_representation_per_person_and_organisation",
            )
        ]
        indexes = [
            # The requests waiting for an answer, oldest first (My pages, the coordinators'
            # queue): the first few and their count read from this index alone, not from
            # every representation ever asked for.
            models.Index(
                fields=["requested_at"],
                condition=models.Q(status="pending"),
                name="pending_representations_by_age",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"
