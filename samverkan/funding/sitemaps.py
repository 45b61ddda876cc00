"""Public pages of this app, merged into /sitemap.xml by samverkan/urls.py."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from samverkan.agreements.models import Agreement
from samverkan.funding import selectors
from samverkan.funding.models import FundingCall


class _PerAgreement(Sitemap):
    url_name = ""

    def items(self):
        return Agreement.objects.order_by("pk").only("slug")

    def location(self, agreement):
        return reverse(self.url_name, kwargs={"agreement": agreement.slug})


class CallListSitemap(_PerAgreement):
    changefreq = "daily"
    url_name = "funding:list"


class FunderListSitemap(_PerAgreement):
    changefreq = "monthly"
    url_name = "funding:funders"


class BudgetSitemap(_PerAgreement):
    changefreq = "monthly"
    url_name = "funding:budget"


class CallSitemap(Sitemap):
    """Each open call, under each agreement that shows it (national calls under every one)."""

    changefreq = "weekly"

    def items(self):
        agreements = list(Agreement.objects.order_by("pk").only("slug"))
        calls = list(FundingCall.objects.open().order_by("pk").only("slug", "agreement_id"))
        return [
            (agreement, call)
            for agreement in agreements
            for call in calls
            if call.agreement_id in (None, agreement.pk)
        ]

    def location(self, item):
        agreement, call = item
        return call.url_in(agreement)


class BudgetYearSitemap(Sitemap):
    """The economic account of each year that has grants or expenses."""

    changefreq = "monthly"

    def items(self):
        return [
            (agreement, summary.year)
            for agreement in Agreement.objects.order_by("pk").only("slug")
            for summary in selectors.budget_years(agreement)
        ]

    def location(self, item):
        agreement, year = item
        return reverse("funding:budget_year", kwargs={"agreement": agreement.slug, "year": year})


SITEMAPS = {
    "funding-call-lists": CallListSitemap,
    "funding-calls": CallSitemap,
    "funders": FunderListSitemap,
    "budgets": BudgetSitemap,
    "budget-years": BudgetYearSitemap,
}
