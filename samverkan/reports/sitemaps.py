"""Public pages of this app, merged into /sitemap.xml by samverkan/urls.py: each agreement's
list of annual reports and every published report."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from samverkan.agreements.models import Agreement
from samverkan.reports.models import AnnualReport, ReportStatus


class ReportListSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Agreement.objects.order_by("pk").only("slug")

    def location(self, agreement):
        return reverse("reports:list", kwargs={"agreement": agreement.slug})


class ReportSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        return (
            AnnualReport.objects.filter(status=ReportStatus.PUBLISHED)
            .select_related("agreement")
            .only("year", "published_at", "agreement__slug")
            .order_by("pk")
        )

    def location(self, report):
        return reverse(
            "reports:detail", kwargs={"agreement": report.agreement.slug, "year": report.year}
        )

    def lastmod(self, report):
        return report.published_at


SITEMAPS = {
    "annual-report-lists": ReportListSitemap,
    "annual-reports": ReportSitemap,
}
