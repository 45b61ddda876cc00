"""Bodies, members and meetings for the governance tests, made through the services."""

import datetime

from django.utils import timezone

from samverkan.areas.models import FocusAreaProposal
from samverkan.governance import services
from samverkan.governance.models import Body, Membership, MinutesParagraph, Seat
from tests import factories

TERM_START = datetime.date(2020, 1, 1)


def at(day: datetime.date, hour: int = 13) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def body(
    *,
    agreement=None,
    by=None,
    kind=Body.Kind.STEERING_GROUP,
    city: int | None = 3,
    civil: int | None = 5,
    quorum: int | None = None,
    fill: bool = True,
    adjoined: int = 1,
    name: str = "Styrgruppen",
    slug: str = "",
) -> Body:
    """A body with its voting seats filled (unless `fill` is False) and adjoined members."""
    agreement = agreement or factories.AgreementFactory(is_primary=False)
    by = by or factories.coordinator()
    body = services.create_body(
        agreement=agreement,
        kind=kind,
        name=name,
        slug=slug,
        city_voting_seats=city,
        civil_voting_seats=civil,
        quorum=quorum,
        by=by,
    )
    if fill:
        for _ in range(city or 0):
            member(body, seat=Seat.CITY, by=by)
        for _ in range(civil or 0):
            member(body, seat=Seat.CIVIL_SOCIETY, by=by)
    for _ in range(adjoined):
        member(body, seat=Seat.CITY, role=Membership.Role.ADJOINED, by=by)
    return body


def member(body, *, seat=Seat.CIVIL_SOCIETY, role=Membership.Role.VOTING, user=None, by=None):
    return services.add_membership(
        body=body,
        user=user or factories.UserFactory(),
        seat=seat,
        role=role,
        starts_on=TERM_START,
        by=by or factories.coordinator(),
    )


def voting(body):
    return list(body.memberships.filter(role=Membership.Role.VOTING).order_by("pk"))


def meeting(body, day=datetime.date(2022, 2, 15), *, by=None, present=None, **kwargs):
    """A meeting that took place on `day`; with `present` (a number of voting members or a list
    of memberships) its attendance is recorded."""
    by = by or factories.coordinator()
    meeting = services.schedule_meeting(
        body=body, starts_at=at(day), place="Nobel 21", by=by, allow_past=True, **kwargs
    )
    if present is not None:
        if isinstance(present, int):
            present = voting(body)[:present]
        services.record_attendance(meeting=meeting, present=present, by=by)
    return meeting


def paragraph(meeting, *, by=None, decided=True, **kwargs):
    fields = {"title": "Årsrapport", "by": by or factories.coordinator()}
    if decided:
        fields.update(decision="Styrgruppen godkänner.", method=MinutesParagraph.Method.CONSENSUS)
    fields.update(kwargs)
    return services.add_paragraph(meeting=meeting, **fields)


def adjust(meeting, *, by=None, adjusted_on=None):
    adjuster = meeting.attendances.filter(present=True).first().membership.user
    return services.adjust_minutes(
        meeting=meeting,
        adjusters=[adjuster],
        adjusted_on=adjusted_on or timezone.localtime(meeting.starts_at).date(),
        by=by or factories.coordinator(),
    )


def published_meeting(body, day=datetime.date(2022, 2, 15), *, paragraphs=1, by=None):
    by = by or factories.coordinator()
    m = meeting(body, day, present=len(voting(body)), by=by)
    for n in range(paragraphs):
        paragraph(m, by=by, title=f"Ärende {n + 1}")
    return adjust(m, by=by)


def prepared_proposal(agreement, *, year=2023, title="Jämlik hälsa"):
    return FocusAreaProposal.objects.create(
        agreement=agreement,
        year=year,
        title=title,
        motivation="Rörelse och kost.",
        status=FocusAreaProposal.Status.PREPARED,
    )
