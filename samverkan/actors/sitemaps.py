from django.contrib.sitemaps import Sitemap

from samverkan.actors.models import Organisation


class OrganisationSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Organisation.objects.public().order_by("pk").only("slug", "updated_at")

    def lastmod(self, obj):
        return obj.updated_at
