"""Public pages of this app, merged into /sitemap.xml by samverkan/urls.py."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from samverkan.agreements.models import Agreement
from samverkan.plans.models import PlanPeriod


class PlanListSitemap(Sitemap):
    """The plans page of every agreement that has a plan."""

    changefreq = "monthly"

    def items(self):
        return Agreement.objects.filter(plans__isnull=False).distinct().order_by("pk")

    def location(self, agreement):
        return reverse("plans:list", kwargs={"agreement": agreement.slug})


class PlanSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return PlanPeriod.objects.select_related("agreement").order_by("pk")


class PlanFollowUpSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return PlanPeriod.objects.select_related("agreement").order_by("pk")

    def location(self, plan):
        return reverse(
            "plans:follow_up", kwargs={"agreement": plan.agreement.slug, "slug": plan.slug}
        )


SITEMAPS = {
    "plan-lists": PlanListSitemap,
    "plans": PlanSitemap,
    "plan-follow-ups": PlanFollowUpSitemap,
}
