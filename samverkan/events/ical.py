"""Events as iCalendar (RFC 5545), written with the icalendar library.

Each event is one VEVENT, or one VEVENT per session when it has sessions. Times are in UTC;
UIDs are stable (the event's or session's id and the site's host), so a calendar that
subscribes updates an event instead of adding it twice.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as VEvent

from samverkan.core.links import absolute_url, site_host
from samverkan.events.models import Event, Registration

PRODID = "-//Samverkansytan//Evenemang//SV"


def _host() -> str:
    return site_host()


def event_uid(event: Event, session=None) -> str:
    if session is not None:
        return f"event-{event.pk}-session-{session.pk}@{_host()}"
    return f"event-{event.pk}@{_host()}"


def _utc(value: datetime.datetime) -> datetime.datetime:
    return value.astimezone(datetime.UTC)


def _vevent(event: Event, *, session=None, number=None, count=None, status=None) -> VEvent:
    place = session or event
    vevent = VEvent()
    vevent.add("uid", event_uid(event, session))
    vevent.add("dtstamp", _utc(event.updated_at or timezone.now()))
    vevent.add("dtstart", _utc(place.starts_at))
    vevent.add("dtend", _utc(place.ends_at))
    summary = event.title
    if session is not None:
        label = session.title or f"{number}/{count}"
        summary = f"{event.title} ({label})"
    vevent.add("summary", summary)
    vevent.add("location", place.place_label)
    url = absolute_url(event.get_absolute_url())
    vevent.add("url", url)
    description = "\n\n".join(p for p in (event.summary, event.text) if p)
    if place.is_online:
        description = f"{description}\n\n{place.online_url}".strip()
    vevent.add("description", f"{description}\n\n{url}".strip())
    vevent.add("categories", [event.get_kind_display()])
    if event.is_cancelled:
        vevent.add("status", "CANCELLED")
    else:
        vevent.add("status", status or "CONFIRMED")
    return vevent


def build_calendar(events, *, name: str, registrations: bool = False) -> bytes:
    """The iCalendar text of `events` (with `sessions` and `room__venue` loaded). With
    `registrations`, each event carries `own_registrations` and a waiting one is TENTATIVE."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        status = None
        if registrations:
            own = event.own_registrations[0] if event.own_registrations else None
            if own is not None and own.status == Registration.Status.WAITLISTED:
                status = "TENTATIVE"
        sessions = list(event.sessions.all())
        if sessions:
            for n, session in enumerate(sessions, start=1):
                cal.add_component(
                    _vevent(event, session=session, number=n, count=len(sessions), status=status)
                )
        else:
            cal.add_component(_vevent(event, status=status))
    return cal.to_ical()
