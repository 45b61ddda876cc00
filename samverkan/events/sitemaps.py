"""Public pages of this app, merged into /sitemap.xml by samverkan/urls.py."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone

from samverkan.agreements.models import Agreement
from samverkan.events.models import Event


class CalendarPagesSitemap(Sitemap):
    """Each agreement's calendar list, this month's view and the figures of each year with
    events."""

    changefreq = "daily"

    def items(self):
        today = timezone.localdate()
        items = []
        for slug in Agreement.objects.order_by("pk").values_list("slug", flat=True):
            items.append(("events:calendar", {"agreement": slug}))
            items.append(
                ("events:month", {"agreement": slug, "year": today.year, "month": today.month})
            )
            items.append(("events:figures_current", {"agreement": slug}))
        years = (
            Event.objects.published()
            .exclude(status=Event.Status.CANCELLED)
            .values_list("agreement__slug", "starts_at__year")
            .distinct()
            .order_by("agreement__slug", "starts_at__year")
        )
        items += [("events:figures", {"agreement": slug, "year": year}) for slug, year in years]
        return items

    def location(self, item):
        name, kwargs = item
        return reverse(name, kwargs=kwargs)


class EventSitemap(Sitemap):
    """Published events; drafts are not public."""

    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Event.objects.published().select_related("agreement").order_by("pk")

    def lastmod(self, event):
        return event.updated_at


SITEMAPS = {"event-pages": CalendarPagesSitemap, "events": EventSitemap}
