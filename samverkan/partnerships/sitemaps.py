"""Public pages of this app, merged into /sitemap.xml by samverkan/urls.py."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from samverkan.agreements.models import Agreement
from samverkan.partnerships.models import Collaboration, IopAgreement


class CollaborationListSitemap(Sitemap):
    """Each agreement's mapping of collaborations and its figures."""

    changefreq = "weekly"

    def items(self):
        return [
            (agreement.slug, name)
            for agreement in Agreement.objects.order_by("pk").only("slug")
            for name in ("partnerships:list", "partnerships:figures")
        ]

    def location(self, item):
        slug, name = item
        return reverse(name, kwargs={"agreement": slug})


class CollaborationSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Collaboration.objects.public().select_related("agreement").order_by("pk")

    def lastmod(self, collaboration):
        return collaboration.updated_at


class IopSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return (
            IopAgreement.objects.filter(collaboration__is_public=True)
            .select_related("collaboration__agreement")
            .order_by("pk")
        )

    def lastmod(self, iop):
        return iop.updated_at


SITEMAPS = {
    "collaboration-lists": CollaborationListSitemap,
    "collaborations": CollaborationSitemap,
    "iop-agreements": IopSitemap,
}
