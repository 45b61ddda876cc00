"""Calendar feeds: iCalendar of all events, of an area, of a person's registrations (by a
secret link); the Atom feed of coming events."""

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from samverkan.agreements.selectors import get_agreement
from samverkan.areas.models import PriorityArea
from samverkan.core import formatting
from samverkan.events import ical, selectors
from samverkan.events.models import CalendarToken

FEED_SIZE = 50


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
def agreement_ics(request, agreement):
    agreement = get_agreement(agreement)
    body = ical.build_calendar(
        selectors.feed_events(agreement),
        name=_("Events of %(agreement)s") % {"agreement": agreement.name},
    )
    return _ics(body, f"{agreement.slug}.ics")


@require_safe
def area_ics(request, agreement, area):
    agreement = get_agreement(agreement)
    area = get_object_or_404(PriorityArea, agreement=agreement, slug=area)
    body = ical.build_calendar(
        selectors.feed_events(agreement, area=area),
        name=_("Events of %(area)s") % {"area": area.title},
    )
    return _ics(body, f"{area.slug}.ics")


@require_safe
def personal_ics(request, agreement, token):
    """The person's registrations. The address is the secret: a wrong or renewed token is 404,
    whoever asks."""
    agreement = get_agreement(agreement)
    owner = (
        CalendarToken.objects.select_related("user")
        .filter(token=token, user__is_active=True)
        .first()
    )
    if owner is None:
        raise Http404(_("There is no calendar at this address."))
    body = ical.build_calendar(
        selectors.registrations_for_feed(agreement, owner.user),
        name=_("My events of %(agreement)s") % {"agreement": agreement.name},
        registrations=True,
    )
    response = _ics(body, "mina-evenemang.ics")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


class UpcomingEventsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, agreement):
        return get_agreement(agreement)

    def title(self, obj):
        return _("Coming events of %(agreement)s") % {"agreement": obj.name}

    def subtitle(self, obj):
        return _("Dialogue forums, Malmö hours, learning lunches, trainings and workshops.")

    def link(self, obj):
        return reverse("events:calendar", kwargs={"agreement": obj.slug})

    def items(self, obj):
        return (
            selectors.published_events(obj)
            .filter(ends_at__gte=timezone.now())
            .select_related("agreement", "room__venue")
            .order_by("starts_at", "pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        when = formatting.short_date_time(item.starts_at)
        prefix = _("Cancelled") + ": " if item.is_cancelled else ""
        return f"{prefix}{item.title} ({when})"

    def item_description(self, item):
        return "\n\n".join(p for p in (item.summary, item.place_label, item.text) if p)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at


upcoming_feed = require_safe(UpcomingEventsFeed())
