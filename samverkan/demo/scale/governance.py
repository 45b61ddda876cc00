"""Bodies with members, meetings, agenda items and numbered paragraphs; funders and calls;
materials and courses; a plan period with activities and their status history."""

import datetime
import math
from collections import Counter
from decimal import Decimal

from samverkan.actors.models import (
    LegalForm,
    Sector,
)
from samverkan.demo import data
from samverkan.demo.bulk import assign_ids, insert, insert_new
from samverkan.demo.scale.common import MEMBERS_PER_BODY, MODULES_PER_COURSE, PREFIX, at
from samverkan.demo.scale.vocabulary import TEXT_SENTENCES, THEMES
from samverkan.funding.models import Funder, FundingCall, pack_choices
from samverkan.governance.models import (
    AgendaItem,
    Attendance,
    Body,
    Meeting,
    Membership,
    MinutesParagraph,
    Seat,
    Statement,
)
from samverkan.learning.models import Course, CourseModule, Material, Topic
from samverkan.learning.text import sanitise_html, search_stems_of
from samverkan.plans.models import ActivityStatus, ActivityStatusChange, PlanActivity, PlanPeriod

# -- governance --------------------------------------------------------------------------------


def governance(ctx) -> dict[str, int]:
    """Bodies with members, quarterly meetings (each body's last one coming), agenda items and
    paragraphs numbered from § 1 per body and year, reservations on votes."""
    rng = ctx.rng("governance")
    bodies, memberships, meetings, items, attendance, paragraphs, statements = (
        [],
        [],
        [],
        [],
        [],
        [],
        [],
    )
    body_count = ctx.n("bodies")
    for i in range(body_count):
        theme, text = THEMES[i % len(THEMES)]
        bodies.append(
            Body(
                agreement_id=ctx.agreement.pk,
                kind=Body.Kind.OTHER,
                name=f"Referensgruppen för {theme} {i + 1}",
                slug=f"{PREFIX}referensgrupp-{i + 1}",
                description=f"Bereder frågor om {text}.",
                city_voting_seats=3,
                civil_voting_seats=5,
                is_demo=True,
            )
        )
    assign_ids(bodies)
    members_of: dict[int, list[Membership]] = {}
    term_start = datetime.date(ctx.today.year - 4, 1, 1)
    for body in bodies:
        chosen = rng.sample(ctx.users, min(MEMBERS_PER_BODY, len(ctx.users)))
        members_of[body.pk] = []
        for position, user in enumerate(chosen):
            seat = Seat.CITY if position < 3 else Seat.CIVIL_SOCIETY
            org = ctx.home.get(user.pk)
            membership = Membership(
                body_id=body.pk,
                user_id=user.pk,
                organisation_id=org.pk if org else None,
                seat=seat,
                is_chair=position == 0,
                starts_on=term_start,
                appointed_by="Kommunstyrelsens arbetsutskott" if seat == Seat.CITY else "",
            )
            memberships.append(membership)
            members_of[body.pk].append(membership)
    assign_ids(memberships)
    meeting_count = ctx.n("meetings")
    per_body = math.ceil(meeting_count / body_count)
    planned_count = sum(1 for k in range(meeting_count) if _is_planned(k, body_count, per_body))
    held_count = meeting_count - planned_count
    paragraphs_wanted = ctx.n("paragraphs")
    per_meeting = math.ceil(paragraphs_wanted / max(held_count, 1))
    for k in range(meeting_count):
        body = bodies[k % body_count]
        nth = k // body_count
        planned = _is_planned(k, body_count, per_body)
        # Held meetings spread over the last four years; each body's last one is coming.
        if planned:
            day = ctx.today + datetime.timedelta(days=30)
        else:
            day = ctx.today - datetime.timedelta(
                days=30 + round(1430 * (per_body - nth - 1) / per_body)
            )
        status = Meeting.Status.PLANNED if planned else Meeting.Status.ADJUSTED
        members = members_of[body.pk]
        meetings.append(
            Meeting(
                body_id=body.pk,
                starts_at=at(day, 13),
                place="Stadshuset, August Palms plats 1",
                status=status,
                chair_id=members[0].user_id,
                secretary_id=ctx.coordinator_id,
                adjusted_on=None if planned else day + datetime.timedelta(days=10),
                published_at=None if planned else at(day + datetime.timedelta(days=11), 9),
                is_demo=True,
            )
        )
    assign_ids(meetings)
    numbers: Counter = Counter()
    held = 0
    for meeting in sorted(meetings, key=lambda m: (m.starts_at, m.pk)):
        members = members_of[meeting.body_id]
        is_planned = meeting.status == Meeting.Status.PLANNED
        if not is_planned:
            for m in members:
                attendance.append(
                    Attendance(
                        meeting_id=meeting.pk, membership_id=m.pk, present=rng.random() < 0.9
                    )
                )
            # The paragraphs wanted, shared out over the held meetings.
            count = paragraphs_wanted // held_count + (held < paragraphs_wanted % held_count)
            held += 1
        else:
            count = per_meeting
        for position in range(1, count + 1):
            theme, text = rng.choice(THEMES)
            item = AgendaItem(
                meeting_id=meeting.pk,
                position=position,
                title=f"{text[0].upper()}{text[1:]}",
                description=f"Föredragning om {text}.",
            )
            items.append(item)
            if is_planned:
                continue
            year = meeting.starts_at.year
            numbers[(meeting.body_id, year)] += 1
            method = rng.choice(list(MinutesParagraph.Method))
            paragraph = MinutesParagraph(
                meeting=meeting,
                body_id=meeting.body_id,
                year=year,
                number=numbers[(meeting.body_id, year)],
                agenda_item=item,
                title=item.title,
                text=" ".join(rng.sample(TEXT_SENTENCES, 2)),
                decision=""
                if method == MinutesParagraph.Method.NOTED
                else f"Gruppen beslutar att gå vidare med {text}.",
                method=method,
                votes_for=5 if method == MinutesParagraph.Method.VOTE else None,
                votes_against=3 if method == MinutesParagraph.Method.VOTE else None,
                decided_at=meeting.starts_at,
            )
            paragraphs.append(paragraph)
            if method == MinutesParagraph.Method.VOTE:
                statements.append((paragraph, rng.choice(members[3:] or members)))
    insert(bodies)
    insert(memberships)
    insert(meetings)
    assign_ids(items)
    insert(items)
    insert(attendance, with_pk=False)
    for p in paragraphs:
        p.meeting_id, p.agenda_item_id = p.meeting.pk, p.agenda_item.pk
    assign_ids(paragraphs)
    insert(paragraphs)
    insert(
        [
            Statement(
                paragraph_id=p.pk,
                kind=Statement.Kind.RESERVATION,
                by_id=m.pk,
                text="Jag reserverar mig mot beslutet till förmån för mitt eget förslag.",
            )
            for p, m in statements
        ],
        with_pk=False,
    )
    return {
        "bodies": len(bodies),
        "memberships": len(memberships),
        "meetings": len(meetings),
        "agenda_items": len(items),
        "minutes_paragraphs": len(paragraphs),
    }


def _is_planned(k: int, body_count: int, per_body: int) -> bool:
    """Each body's last meeting is a coming one, when it has more than one."""
    return per_body > 1 and k // body_count == per_body - 1


# -- funding -----------------------------------------------------------------------------------


def funding(ctx) -> dict[str, int]:
    """Funders and their calls: open, coming, closed and rolling ones."""
    rng = ctx.rng("funding")
    funders = [
        Funder(
            name=f"Stiftelsen {rng.choice(data.NAME_WORDS)} {i + 1}",
            slug=f"{PREFIX}stiftelse-{i + 1}",
            kind=rng.choice(list(Funder.Kind)),
            website=f"https://stiftelse-{i + 1}.example.org",
            description="Stödjer idéburna organisationers arbete i Malmö.",
            is_demo=True,
        )
        for i in range(ctx.n("funders"))
    ]
    assign_ids(funders)
    calls, area_links, district_links = [], [], []
    for i in range(ctx.n("funding_calls")):
        _theme, text = rng.choice(THEMES)
        opens = ctx.today + datetime.timedelta(days=rng.randint(-300, 60))
        deadline = opens + datetime.timedelta(days=rng.randint(14, 120))
        if rng.random() < 0.1:
            deadline = None  # a rolling call
        smallest = rng.choice([None, 5000, 10000, 25000])
        call = FundingCall(
            funder_id=rng.choice(funders).pk,
            agreement_id=ctx.agreement.pk if rng.random() < 0.7 else None,
            title=f"Bidrag till {text} ({i + 1})",
            slug=f"{PREFIX}utlysning-{i + 1}",
            description=f"För verksamhet med {text}. " + rng.choice(TEXT_SENTENCES),
            sectors=pack_choices(
                rng.sample([Sector.CIVIL_SOCIETY, Sector.MUNICIPALITY], rng.randint(0, 1))
            ),
            legal_forms=pack_choices([LegalForm.ASSOCIATION] if rng.random() < 0.3 else []),
            amount_min=Decimal(smallest) if smallest else None,
            amount_max=Decimal((smallest or 10000) * rng.randint(2, 20)),
            opens_on=opens,
            deadline=deadline,
            link=f"https://stiftelse.example.org/utlysning-{i + 1}",
            is_demo=True,
        )
        calls.append(call)
    assign_ids(calls)
    for call in calls:
        if rng.random() < 0.5:
            area_links.append(
                FundingCall.areas.through(
                    fundingcall_id=call.pk, priorityarea_id=rng.choice(ctx.all_areas)
                )
            )
        if rng.random() < 0.3:
            district_links.append(
                FundingCall.districts.through(
                    fundingcall_id=call.pk, district_id=rng.choice(ctx.districts).pk
                )
            )
    insert(funders)
    insert(calls)
    insert(area_links, with_pk=False)
    insert(district_links, with_pk=False)
    return {"funders": len(funders), "funding_calls": len(calls)}


# -- learning ----------------------------------------------------------------------------------


def learning(ctx) -> dict[str, int]:
    """Published materials of the method library and courses with modules."""
    rng = ctx.rng("learning")
    topics = list(Topic)
    materials, authors = [], []
    for i in range(ctx.n("materials")):
        theme, text = rng.choice(THEMES)
        title = f"Så lyckas ni med {text}"
        summary = f"En vägledning om {text} för föreningar och förvaltningar."
        body = sanitise_html(
            f"<h2>Bakgrund</h2><p>{' '.join(rng.sample(TEXT_SENTENCES, 3))}</p>"
            f"<h2>Så här gör ni</h2><ul><li>Bjud in till dialog.</li>"
            f"<li>Planera {theme} tillsammans.</li><li>Följ upp.</li></ul>"
        )
        published = at(ctx.days_ago(rng.randint(1, 900)), 10)
        materials.append(
            Material(
                agreement_id=ctx.agreement.pk,
                title=title,
                slug=f"{PREFIX}material-{i + 1}",
                topic=rng.choice(topics),
                summary=summary,
                body=body,
                is_published=True,
                published_at=published,
                created_at=published,
                updated_at=published,
                search_stems=search_stems_of(title, summary, body),
                is_demo=True,
            )
        )
    assign_ids(materials)
    for material in materials:
        authors.append(
            Material.authors.through(
                material_id=material.pk, organisation_id=rng.choice(ctx.orgs).pk
            )
        )
    courses, modules = [], []
    for i in range(ctx.n("courses")):
        theme, text = THEMES[i % len(THEMES)]
        courses.append(
            Course(
                agreement_id=ctx.agreement.pk,
                title=f"Kurs: {text} ({i + 1})",
                slug=f"{PREFIX}kurs-{i + 1}",
                summary=f"Grundkurs om {text}.",
                description=sanitise_html(f"<p>{rng.choice(TEXT_SENTENCES)}</p>"),
                is_published=True,
                is_demo=True,
            )
        )
    assign_ids(courses)
    for course in courses:
        for position in range(1, MODULES_PER_COURSE + 1):
            modules.append(
                CourseModule(
                    course_id=course.pk,
                    position=position,
                    title=f"Modul {position}",
                    body=sanitise_html(f"<p>{rng.choice(TEXT_SENTENCES)}</p>"),
                    estimated_minutes=rng.choice([10, 15, 20, 30]),
                )
            )
    insert(materials)
    insert(authors, with_pk=False)
    insert(courses)
    insert(modules, with_pk=False)
    return {
        "materials": len(materials),
        "courses": len(courses),
        "course_modules": len(modules),
    }


# -- the plan ----------------------------------------------------------------------------------


def plans(ctx) -> dict[str, int]:
    """A plan period of its own with activities and their status history."""
    rng = ctx.rng("plans")
    first_year = ctx.today.year - 2
    plan = PlanPeriod(
        agreement_id=ctx.agreement.pk,
        title=f"Samarbetsplan {first_year}–{first_year + 4} (skalningsdata)",
        slug=f"{PREFIX}samarbetsplan",
        first_year=first_year,
        last_year=first_year + 4,
        adopted_on=datetime.date(first_year - 1, 12, 1),
        adopted_by="Kommunstyrelsen",
        summary="Genererad plan för prestandamätningar.",
        is_demo=True,
    )
    insert_new([plan])
    activities, changes = [], []
    for i in range(ctx.n("plan_activities")):
        _theme, text = rng.choice(THEMES)
        org = rng.choice(ctx.orgs)
        activities.append(
            PlanActivity(
                plan_id=plan.pk,
                title=f"Utveckla {text} ({i + 1})",
                description=rng.choice(TEXT_SENTENCES),
                planned_year=first_year + rng.randint(0, 4),
                responsible=org.name[:200],
                responsible_organisation_id=org.pk,
                area_id=rng.choice(ctx.all_areas),
                position=i,
            )
        )
    assign_ids(activities)
    for activity in activities:
        history = []
        if activity.planned_year <= ctx.today.year:
            history.append(ActivityStatus.STARTED)
            history.append(rng.choice([ActivityStatus.DELAYED, ActivityStatus.DONE]))
        day = datetime.date(activity.planned_year, 2, 1)
        for status in history:
            if day > ctx.today:
                break
            changes.append(
                ActivityStatusChange(activity_id=activity.pk, status=status, changed_on=day)
            )
            activity.status = status
            day += datetime.timedelta(days=rng.randint(60, 300))
    insert(activities)
    insert(changes, with_pk=False)
    return {"plan_activities": len(activities), "plan_status_changes": len(changes)}
