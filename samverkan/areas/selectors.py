"""Reads of priority areas, hosting and focus areas, in a fixed number of queries per page."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samverkan.areas import permissions
from samverkan.areas.models import (
    PLAN_YEARS_PER_AREA,
    FocusArea,
    FocusAreaProposal,
    Hosting,
    HostSide,
    Phase,
    PhaseChange,
    PriorityArea,
    ProposalSupport,
    SustainabilityGoal,
)
from samverkan.core.registry import SectionRegistry

OPEN_PROPOSAL_STATUSES = (
    FocusAreaProposal.Status.PROPOSED,
    FocusAreaProposal.Status.PREPARED,
    FocusAreaProposal.Status.ON_AGENDA,
)


# ---------------------------------------------------------------------------------------------
# Sections that later apps add to an area's page (collaborations, events, news). An app
# registers, in its AppConfig.ready(), a template and a function that returns the template's
# context for an area (core.registry explains the pattern), e.g.
#   register_area_section("events/_area_events.html", lambda area, user: {"events": ...})
# The function should run a fixed number of queries, so the page's count does not grow. A section
# is the same for everyone: it is asked for an anonymous `user` and kept with the page's shared
# part (areas.views.areas.area_page), like the start page's blocks.
# ---------------------------------------------------------------------------------------------

AREA_PAGE = SectionRegistry()


def register_area_section(template: str, context: Callable) -> None:
    AREA_PAGE.register(template, context)


# ---------------------------------------------------------------------------------------------
# Running time against the plan's four years
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunningTime:
    """How long an area has run (or ran, once ended) against the plan's four years."""

    started_on: datetime.date
    years: int
    months: int
    plan_years: int = PLAN_YEARS_PER_AREA
    ended_on: datetime.date | None = None

    @property
    def total_months(self) -> int:
        return self.years * 12 + self.months

    @property
    def has_ended(self) -> bool:
        return self.ended_on is not None

    @property
    def beyond_plan(self) -> bool:
        return self.total_months > self.plan_years * 12

    @property
    def percent(self) -> int:
        """How much of the planned time has passed, for a progress bar (at most 100)."""
        return min(100, round(100 * self.total_months / (self.plan_years * 12)))

    @property
    def duration(self) -> str:
        """ "2 years and 3 months", "1 month"."""
        years = ngettext("%(n)d year", "%(n)d years", self.years) % {"n": self.years}
        months = ngettext("%(n)d month", "%(n)d months", self.months) % {"n": self.months}
        if self.years and self.months:
            return _("%(years)s and %(months)s") % {"years": years, "months": months}
        return years if self.years else months

    @property
    def planned(self) -> str:
        return ngettext("%(n)d year", "%(n)d years", self.plan_years) % {"n": self.plan_years}

    def __str__(self) -> str:
        # An ended area ran for a time: "of 4" would read as if it still counted.
        if self.has_ended:
            return _("%(duration)s (planned: %(plan)s)") % {
                "duration": self.duration,
                "plan": self.planned,
            }
        return _("%(duration)s of %(plan)s") % {"duration": self.duration, "plan": self.planned}


def running_time(area: PriorityArea, *, today: datetime.date | None = None) -> RunningTime | None:
    """How long the area has been running since its start, in whole years and months, e.g.
    "2 years and 3 months of 4 years"; for an ended area, how long it ran until its end. None
    when the area has no start date or starts later."""
    if area.started_on is None:
        return None
    today = today or timezone.localdate()
    if today < area.started_on:
        return None
    ended_on = area.ended_on if area.ended_on is not None and area.ended_on < today else None
    until = ended_on or today
    months = (until.year - area.started_on.year) * 12 + until.month - area.started_on.month
    if until.day < area.started_on.day:
        months -= 1
    return RunningTime(
        started_on=area.started_on, years=months // 12, months=months % 12, ended_on=ended_on
    )


# ---------------------------------------------------------------------------------------------
# Areas
# ---------------------------------------------------------------------------------------------


def current_hostings_filter(day: datetime.date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}starts_on__lte": day}) & (
        Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gte": day})
    )


def current_hostings(day: datetime.date | None = None) -> QuerySet:
    day = day or timezone.localdate()
    return (
        Hosting.objects.filter(current_hostings_filter(day))
        .select_related("organisation")
        .order_by("-side", "starts_on")  # "civil" before "city"
    )


def areas_of(agreement=None, *, day: datetime.date | None = None, goals: bool = True) -> QuerySet:
    """The agreement's areas (every agreement's when None) in their order, each with
    `current_hostings` (a list, civil-society side first) and its goals prefetched: three
    queries however many areas there are (two without the goals, for a list that does not
    show them; one more for the agreements when every agreement's areas are listed).

    Each area's `agreement` is one shared object, never joined into each row: the agreement
    carries its texts (the vision, the plan: 17 kB at scale 10), which a join read again for
    every area. Of one agreement, the related manager sets it on each area itself."""
    prefetches = [Prefetch("hostings", queryset=current_hostings(day), to_attr="current_hostings")]
    if goals:
        prefetches.append(Prefetch("goals", queryset=SustainabilityGoal.objects.order_by("number")))
    if agreement is not None:
        return agreement.areas.prefetch_related(*prefetches).order_by("position", "title")
    return PriorityArea.objects.prefetch_related("agreement", *prefetches).order_by(
        "agreement__slug", "position", "title"
    )


def hosts_by_side(hostings) -> dict:
    """{"civil": hosting or None, "city": hosting or None} of a list of current hostings."""
    sides = {HostSide.CIVIL_SOCIETY.value: None, HostSide.CITY.value: None}
    for hosting in hostings:
        if sides.get(hosting.side) is None:
            sides[hosting.side] = hosting
    return sides


def area_page_data(agreement, slug: str, *, user) -> dict | None:
    """Everything an area's page shows (area_shared_data) and what the person may do there
    (area_rights). None when there is no such area."""
    data = area_shared_data(agreement, slug)
    if data is None:
        return None
    return {**data, **area_rights(data["host_ids"], user)}


def area_shared_data(agreement, slug: str) -> dict | None:
    """What an area's page shows, the same for everyone: texts, goals, current hosts with their
    contact people, hosting history, phase history, running time, the focus areas that name it,
    and the sections later apps add (asked for an anonymous visitor: what is on an area's page
    is public), and `host_ids`, the users who are its hosts today. None when there is no such
    area."""
    today = timezone.localdate()
    # Through the agreement's manager: each area gets the agreement already read, instead of a
    # join that read its texts (the vision, the plan: 17 kB at scale 10) again.
    area = (
        agreement.areas.filter(slug=slug)
        .prefetch_related(
            Prefetch("goals", queryset=SustainabilityGoal.objects.order_by("number")),
            Prefetch(
                "hostings",
                queryset=Hosting.objects.select_related("organisation", "contact_person").order_by(
                    "-starts_on", "side"
                ),
                to_attr="all_hostings",
            ),
            Prefetch(
                "phase_changes",
                queryset=PhaseChange.objects.select_related("changed_by").order_by(
                    "-changed_on", "-id"
                ),
                to_attr="history",
            ),
            Prefetch(
                "focus_areas",
                queryset=FocusArea.objects.order_by("-year"),
                to_attr="focus_area_list",
            ),
        )
        .first()
    )
    if area is None:
        return None
    current = [h for h in area.all_hostings if h.is_active_on(today)]
    current.sort(key=lambda h: (h.side != HostSide.CIVIL_SOCIETY, h.starts_on))
    history = [h for h in area.all_hostings if h not in current]
    return {
        "agreement": area.agreement,
        "area": area,
        "hosts": hosts_by_side(current),
        "current_hostings": current,
        "past_hostings": history,
        "host_ids": sorted({h.contact_person_id for h in current if h.contact_person_id}),
        "running_time": running_time(area, today=today),
        "phases": Phase.choices,
        "sections": AREA_PAGE.sections(area, AnonymousUser()),
    }


def area_rights(host_ids, user) -> dict:
    """What the person may do on an area's page whose hosts today are the users `host_ids`:
    the coordinators and the hosts edit it and record its phases, the coordinators manage its
    hosts, and logged-in people see the contact people."""
    coordinator = permissions.can_manage_hosts(user, None)[0]
    is_host = user.is_authenticated and user.pk in host_ids
    return {
        "can_edit": coordinator or is_host,
        "can_change_phase": coordinator or is_host,
        "can_manage_hosts": coordinator,
        "show_contact_people": user.is_authenticated,
    }


# ---------------------------------------------------------------------------------------------
# Focus areas and proposals
# ---------------------------------------------------------------------------------------------


def current_focus_area(agreement, year: int | None = None) -> FocusArea | None:
    """The agreement's focus area of `year` (this year when not given), with its areas."""
    year = year or timezone.localdate().year
    return (
        FocusArea.objects.filter(agreement=agreement, year=year)
        .prefetch_related(
            Prefetch(
                "areas",
                queryset=PriorityArea.objects.select_related("agreement").order_by("position"),
            )
        )
        .first()
    )


def proposals_with_support(agreement=None, *, open_only: bool = False) -> QuerySet:
    """Proposals with `supporters` (how many support each) counted in the query, their areas
    prefetched; newest year first, then the most supported."""
    qs = FocusAreaProposal.objects.select_related("agreement").annotate(
        supporters=Count("supports", distinct=True)
    )
    if agreement is not None:
        qs = qs.filter(agreement=agreement)
    if open_only:
        qs = qs.filter(status__in=OPEN_PROPOSAL_STATUSES)
    return qs.prefetch_related(
        Prefetch(
            "areas", queryset=PriorityArea.objects.select_related("agreement").order_by("position")
        )
    ).order_by("-year", "-supporters", "-created_at", "-pk")


def focus_area_timeline(
    agreement, *, today: datetime.date | None = None, with_areas: bool = True
) -> dict:
    """The agreement's focus areas placed on the calendar of `today` (the date when not
    given): `this_year`'s (or None), `next_year`'s once decided, the `coming` and `past` ones,
    newest first, each with its areas when `with_areas`. The start page and the focus-area
    page both read this, so they always agree on which focus area is this year's. One query,
    two with the areas."""
    year = (today or timezone.localdate()).year
    focus_areas = FocusArea.objects.filter(agreement=agreement).order_by("-year")
    if with_areas:
        focus_areas = focus_areas.prefetch_related(
            Prefetch(
                "areas",
                queryset=PriorityArea.objects.select_related("agreement").order_by("position"),
            )
        )
    focus_areas = list(focus_areas)
    past = [f for f in focus_areas if f.year < year]
    return {
        "year": year,
        "this_year": next((f for f in focus_areas if f.year == year), None),
        "next_year": next((f for f in focus_areas if f.year == year + 1), None),
        "coming": [f for f in focus_areas if f.year > year],
        "past": past,
    }


def focus_areas_page_data(agreement, *, today: datetime.date | None = None) -> dict:
    """This year's focus area, the coming and past ones, and the open proposals with their
    number of supporters."""
    timeline = focus_area_timeline(agreement, today=today)
    return {
        "agreement": agreement,
        "year": timeline["year"],
        "this_year": timeline["this_year"],
        "coming": timeline["coming"],
        "past": timeline["past"],
        "proposals": list(proposals_with_support(agreement, open_only=True)),
    }


def proposal_page_data(agreement, pk: int, *, user) -> dict | None:
    """One proposal with its supporters counted and what the person may do with it."""
    proposal = proposals_with_support(agreement).filter(pk=pk).first()
    if proposal is None:
        return None
    supports = (
        user.is_authenticated
        and ProposalSupport.objects.filter(proposal=proposal, user=user).exists()
    )
    is_open = proposal.status in OPEN_PROPOSAL_STATUSES
    withdrawable = proposal.status in (
        FocusAreaProposal.Status.PROPOSED,
        FocusAreaProposal.Status.PREPARED,
    )
    return {
        "agreement": agreement,
        "proposal": proposal,
        "supports": supports,
        "is_open": is_open,
        "can_support": is_open and not supports and permissions.can_support(user, proposal)[0],
        "can_withdraw_support": is_open and supports,
        "can_prepare": withdrawable and permissions.can_prepare(user, proposal)[0],
        "can_withdraw": withdrawable and permissions.can_withdraw(user, proposal)[0],
    }


def start_page_focus_areas(agreement, *, today=None) -> dict:
    """What the start page says about focus areas, read from the same timeline as the
    focus-area page: this year's (else the most recent before it, which the page names as
    the latest, so it is not empty between decisions) and next year's, once decided."""
    timeline = focus_area_timeline(agreement, today=today, with_areas=False)
    latest = timeline["past"][0] if timeline["past"] else None
    return {
        "current": timeline["this_year"] or latest,
        "upcoming": timeline["next_year"],
        "year": timeline["year"],
    }
