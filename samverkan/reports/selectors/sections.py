"""One function per section of the report, each of a `Sources` object."""

import datetime
from decimal import Decimal

from django.db.models import Count, Q
from django.db.models.functions import Collate
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from samverkan.areas.models import FocusArea, FocusAreaProposal
from samverkan.core.collation import SWEDISH_COLLATION
from samverkan.core.slugs import slug_text
from samverkan.events.models import Event, EventKind, ParticipantSector, SeatQuota
from samverkan.funding.models import CallFollow
from samverkan.funding.selectors import economic_account
from samverkan.governance.models import Meeting
from samverkan.governance.selectors import composition, memberships_on
from samverkan.learning.models import Enrolment
from samverkan.partnerships.models import Collaboration, IopAgreement
from samverkan.partnerships.selectors import collaboration_figures
from samverkan.plans.selectors import follow_up
from samverkan.reports.models import ChannelFigure
from samverkan.reports.selectors.shapes import (
    EXAMPLE_COUNT,
    HELD_MEETING,
    Sources,
    _date,
    _last_day,
    chart,
    figure,
    format_number,
    kronor,
    section,
    table,
)
from samverkan.venues import selectors as venue_selectors


def steering_group(sources: Sources) -> dict:
    """Styrgruppen: its voting members by side on 31 December, the adjoined, the meetings held
    in the year with links to their minutes."""
    year, body = sources.year, sources.steering_group
    title = _("The steering group")
    if body is None:
        return section("steering_group", title, _("The agreement has no steering group."))

    def members(y):
        if y > timezone.localdate(sources.now).year:
            return None
        day = _last_day(sources, y)
        return composition(body, day, memberships=list(memberships_on(body, day)))

    def meetings(y):
        return list(
            Meeting.objects.filter(body=body, starts_at__year=y, status__in=HELD_MEETING)
            .select_related("body__agreement")
            .order_by("starts_at", "pk")
        )

    now, before = members(year), members(year - 1)
    held, held_before = meetings(year), meetings(year - 1)
    link = body.get_absolute_url()

    def value(c, attribute):
        return getattr(c, attribute) if c is not None and c.voting + c.adjoined else None

    figures = [
        figure("steering_group.members", _("Voting members"), now.voting, "st", value(before, "voting"), link),  # noqa: E501
        figure("steering_group.city_members", _("Members for the city"), now.voting_city, "st", value(before, "voting_city"), link),  # noqa: E501
        figure("steering_group.civil_members", _("Members for the non-profit sector"), now.voting_civil, "st", value(before, "voting_civil"), link),  # noqa: E501
        figure("steering_group.adjoined", _("Adjoined coordinators"), now.adjoined, "st", value(before, "adjoined"), link),  # noqa: E501
        figure("steering_group.meetings", _("Meetings held"), len(held), "st", len(held_before) if held_before or value(before, "voting") else None, link),  # noqa: E501
    ]  # fmt: skip
    meetings_table = table(
        "steering_group.meetings",
        _("The steering group's meetings %(year)d") % {"year": year},
        [_("Date"), _("Minutes")],
        [
            [
                _date(timezone.localtime(m.starts_at).date()),
                _("Checked") if m.status == Meeting.Status.ADJUSTED else _("Being checked"),
            ]
            for m in held
        ],
        links=[m.get_absolute_url() for m in held],
    )
    summary = _(
        "The steering group has %(voting)d voting members, %(city)d for the city and %(civil)d "
        "for the non-profit sector; it held %(meetings)d meetings in %(year)d."
    ) % {
        "voting": now.voting,
        "city": now.voting_city,
        "civil": now.voting_civil,
        "meetings": len(held),
        "year": year,
    }
    return section("steering_group", title, summary, figures, [meetings_table])


def _focus_area_table(key, caption, focus_area: FocusArea) -> dict:
    rows = [[_("Focus area"), focus_area.title]]
    if focus_area.decided_in is not None:
        paragraph = focus_area.decided_in
        rows.append(
            [
                _("Decided"),
                _("The steering group %(date)s, § %(number)d")
                % {
                    "date": _date(timezone.localtime(paragraph.meeting.starts_at).date()),
                    "number": paragraph.number,
                },
            ]
        )
    if focus_area.proposal is not None:
        rows.append([_("Proposed by members as"), focus_area.proposal.title])
        rows.append([_("Supporters of the proposal"), focus_area.supporters])
    return table(key, caption, [_("What"), _("Value")], rows)


def _proposal_counts(sources: Sources) -> dict[int, int]:
    """How many focus areas were proposed for each year around the report's."""
    return dict(
        FocusAreaProposal.objects.filter(
            agreement=sources.agreement, year__in=[sources.year - 1, sources.year, sources.year + 1]
        )
        .values_list("year")
        .annotate(n=Count("pk"))
        .order_by()
    )


def focus_area(sources: Sources) -> dict:
    """Årets fokusområde: its title and how it was chosen (the members' proposals for the
    year, the steering group's decision)."""
    year = sources.year
    title = _("The focus area of %(year)d") % {"year": year}
    chosen = sources.focus_area(year)
    proposals = _proposal_counts(sources)
    link = sources.url("areas:focus_areas")
    figures = [
        figure(
            "focus_area.proposals",
            _("Proposals for the year's focus area"),
            proposals.get(year, 0),
            "st",
            proposals.get(year - 1) if sources.focus_area(year - 1) or year - 1 in proposals else None,  # noqa: E501
            link,
        )
    ]  # fmt: skip
    if chosen is None:
        return section("focus_area", title, _("No focus area was decided for the year."), figures)
    summary = _("For %(year)d the steering group chose the focus area “%(title)s”.") % {
        "year": year,
        "title": chosen.title,
    }
    return section(
        "focus_area",
        title,
        summary,
        figures,
        [_focus_area_table("focus_area.chosen", _("The year's focus area"), chosen)],
    )


def _sector_series(by_sector: dict) -> list[tuple[str, int]]:
    return [(str(label), by_sector.get(value, 0)) for value, label in ParticipantSector.choices]


def dialogue_forum(sources: Sources) -> dict:
    """Dialogforum: the participants (who attended) and their sectors, the themes."""
    year = sources.year
    title = _("The dialogue forum")
    now = sources.kind_figures(year, EventKind.DIALOGUE_FORUM)
    before = sources.kind_figures(year - 1, EventKind.DIALOGUE_FORUM)
    link = sources.url("events:figures", year=year)
    events = [
        f.event
        for f in sources.participation(year).events
        if f.event.kind == EventKind.DIALOGUE_FORUM
    ]
    attended = now.attended if now else 0
    figures = [
        figure("dialogue_forum.events", _("Dialogue forums held"), now.events if now else 0, "st", before.events if before else None, link),  # noqa: E501
        figure("dialogue_forum.participants", _("Participants"), attended, "st", before.attended if before else None, link),  # noqa: E501
        figure("dialogue_forum.registered", pgettext("figure", "Registered"), now.registered if now else 0, "st", before.registered if before else None, link),  # noqa: E501
    ]  # fmt: skip
    by_sector = now.attended_by_sector if now else {}
    series = _sector_series(by_sector)
    themes = table(
        "dialogue_forum.themes",
        _("Dialogue forums and their themes"),
        [_("Date"), _("Dialogue forum"), _("Theme")],
        [[_date(timezone.localtime(e.starts_at).date()), e.title, e.theme] for e in events],
        links=[e.get_absolute_url() for e in events],
    )
    sectors = table(
        "dialogue_forum.sectors",
        _("Participants by sector"),
        [_("Sector"), _("Participants")],
        series,
    )
    summary = ngettext(
        "%(count)d person took part in the dialogue forum.",
        "%(count)d people took part in the dialogue forum.",
        attended,
    ) % {"count": attended}
    if events and events[0].theme:
        summary += " " + _("Theme: %(theme)s.") % {"theme": "; ".join(e.theme for e in events)}
    return section(
        "dialogue_forum",
        title,
        summary,
        figures,
        [themes, sectors],
        [
            chart(
                "participants_by_sector",
                _("Participants of the dialogue forum by sector"),
                "bar",
                "st",
                series,
            )
        ],
    )


def association_centre(sources: Sources) -> dict:
    """Parternas förutsättningar: the association centre's visitors per week, meetings held,
    meetings by sector, visitors per month."""
    year, venue = sources.year, sources.venue
    title = _("The parties' conditions for collaboration")
    if venue is None:
        return section("association_centre", title, _("The agreement has no association centre."))
    now = venue_selectors.figures(venue, year, now=sources.now)
    before = venue_selectors.figures(venue, year - 1, now=sources.now)
    has_before = bool(before.days_counted or before.meetings)
    link = sources.url("venues:figures", query=f"ar={year}", venue=venue.slug)
    figures = [
        figure("association_centre.visitors_per_week", _("Visitors per week"), now.visitors_per_week, "per vecka", before.visitors_per_week if has_before else None, link),  # noqa: E501
        figure("association_centre.visitors", _("Visitors in the year"), now.visitors, "st", before.visitors if has_before else None, link),  # noqa: E501
        figure("association_centre.meetings", _("Meetings, seminars and other gatherings held"), now.meetings, "st", before.meetings if has_before else None, link),  # noqa: E501
    ]  # fmt: skip
    months = [(formats.date_format(m.first_day, "F").capitalize(), m.visitors) for m in now.months]
    sectors = [(str(row["label"] or _("Other")), row["meetings"]) for row in now.by_sector]
    summary = _(
        "%(venue)s had about %(per_week)s visitors a week in %(year)d; %(meetings)s meetings "
        "were held there."
    ) % {
        "venue": venue.name,
        "per_week": format_number(now.visitors_per_week),
        "year": year,
        "meetings": format_number(now.meetings),
    }
    return section(
        "association_centre",
        title,
        summary,
        figures,
        [
            table(
                "association_centre.months",
                _("Visitors and meetings per month"),
                [_("Month"), _("Visitors"), _("Meetings")],
                [
                    [label, m.visitors, m.meetings]
                    for (label, _v), m in zip(months, now.months, strict=True)
                ],
            ),
            table(
                "association_centre.sectors",
                _("Meetings held by the booker's sector"),
                [_("Sector"), _("Meetings")],
                sectors,
            ),
        ],
        [
            chart(
                "visitors_per_month",
                _("Visitors at %(venue)s per month") % {"venue": venue.name},
                "column",
                "st",
                months,
            )
        ],
    )


def _training_seats(sources: Sources) -> dict[int, int]:
    """Seats reserved through the agreement (quotas) in the trainings of each year."""
    totals: dict[int, int] = {}
    for starts_at, seats in (
        SeatQuota.objects.filter(
            event__agreement=sources.agreement,
            event__kind=EventKind.TRAINING,
            event__is_published=True,
            event__starts_at__year__in=[sources.year - 1, sources.year],
        )
        .exclude(event__status=Event.Status.CANCELLED)
        .values_list("event__starts_at", "seats")
    ):
        local_year = timezone.localtime(starts_at).year
        totals[local_year] = totals.get(local_year, 0) + seats
    return totals


def _learners(sources: Sources) -> dict[int, int]:
    """People who started one of the agreement's courses, by the year they started."""
    totals: dict[int, int] = {}
    for started_at in Enrolment.objects.filter(
        course__agreement=sources.agreement,
        started_at__year__in=[sources.year - 1, sources.year],
    ).values_list("started_at", flat=True):
        started = timezone.localtime(started_at).year
        totals[started] = totals.get(started, 0) + 1
    return totals


def learning(sources: Sources) -> dict:
    """Lärande och kunskap: the trainings, the seats reserved through the agreement, their
    participants, and the people who started the platform's courses."""
    year = sources.year
    title = _("Learning and knowledge")
    now = sources.kind_figures(year, EventKind.TRAINING)
    before = sources.kind_figures(year - 1, EventKind.TRAINING)
    seats, learners = _training_seats(sources), _learners(sources)
    link = sources.url("events:figures", year=year)
    trainings = [
        f for f in sources.participation(year).events if f.event.kind == EventKind.TRAINING
    ]
    figures = [
        figure("learning.trainings", _("Trainings"), now.events if now else 0, "st", before.events if before else None, link),  # noqa: E501
        figure("learning.seats", _("Seats through the agreement"), seats.get(year, 0), "st", seats.get(year - 1) if before else None, link),  # noqa: E501
        figure("learning.participants", _("Participants of the trainings"), now.registered if now else 0, "st", before.registered if before else None, link),  # noqa: E501
        figure("learning.learners", _("People who started a course on the platform"), learners.get(year, 0), "st", learners.get(year - 1), sources.url("learning:courses")),  # noqa: E501
    ]  # fmt: skip
    rows = [
        [_date(timezone.localtime(f.event.starts_at).date()), f.event.title, f.registered]
        for f in trainings
    ]
    summary = ngettext(
        "%(seats)d person got a seat in a training through the agreement.",
        "%(seats)d people got a seat in a training through the agreement.",
        seats.get(year, 0),
    ) % {"seats": seats.get(year, 0)}
    return section(
        "learning",
        title,
        summary,
        figures,
        [
            table(
                "learning.trainings",
                _("Trainings"),
                [_("Date"), _("Training"), _("Participants")],
                rows,
                links=[f.event.get_absolute_url() for f in trainings],
            )
        ],
    )


def inspiration(sources: Sources) -> dict:
    """Inspiration och möten: the Malmö hours and learning lunches, their themes and
    participants."""
    year = sources.year
    title = _("Inspiration and meetings")
    link = sources.url("events:figures", year=year)
    figures = []
    counts = {}
    for kind, label_events, label_people in (
        (EventKind.MALMO_HOUR, _("Malmö hours"), _("Participants of the Malmö hours")),
        (
            EventKind.LEARNING_LUNCH,
            _("Learning lunches"),
            _("Participants of the learning lunches"),
        ),
    ):
        now = sources.kind_figures(year, kind)
        before = sources.kind_figures(year - 1, kind)
        counts[kind] = now.events if now else 0
        figures += [
            figure(
                f"inspiration.{kind}",
                label_events,
                counts[kind],
                "st",
                before.events if before else None,
                link,
            ),
            figure(
                f"inspiration.{kind}_participants",
                label_people,
                now.attended if now else 0,
                "st",
                before.attended if before else None,
                link,
            ),
        ]
    events = [
        f
        for f in sources.participation(year).events
        if f.event.kind in (EventKind.MALMO_HOUR, EventKind.LEARNING_LUNCH)
    ]
    rows = [
        [
            _date(timezone.localtime(f.event.starts_at).date()),
            str(f.event.get_kind_display()),
            f.event.theme or f.event.title,
            f.attended,
        ]
        for f in events
    ]
    summary = _("%(hours)d Malmö hours and %(lunches)d learning lunches were held in %(year)d.") % {
        "hours": counts[EventKind.MALMO_HOUR],
        "lunches": counts[EventKind.LEARNING_LUNCH],
        "year": year,
    }
    return section(
        "inspiration",
        title,
        summary,
        figures,
        [
            table(
                "inspiration.themes",
                _("Malmö hours and learning lunches"),
                [_("Date"), _("Kind"), _("Theme"), _("Participants")],
                rows,
                links=[f.event.get_absolute_url() for f in events],
            )
        ],
    )


def _channel_key(channel: str, measure: str) -> str:
    return "communication." + slug_text(f"{channel} {measure}").replace("-", "_")


def communication(sources: Sources) -> dict:
    """Kommunikation: people following the agreement's funding calls on the platform, and the
    figures recorded for the newsletter and the channels outside the platform."""
    year = sources.year
    title = _("Communication")
    followers = {}
    for y in (year - 1, year):
        end = timezone.make_aware(datetime.datetime(y + 1, 1, 1))
        followers[y] = (
            CallFollow.objects.filter(call__agreement=sources.agreement, created_at__lt=end)
            .values("user")
            .distinct()
            .count()
        )
    figures = [
        figure(
            "communication.platform_followers",
            _("People following funding calls on the platform"),
            followers[year],
            "st",
            followers[year - 1] or None,
            sources.url("funding:list"),
        )
    ]
    rows = list(
        ChannelFigure.objects.filter(agreement=sources.agreement, year__in=[year - 1, year])
        .order_by("channel", "measure")
        .values_list("year", "channel", "measure", "value", "note")
    )
    previous = {(c, m): v for y, c, m, v, _n in rows if y == year - 1}
    current = [(c, m, v, n) for y, c, m, v, n in rows if y == year]
    for channel, measure, value, _note in current:
        figures.append(
            figure(
                _channel_key(channel, measure),
                f"{channel}: {measure}",
                value,
                "st",
                previous.get((channel, measure)),
                None,
            )
        )
    channels = table(
        "communication.channels",
        _("Channels outside the platform"),
        [_("Channel"), _("What is counted"), _("Value"), _("Note")],
        [[c, m, v, n] for c, m, v, n in current],
    )
    if current:
        summary = _("Followers and subscribers: %(list)s.") % {
            "list": "; ".join(f"{c} {format_number(v)} ({m.lower()})" for c, m, v, _n in current)
        }
    else:
        summary = _("No figures of outside channels are recorded for the year.")
    return section("communication", title, summary, figures, [channels])


def _iop_agreements(sources: Sources) -> dict[int, list[IopAgreement]]:
    """The IOP agreements the coordinators supported each year: those in force in the year, and
    those being prepared (not signed by the year's end) whose collaboration was recorded by
    then."""
    first = datetime.date(sources.year - 1, 1, 1)
    iops = list(
        IopAgreement.objects.filter(collaboration__agreement=sources.agreement)
        .filter(
            Q(collaboration__mapping_year__lte=sources.year)
            | Q(starts_on__lte=datetime.date(sources.year, 12, 31))
        )
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=first))
        .select_related("collaboration__agreement")
        .order_by(Collate("collaboration__title", SWEDISH_COLLATION), "pk")
    )
    result: dict[int, list[IopAgreement]] = {sources.year - 1: [], sources.year: []}
    for y in result:
        start, end = datetime.date(y, 1, 1), datetime.date(y, 12, 31)
        for iop in iops:
            signed = iop.signed_on is not None and iop.signed_on <= end
            in_force = (
                signed and iop.starts_on <= end and (iop.ends_on is None or iop.ends_on >= start)
            )
            preparing = not signed and iop.collaboration.mapping_year <= y
            if in_force or preparing:
                result[y].append(iop)
    return result


def collaborations(sources: Sources) -> dict:
    """Exempel på samverkan: the collaborations running, new and ended, by priority area; the
    IOP agreements supported; some examples (those running with the most parties)."""
    year = sources.year
    title = _("Examples of collaborations")
    now = collaboration_figures(sources.agreement, year)
    before = collaboration_figures(sources.agreement, year - 1)
    has_before = bool(before.running)
    link = sources.url("partnerships:figures", query=f"ar={year}")
    iops = _iop_agreements(sources)
    iop_link = sources.url("partnerships:list", query="kind=iop")
    figures = [
        figure("collaborations.running", _("Collaborations running"), now.running, "st", before.running if has_before else None, link),  # noqa: E501
        figure("collaborations.new", _("New collaborations"), now.new, "st", before.new if has_before else None, link),  # noqa: E501
        figure("collaborations.ended", _("Collaborations ended"), now.ended, "st", before.ended if has_before else None, link),  # noqa: E501
        figure("collaborations.iop", _("IOP agreements supported"), len(iops[year]), "st", len(iops[year - 1]) if iops[year - 1] or has_before else None, iop_link),  # noqa: E501
    ]  # fmt: skip
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    examples = list(
        Collaboration.objects.filter(agreement=sources.agreement)
        .public()
        .exclude(status=Collaboration.Status.PLANNED)
        .exclude(kind=Collaboration.Kind.IOP)
        .filter(Q(starts_on__lte=last) | Q(starts_on__isnull=True, mapping_year__lte=year))
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=first))
        .exclude(results="")
        .select_related("agreement")
        .annotate(party_count=Count("parties"))
        .order_by("-party_count", Collate("title", SWEDISH_COLLATION), "pk")[:EXAMPLE_COUNT]
    )
    series = [(row.label, row.running) for row in now.by_area]
    summary = _(
        "%(running)d collaborations ran in %(year)d, %(new)d of them new; the coordinators "
        "supported %(iop)d IOP agreements."
    ) % {"running": now.running, "new": now.new, "iop": len(iops[year]), "year": year}
    return section(
        "collaborations",
        title,
        summary,
        figures,
        [
            table(
                "collaborations.examples",
                _("Examples of collaborations"),
                [_("Collaboration"), _("Parties"), _("Results")],
                [[c.title, c.party_count, c.results] for c in examples],
                links=[c.get_absolute_url() for c in examples],
            ),
            table(
                "collaborations.iop",
                _("IOP agreements supported"),
                [_("IOP agreement"), _("Signed"), _("Period")],
                [
                    [
                        i.collaboration.title,
                        _date(i.signed_on) or _("Being prepared"),
                        f"{_date(i.starts_on)} – {_date(i.ends_on)}",
                    ]
                    for i in iops[year]
                ],
                links=[i.collaboration.get_absolute_url() for i in iops[year]],
            ),
            table(
                "collaborations.areas",
                _("Collaborations by priority area"),
                [_("Priority area"), _("Running"), _("New"), _("Ended")],
                [[r.label, r.running, r.new, r.ended] for r in now.by_area],
            ),
        ],
        [
            chart(
                "collaborations_by_area",
                _("Collaborations running by priority area"),
                "bar",
                "st",
                series,
            )
        ],
    )


def economy(sources: Sources) -> dict:
    """Ekonomisk redovisning: the year's grants, what was spent by category, the balance."""
    year = sources.year
    title = _("Economic account")
    now = economic_account(sources.agreement, year)
    before = economic_account(sources.agreement, year - 1)

    def prev(value):
        return None if before.is_empty else kronor(value)

    link = sources.url("funding:budget_year", year=year)
    figures = [
        figure("economy.grants", _("Granted"), kronor(now.total_grants), "kr", prev(before.total_grants), link),  # noqa: E501
        figure("economy.spent", _("Spent"), kronor(now.total_spent), "kr", prev(before.total_spent), link),  # noqa: E501
        figure("economy.balance", _("Balance"), kronor(now.balance), "kr", prev(before.balance), link),  # noqa: E501
    ]  # fmt: skip
    previous_by_category = {c.category: c.amount for c in before.categories}
    for c in now.categories:
        figures.append(
            figure(
                f"economy.category_{c.category}",
                c.label,
                kronor(c.amount),
                "kr",
                prev(previous_by_category.get(c.category, Decimal(0))),
                link,
            )
        )
    series = [(c.label, kronor(c.amount)) for c in now.categories]
    summary = _(
        "%(granted)s kr were granted for %(year)d and %(spent)s kr spent; the balance is "
        "%(balance)s kr."
    ) % {
        "granted": format_number(kronor(now.total_grants)),
        "spent": format_number(kronor(now.total_spent)),
        "balance": format_number(kronor(now.balance)),
        "year": year,
    }
    return section(
        "economy",
        title,
        summary,
        figures,
        [
            table(
                "economy.grants",
                _("Grants"),
                [_("Purpose"), _("Amount (kr)")],
                [[g.purpose, kronor(g.amount)] for g in now.grants],
            ),
            table(
                "economy.categories",
                _("Expenses by category"),
                [_("Category"), _("Amount (kr)")],
                series,
            ),
        ],
        [chart("budget_by_category", _("Expenses by category"), "bar", "kr", series)],
    )


def next_focus_area(sources: Sources) -> dict:
    """Inför nästa år: the focus area decided for the year after."""
    coming = sources.year + 1
    title = _("Looking ahead to %(year)d") % {"year": coming}
    chosen = sources.focus_area(coming)
    proposals = _proposal_counts(sources)
    figures = [
        figure(
            "next_focus_area.proposals",
            _("Proposals for next year's focus area"),
            proposals.get(coming, 0),
            "st",
            proposals.get(sources.year) if sources.year in proposals else None,
            sources.url("areas:focus_areas"),
        )
    ]
    if chosen is None:
        summary = _("The focus area of %(year)d is not decided yet.") % {"year": coming}
        return section("next_focus_area", title, summary, figures)
    summary = _("The focus area of %(year)d is “%(title)s”.") % {
        "year": coming,
        "title": chosen.title,
    }
    return section(
        "next_focus_area",
        title,
        summary,
        figures,
        [_focus_area_table("next_focus_area.chosen", _("Next year's focus area"), chosen)],
    )


def plan_follow_up(sources: Sources) -> dict:
    """Uppföljning av samarbetsplanen: the plan's activities by status on 31 December."""
    year = sources.year
    title = _("Follow-up of the collaboration plan")
    plan = sources.plan()
    if plan is None:
        return section("plan_follow_up", title, _("No collaboration plan covers the year."))
    now = follow_up(plan, year)
    before = follow_up(plan, year - 1) if year - 1 >= plan.first_year else None
    link = sources.url("plans:follow_up", query=f"ar={year}", slug=plan.slug)
    figures = [
        figure(
            "plan_follow_up.activities",
            _("Activities of the plan"),
            now.total,
            "st",
            before.total if before else None,
            link,
        )
    ]
    for count in now.counts:
        figures.append(
            figure(
                f"plan_follow_up.{count.status}",
                count.label,
                count.count,
                "st",
                before.count(count.status) if before else None,
                link,
            )
        )
    return section(
        "plan_follow_up",
        title,
        f"{plan.title}: {now.summary}.",
        figures,
        [
            table(
                "plan_follow_up.statuses",
                _("Activities by status on 31 December"),
                [_("Status"), _("Activities"), _("Share (%)")],
                [[c.label, c.count, c.percent] for c in now.counts],
            )
        ],
    )


SECTIONS = {
    "steering_group": steering_group,
    "focus_area": focus_area,
    "dialogue_forum": dialogue_forum,
    "association_centre": association_centre,
    "learning": learning,
    "inspiration": inspiration,
    "communication": communication,
    "collaborations": collaborations,
    "economy": economy,
    "next_focus_area": next_focus_area,
    "plan_follow_up": plan_follow_up,
}
