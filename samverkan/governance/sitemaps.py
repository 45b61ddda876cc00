"""Public pages of this app, merged into /sitemap.xml by samverkan/urls.py."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from samverkan.agreements.models import Agreement
from samverkan.governance.models import Body, Meeting


class AgreementPagesSitemap(Sitemap):
    """The bodies page and the decisions page of every agreement."""

    changefreq = "weekly"

    def items(self):
        return [
            (name, slug)
            for slug in Agreement.objects.order_by("pk").values_list("slug", flat=True)
            for name in ("governance:bodies", "governance:decisions")
        ]

    def location(self, item):
        name, slug = item
        return reverse(name, kwargs={"agreement": slug})


class BodySitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Body.objects.select_related("agreement").order_by("pk")


class MeetingSitemap(Sitemap):
    """Meetings whose minutes are adjusted and published; no others."""

    changefreq = "yearly"
    limit = 5000

    def items(self):
        return (
            Meeting.objects.filter(status=Meeting.Status.ADJUSTED)
            .select_related("body__agreement")
            .order_by("pk")
        )

    def lastmod(self, obj):
        return obj.published_at


SITEMAPS = {
    "governance-pages": AgreementPagesSitemap,
    "bodies": BodySitemap,
    "meetings": MeetingSitemap,
}
