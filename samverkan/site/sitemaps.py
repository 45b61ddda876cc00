from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class StaticPagesSitemap(Sitemap):
    """Public pages that are not objects. Apps add their own sitemaps in samverkan/urls.py."""

    changefreq = "weekly"
    pages = [
        "site:home",
        "core:accessibility",
        "core:privacy",
        "core:designsystem",
        "actors:register",
        "api-info",
        "account_login",
        "account_signup",
        "account_reset_password",
    ]

    def items(self):
        return self.pages

    def location(self, item):
        return reverse(item)
