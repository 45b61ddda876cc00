"""Public pages of this app, merged into /sitemap.xml by samverkan/urls.py."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from samverkan.agreements.models import Agreement
from samverkan.matching.models import Posting


class _AgreementListSitemap(Sitemap):
    changefreq = "daily"
    url_name = ""

    def items(self):
        return Agreement.objects.order_by("pk").only("slug")

    def location(self, agreement):
        return reverse(self.url_name, kwargs={"agreement": agreement.slug})


class NeedListSitemap(_AgreementListSitemap):
    url_name = "matching:needs"


class OfferListSitemap(_AgreementListSitemap):
    url_name = "matching:offers"


class PostingSitemap(Sitemap):
    """Each open posting that has not passed its last day."""

    changefreq = "weekly"

    def items(self):
        return (
            Posting.objects.filter(status=Posting.Status.OPEN)
            .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=timezone.localdate()))
            .select_related("agreement")
            .order_by("pk")
        )

    def lastmod(self, posting):
        return posting.updated_at


SITEMAPS = {
    "matching-needs": NeedListSitemap,
    "matching-offers": OfferListSitemap,
    "postings": PostingSitemap,
}
