from django.contrib.sitemaps import Sitemap

from samverkan.agreements.models import Agreement


class AgreementSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Agreement.objects.order_by("pk")
