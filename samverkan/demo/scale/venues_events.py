"""Venues with rooms, opening hours, bookings that never overlap and weekly visitor counts;
events with sessions and registrations within capacity."""

import datetime
import math

from samverkan.actors.models import (
    Sector,
)
from samverkan.core.slugs import slug_text
from samverkan.demo import data
from samverkan.demo.bulk import assign_ids, insert, insert_new
from samverkan.demo.loader import _genitive
from samverkan.demo.scale.common import PREFIX, TZ, VISITOR_WEEKS, at
from samverkan.demo.scale.vocabulary import (
    CAPACITIES,
    EVENT_KINDS,
    EVENT_TITLES,
    ROOM_NAMES,
    SLOTS,
    TEXT_SENTENCES,
    THEMES,
)
from samverkan.events.models import (
    SECTOR_OF_ORGANISATION,
    Event,
    EventKind,
    EventSession,
    ParticipantSector,
    PlaceKind,
    Registration,
)
from samverkan.venues.models import Booking, BookingRules, OpeningHours, Room, Venue, VisitorCount

# -- venues and bookings -----------------------------------------------------------------------


def venues(ctx) -> dict[str, int]:
    """Venues with rooms, opening hours, booking rules, bookings and weekly visitor counts."""
    rng = ctx.rng("venues")
    venues, rooms, hours, rules, counts = [], [], [], [], []
    for i in range(ctx.n("venues")):
        district = ctx.districts[i % len(ctx.districts)]
        code, streets = {n: (c, s) for n, c, s in data.DISTRICTS}.get(
            district.name, ("", [district.name])
        )
        venues.append(
            Venue(
                agreement_id=ctx.agreement.pk,
                name=f"Föreningshuset {district.name}"
                + (f" {i + 1}" if i >= len(ctx.districts) else ""),
                slug=f"{PREFIX}foreningshus-{i + 1}",
                description="Ett föreningshus med rum för möten, kurser och fest.",
                street_address=f"{streets[0]} {rng.randint(1, 60)}",
                postal_code=code,
                city=data.CITY,
                accessibility="Entré i markplan, hiss och tillgänglig toalett.",
                is_demo=True,
            )
        )
    assign_ids(venues)
    for venue in venues:
        for position, (name, capacity) in enumerate(ROOM_NAMES):
            rooms.append(
                Room(
                    venue_id=venue.pk,
                    name=name,
                    slug=slug_text(name),
                    capacity=capacity,
                    equipment="Projektor, whiteboard" if position % 2 == 0 else "",
                )
            )
        for weekday in range(6):
            hours.append(
                OpeningHours(
                    venue_id=venue.pk,
                    weekday=weekday,
                    opens_at=datetime.time(8),
                    closes_at=datetime.time(21 if weekday < 5 else 16),
                )
            )
        rules.append(BookingRules(venue_id=venue.pk))
        start = ctx.today - datetime.timedelta(days=ctx.today.weekday() + 7 * VISITOR_WEEKS)
        for week in range(VISITOR_WEEKS):
            day = start + datetime.timedelta(weeks=week, days=2)  # the Wednesday
            counts.append(
                VisitorCount(
                    venue_id=venue.pk,
                    date=day,
                    visitors=rng.randint(300, 800),
                    source=VisitorCount.Source.IMPORT,
                    recorded_at=at(day, 21),
                    is_demo=True,
                )
            )
    insert(venues)
    insert_new(rooms)
    insert(hours, with_pk=False)
    insert(rules, with_pk=False)
    insert(counts, with_pk=False)
    ctx.rooms = rooms
    bookings = _bookings(ctx, rng, rooms)
    return {
        "venues": len(venues),
        "rooms": len(rooms),
        "bookings": bookings,
        "visitor_counts": len(counts),
    }


def _bookings(ctx, rng, rooms) -> int:
    """Bookings over the last year and the coming half year. Each room's (day, slot) pairs
    are drawn without replacement from fixed, disjoint slots, so no two overlap."""
    first = ctx.days_ago(365)
    days = [
        first + datetime.timedelta(days=k)
        for k in range(365 + 180)
        if (first + datetime.timedelta(days=k)).weekday() < 6
    ]
    per_room = math.ceil(ctx.n("bookings") / len(rooms))
    bookers = [o for o in ctx.orgs if o.sector != Sector.BUSINESS]
    rows = []
    remaining = ctx.n("bookings")
    for room in rooms:
        slots = [(d, s) for d in days for s in (SLOTS if d.weekday() < 5 else SLOTS[:3])]
        take = min(per_room, remaining, len(slots))
        remaining -= take
        for day, (start, end) in sorted(rng.sample(slots, take)):
            org = rng.choice(bookers)
            starts = at(day, start)
            cancelled = rng.random() < 0.05
            rows.append(
                Booking(
                    room_id=room.pk,
                    organisation_id=org.pk,
                    booked_by_id=ctx.ombud(rng, org),
                    starts_at=starts,
                    ends_at=at(day, end),
                    purpose=rng.choice(["Styrelsemöte", "Kurs", "Medlemsmöte", "Workshop"]),
                    expected_participants=max(2, room.capacity // 2),
                    status=Booking.Status.CANCELLED if cancelled else Booking.Status.CONFIRMED,
                    created_at=starts - datetime.timedelta(days=rng.randint(3, 60)),
                    cancelled_at=starts - datetime.timedelta(days=1) if cancelled else None,
                    is_demo=True,
                )
            )
    return insert(rows, with_pk=False)


# -- events ------------------------------------------------------------------------------------


def events(ctx) -> dict[str, int]:
    """Events over the last two years and the coming half year, with sessions and registrations."""
    rng = ctx.rng("events")
    kinds = [k for k, _w in EVENT_KINDS]
    weights = [w for _k, w in EVENT_KINDS]
    count = ctx.n("events")
    per_event = ctx.n("registrations") / count
    events, sessions, organisers, area_links, district_links = [], [], [], [], []
    for i in range(count):
        kind = rng.choices(kinds, weights)[0]
        theme, text = rng.choice(THEMES)
        district = rng.choice(ctx.districts)
        title = EVENT_TITLES[kind].format(theme=text, d=district.name)
        day = ctx.today + datetime.timedelta(days=rng.randint(-730, 180))
        hour = rng.choice([9, 12, 13, 17, 18])
        place = rng.choices([PlaceKind.ROOM, PlaceKind.ADDRESS, PlaceKind.ONLINE], [4, 4, 2])[0]
        room = rng.choice(ctx.rooms) if place == PlaceKind.ROOM else None
        starts, ends = at(day, hour), at(day, hour + 2)
        published = rng.random() < 0.95
        event = Event(
            agreement_id=ctx.agreement.pk,
            kind=kind,
            title=title[:200],
            slug=f"{PREFIX}{i + 1}-{slug_text(title)}"[:220].rstrip("-"),
            summary=f"Om {text}, för föreningar och stadens verksamheter.",
            text=" ".join(rng.sample(TEXT_SENTENCES, 3)),
            theme=theme,
            starts_at=starts,
            ends_at=ends,
            capacity=rng.choice(CAPACITIES) if room is None else room.capacity,
            place_kind=place,
            room_id=room.pk if room else None,
            address=f"{_genitive(district.name)} bibliotek, Malmö"
            if place == PlaceKind.ADDRESS
            else "",
            online_url=f"https://mote.example.org/{PREFIX}{i + 1}"
            if place == PlaceKind.ONLINE
            else "",
            registration_opens_at=starts - datetime.timedelta(days=45),
            is_published=published,
            published_at=starts - datetime.timedelta(days=45) if published else None,
            created_at=starts - datetime.timedelta(days=50),
            updated_at=starts - datetime.timedelta(days=50),
            is_demo=True,
        )
        events.append(event)
    assign_ids(events)
    for event in events:
        if event.kind == EventKind.TRAINING:
            for n in range(rng.randint(2, 5)):
                starts = event.starts_at + datetime.timedelta(weeks=n)
                sessions.append(
                    EventSession(
                        event_id=event.pk,
                        title=f"Del {n + 1}",
                        starts_at=starts,
                        ends_at=starts + datetime.timedelta(hours=2),
                        place_kind=event.place_kind,
                        room_id=event.room_id,
                        address=event.address,
                        online_url=event.online_url,
                    )
                )
                event.ends_at = starts + datetime.timedelta(hours=2)
        org = rng.choice(ctx.orgs).pk
        organisers.append(Event.organisers.through(event_id=event.pk, organisation_id=org))
        area = rng.choice(ctx.all_areas)
        area_links.append(Event.areas.through(event_id=event.pk, priorityarea_id=area))
        district = rng.choice(ctx.districts).pk
        district_links.append(Event.districts.through(event_id=event.pk, district_id=district))
    registrations = _registrations(ctx, rng, events, per_event)
    insert(events)
    insert(sessions, with_pk=False)
    insert(organisers, with_pk=False)
    insert(area_links, with_pk=False)
    insert(district_links, with_pk=False)
    insert(registrations, with_pk=False)
    return {
        "events": len(events),
        "event_sessions": len(sessions),
        "registrations": len(registrations),
    }


def _registrations(ctx, rng, events, per_event: float) -> list[Registration]:
    """About `per_event` people per event; never more with a seat than the capacity, the
    rest wait in order; a few cancelled. Past events have their attendance marked."""
    rows = []
    people = [u.pk for u in ctx.users]
    now = datetime.datetime.now(tz=TZ)
    for event in events:
        wanted = min(len(people), max(0, round(rng.gauss(per_event, per_event / 4))))
        seats = event.capacity
        taken = 0
        past = event.ends_at < now
        for position, user_id in enumerate(rng.sample(people, wanted)):
            org = ctx.home.get(user_id)
            sector = (
                SECTOR_OF_ORGANISATION.get(org.sector, ParticipantSector.OTHER)
                if org
                else ParticipantSector.OTHER
            )
            created = event.registration_opens_at + datetime.timedelta(hours=position + 1)
            if rng.random() < 0.04:
                status = Registration.Status.CANCELLED
            elif seats is None or taken < seats:
                status = Registration.Status.REGISTERED
                taken += 1
            else:
                status = Registration.Status.WAITLISTED
            rows.append(
                Registration(
                    event_id=event.pk,
                    user_id=user_id,
                    organisation_id=org.pk if org else None,
                    organisation_name="" if org else "Privatperson",
                    sector=sector,
                    status=status,
                    attended=(rng.random() < 0.85)
                    if past and status == Registration.Status.REGISTERED
                    else None,
                    created_at=created,
                    queued_at=created if status == Registration.Status.WAITLISTED else None,
                    cancelled_at=created + datetime.timedelta(days=1)
                    if status == Registration.Status.CANCELLED
                    else None,
                    is_demo=True,
                )
            )
    return rows
