"""The association centre: venues (Nobel 21 first) and their rooms."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Venue(models.Model):
    """A meeting place an agreement offers, such as the association centre Nobel 21."""

    agreement = models.ForeignKey(
        "agreements.Agreement",
        on_delete=models.CASCADE,
        related_name="venues",
        verbose_name=_("agreement"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "slug"], name="venue_slug_per_agreement")
        ]

    def __str__(self):
        return self.name


class Room(models.Model):
    """A room of a venue that events take place in and organisations book."""

    venue = models.ForeignKey(
        Venue, on_delete=models.CASCADE, related_name="rooms", verbose_name=_("venue")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=120)
    capacity = models.PositiveIntegerField(_("seats"))
    equipment = models.TextField(_("equipment"), blank=True)
    accessibility_notes = models.TextField(_("accessibility"), blank=True)
    is_bookable = models.BooleanField(_("can be booked"), default=True)

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["venue", "name"]
        constraints = [
            models.UniqueConstraint(fields=["venue", "slug"], name="room_slug_per_venue"),
            models.CheckConstraint(condition=models.Q(capacity__gt=0), name="room_has_seats"),
        ]

    def __str__(self):
        return f"{self.name}, {self.venue.name}"
