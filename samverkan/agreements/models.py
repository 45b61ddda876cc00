from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Agreement(models.Model):
    """A local agreement (lokal överenskommelse) between a municipality and its civil society.

    Areas, focus areas, bodies, the plan, budget and reports hang off an agreement; organisations
    and people are shared by all agreements of an installation.
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), unique=True)
    municipality = models.CharField(_("municipality"), max_length=100)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    vision = models.TextField(_("vision"), blank=True)
    plan_title = models.CharField(_("plan title"), max_length=200, blank=True)
    plan_text = models.TextField(_("plan text"), blank=True)
    is_primary = models.BooleanField(
        _("shown on the start page"),
        default=False,
        help_text=_("The agreement the start page presents. Only one can be marked."),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_primary"],
                condition=models.Q(is_primary=True),
                name="one_primary_agreement",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("agreements:detail", kwargs={"slug": self.slug})
