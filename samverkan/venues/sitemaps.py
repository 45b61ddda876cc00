"""Public pages of this app, merged into /sitemap.xml by samverkan/urls.py: each agreement's
list of meeting places, each venue, its figures and each of its rooms (the week view)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from samverkan.agreements.models import Agreement
from samverkan.venues.models import Room, Venue


class VenueListSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Agreement.objects.filter(venues__isnull=False).distinct().order_by("pk").only("slug")

    def location(self, agreement):
        return reverse("venues:list", kwargs={"agreement": agreement.slug})


class VenueSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Venue.objects.select_related("agreement").order_by("pk")


class VenueFiguresSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Venue.objects.select_related("agreement").order_by("pk")

    def location(self, venue):
        return reverse(
            "venues:figures", kwargs={"agreement": venue.agreement.slug, "venue": venue.slug}
        )


class RoomSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Room.objects.select_related("venue__agreement").order_by("pk")


SITEMAPS = {
    "venue-lists": VenueListSitemap,
    "venues": VenueSitemap,
    "venue-figures": VenueFiguresSitemap,
    "rooms": RoomSitemap,
}
