"""Public pages of this app, merged into /sitemap.xml by samverkan/urls.py."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from samverkan.agreements.models import Agreement
from samverkan.areas.models import FocusAreaProposal, PriorityArea


class AreaListSitemap(Sitemap):
    """Each agreement's list of priority areas."""

    changefreq = "monthly"

    def items(self):
        return Agreement.objects.order_by("pk").only("slug")

    def location(self, agreement):
        return reverse("areas:list", kwargs={"agreement": agreement.slug})


class FocusAreasSitemap(Sitemap):
    """Each agreement's focus areas and open proposals."""

    changefreq = "weekly"

    def items(self):
        return Agreement.objects.order_by("pk").only("slug")

    def location(self, agreement):
        return reverse("areas:focus_areas", kwargs={"agreement": agreement.slug})


class AreaSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return PriorityArea.objects.select_related("agreement").order_by("pk")


class ProposalSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return (
            FocusAreaProposal.objects.exclude(status=FocusAreaProposal.Status.WITHDRAWN)
            .select_related("agreement")
            .order_by("pk")
        )


SITEMAPS = {
    "areas": AreaSitemap,
    "area-lists": AreaListSitemap,
    "focus-areas": FocusAreasSitemap,
    "focus-area-proposals": ProposalSitemap,
}
