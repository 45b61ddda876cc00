"""The Atom feed of an agreement's published decisions."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from samverkan.agreements.models import Agreement
from samverkan.governance import selectors

FEED_SIZE = 50


class DecisionsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, agreement):
        return get_object_or_404(Agreement, slug=agreement)

    def title(self, obj):
        return _("Decisions of %(agreement)s") % {"agreement": obj.name}

    def subtitle(self, obj):
        return _("Decisions in the checked minutes of the agreement's bodies.")

    def link(self, obj):
        return reverse("governance:decisions", kwargs={"agreement": obj.slug})

    def items(self, obj):
        return selectors.published_decisions(obj)[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.meeting.body.name} § {item.number}/{item.year}: {item.title}"

    def item_description(self, item):
        return item.decision

    def item_link(self, item):
        return f"{item.meeting.get_absolute_url()}#paragraf-{item.number}"

    def item_guid(self, item):
        return f"{item.meeting.get_absolute_url()}#paragraf-{item.number}"

    def item_pubdate(self, item):
        return item.meeting.published_at

    def item_updateddate(self, item):
        return item.meeting.published_at


decisions_feed = require_safe(DecisionsFeed())
