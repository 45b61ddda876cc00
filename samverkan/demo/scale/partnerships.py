"""Priority areas with hostings, collaborations with parties and IOP agreements, and needs and
offers written straight into the matching index (PostingTerm, TermStat)."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Sum

from samverkan.actors.models import (
    Sector,
)
from samverkan.areas.models import (
    Hosting,
    HostSide,
    PhaseChange,
    PriorityArea,
    SustainabilityGoal,
)
from samverkan.core.slugs import slug_text
from samverkan.demo.bulk import assign_ids, insert
from samverkan.demo.scale.common import PREFIX, at
from samverkan.demo.scale.vocabulary import KIND_WORDS, TEXT_SENTENCES, THEMES
from samverkan.matching.index import impact
from samverkan.matching.models import Match, Posting, PostingTerm, TermStat
from samverkan.matching.text import analyse
from samverkan.partnerships.models import (
    Collaboration,
    CollaborationParty,
    IopAgreement,
    IopCondition,
)
from samverkan.partnerships.search import index_text

# -- priority areas ----------------------------------------------------------------------------


def areas(ctx) -> dict[str, int]:
    """Priority areas with goals, phase history and hostings: one host per side at a time, an
    earlier host's period ending before the next one's starts."""
    rng = ctx.rng("areas")
    goals = list(SustainabilityGoal.objects.order_by("number").values_list("pk", flat=True))
    civil = ctx.by_sector[Sector.CIVIL_SOCIETY] or ctx.orgs
    city = ctx.by_sector[Sector.MUNICIPALITY] or civil
    areas, phases, hostings, goal_links = [], [], [], []
    for i in range(ctx.n("priority_areas")):
        theme, text = THEMES[i % len(THEMES)]
        started = ctx.days_ago(rng.randint(200, 1800))
        phase = rng.randint(1, 5)
        area = PriorityArea(
            agreement_id=ctx.agreement.pk,
            title=f"{text[0].upper()}{text[1:]} ({i + 1})",
            slug=f"{PREFIX}{slug_text(theme)}-{i + 1}",
            summary=f"Samverkan om {text}.",
            description=" ".join(rng.sample(TEXT_SENTENCES, 3)),
            phase=phase,
            started_on=started,
            position=100 + i,
            is_demo=True,
        )
        areas.append(area)
    assign_ids(areas)
    for area in areas:
        day = area.started_on
        for phase in range(2, area.phase + 1):
            day += datetime.timedelta(days=rng.randint(60, 300))
            phases.append(PhaseChange(area_id=area.pk, phase=phase, changed_on=min(day, ctx.today)))
        for side, pool in ((HostSide.CIVIL_SOCIETY, civil), (HostSide.CITY, city)):
            start = area.started_on + datetime.timedelta(days=30)
            if rng.random() < 0.3:
                # An earlier host who handed over: the periods follow each other.
                handover = start + datetime.timedelta(days=rng.randint(120, 365))
                if handover < ctx.today:
                    hostings.append(_hosting(ctx, rng, area, side, pool, start, handover))
                    start = handover + datetime.timedelta(days=1)
            hostings.append(_hosting(ctx, rng, area, side, pool, start, None))
        for goal in rng.sample(goals, min(len(goals), 2)):
            goal_links.append(
                PriorityArea.goals.through(priorityarea_id=area.pk, sustainabilitygoal_id=goal)
            )
    insert(areas)
    insert(phases, with_pk=False)
    insert(hostings, with_pk=False)
    insert(goal_links, with_pk=False)
    ctx.priority_areas = areas
    ctx.all_areas = list(
        PriorityArea.objects.filter(agreement=ctx.agreement).values_list("pk", flat=True)
    )
    return {
        "priority_areas": len(areas),
        "phase_changes": len(phases),
        "hostings": len(hostings),
    }


def _hosting(ctx, rng, area, side, pool, starts_on, ends_on) -> Hosting:
    org = rng.choice(pool)
    return Hosting(
        area_id=area.pk,
        side=side,
        organisation_id=org.pk,
        contact_person_id=ctx.ombud(rng, org),
        starts_on=starts_on,
        ends_on=ends_on,
        agreement_reference=f"Värdskapsavtal STK-{starts_on.year}-{rng.randint(100, 999)}",
    )


# -- collaborations ----------------------------------------------------------------------------


def collaborations(ctx) -> dict[str, int]:
    """Collaborations with a lead, a city party and partners, areas and districts; every tenth
    an IOP agreement, signed only with every condition confirmed."""
    rng = ctx.rng("collaborations")
    kinds = [k for k in Collaboration.Kind if k != Collaboration.Kind.IOP]
    civil = ctx.by_sector[Sector.CIVIL_SOCIETY] or ctx.orgs
    city = ctx.by_sector[Sector.MUNICIPALITY] or civil
    collaborations, parties, iops, area_links, district_links = [], [], [], [], []
    for i in range(ctx.n("collaborations")):
        _theme, text = rng.choice(THEMES)
        district = rng.choice(ctx.districts)
        is_iop = i % 10 == 0
        starts = ctx.days_ago(rng.randint(30, 1500))
        status = rng.choices(list(Collaboration.Status), [0.1, 0.6, 0.3])[0]
        ends = None
        if status == Collaboration.Status.ENDED:
            ends = min(ctx.today, starts + datetime.timedelta(days=rng.randint(90, 700)))
        elif status == Collaboration.Status.PLANNED:
            starts = ctx.today + datetime.timedelta(days=rng.randint(10, 200))
        title = f"{text[0].upper()}{text[1:]} i {district.name}"
        description = f"Ett samarbete om {text} i {district.name}. " + " ".join(
            rng.sample(TEXT_SENTENCES, 2)
        )
        results = "Fler deltagare än väntat och nya ledare." if ends else ""
        collaboration = Collaboration(
            agreement_id=ctx.agreement.pk,
            title=title,
            slug=f"{PREFIX}{i + 1}-{slug_text(title)}"[:300],
            description=description,
            kind=Collaboration.Kind.IOP if is_iop else rng.choice(kinds),
            status=status,
            starts_on=starts,
            ends_on=ends,
            results=results,
            mapping_year=min(starts.year, ctx.today.year),
            is_demo=True,
            search_text=index_text(title=title, description=description, results=results),
        )
        collaborations.append(collaboration)
    assign_ids(collaborations)
    for collaboration in collaborations:
        members = {rng.choice(civil).pk: CollaborationParty.Role.LEAD}
        members.setdefault(rng.choice(city).pk, CollaborationParty.Role.PARTNER)
        for _ in range(rng.randint(0, 2)):
            members.setdefault(rng.choice(ctx.orgs).pk, CollaborationParty.Role.PARTNER)
        for org_id, role in members.items():
            parties.append(
                CollaborationParty(
                    collaboration_id=collaboration.pk, organisation_id=org_id, role=role
                )
            )
        for area in rng.sample(ctx.all_areas, min(2, len(ctx.all_areas))):
            area_links.append(
                Collaboration.areas.through(collaboration_id=collaboration.pk, priorityarea_id=area)
            )
        district_links.append(
            Collaboration.districts.through(
                collaboration_id=collaboration.pk,
                district_id=rng.choice(ctx.districts).pk,
            )
        )
        if collaboration.kind == Collaboration.Kind.IOP:
            iops.append(_iop(ctx, rng, collaboration))
    insert(collaborations)
    insert(parties, with_pk=False)
    insert(area_links, with_pk=False)
    insert(district_links, with_pk=False)
    insert(iops, with_pk=False)
    ctx.collaborations_made = collaborations
    return {
        "collaborations": len(collaborations),
        "collaboration_parties": len(parties),
        "iop_agreements": len(iops),
    }


def _iop(ctx, rng, collaboration) -> IopAgreement:
    starts = collaboration.starts_on
    signed = rng.random() < 0.7 and starts <= ctx.today
    fields = {}
    if signed:
        confirmed = at(starts, 10) - datetime.timedelta(days=14)
        for condition in IopCondition:
            fields[f"{condition.value}_confirmed_at"] = confirmed
            fields[f"{condition.value}_confirmed_by_id"] = ctx.coordinator_id
    return IopAgreement(
        collaboration_id=collaboration.pk,
        purpose=f"Gemensamt syfte: {collaboration.description.split('.')[0].lower()}.",
        starts_on=starts,
        ends_on=collaboration.ends_on,
        value=Decimal(rng.randint(50, 2000) * 1000),
        signed_on=starts - datetime.timedelta(days=7) if signed else None,
        signed_by_id=ctx.coordinator_id if signed else None,
        **fields,
    )


# -- needs and offers, and the matching index --------------------------------------------------


def postings(ctx) -> dict[str, int]:
    """Needs and offers, indexed for matching as matching.index does it, and some matches."""
    rng = ctx.rng("postings")
    kinds = list(Posting.Kind)
    postings, area_links, district_links = [], [], []
    acting = [o for o in ctx.orgs if o.pk in ctx.representatives] or ctx.orgs
    for _i in range(ctx.n("postings")):
        org = rng.choice(acting)
        theme, text = rng.choice(THEMES)
        district = rng.choice(ctx.districts)
        direction = rng.choice(list(Posting.Direction))
        kind = rng.choice(kinds)
        what = KIND_WORDS[kind]
        if direction == Posting.Direction.NEED:
            title = f"Söker {what} för {theme}"
            body = f"Vi behöver {what} till {text} i {district.name}."
        else:
            title = f"Erbjuder {what} för {theme}"
            body = f"Vi erbjuder {what} för {text} i {district.name}."
        body += " " + " ".join(rng.sample(TEXT_SENTENCES, 2))
        created = at(ctx.days_ago(rng.randint(0, 400)), 10)
        status = rng.choices(list(Posting.Status), [0.85, 0.05, 0.1])[0]
        postings.append(
            Posting(
                agreement_id=ctx.agreement.pk,
                organisation_id=org.pk,
                direction=direction,
                kind=kind,
                title=title,
                text=body,
                valid_until=created.date() + datetime.timedelta(days=rng.randint(60, 540)),
                status=status,
                created_by_id=ctx.ombud(rng, org),
                created_at=created,
                updated_at=created,
                is_demo=True,
            )
        )
    assign_ids(postings)
    for posting in postings:
        area = rng.choice(ctx.all_areas)
        area_links.append(Posting.areas.through(posting_id=posting.pk, priorityarea_id=area))
        for d in ctx.org_districts.get(posting.organisation_id, [])[:1]:
            district_links.append(Posting.districts.through(posting_id=posting.pk, district_id=d))
    terms = _index(ctx, postings)
    insert(postings)
    insert(area_links, with_pk=False)
    insert(district_links, with_pk=False)
    insert(terms, with_pk=False)
    # The statistics as matching.index keeps them, counted in a few statements.
    recount_term_stats(ctx.agreement.pk)
    matches = _matches(ctx, rng, postings)
    return {"postings": len(postings), "posting_terms": len(terms), "matches": matches}


def _index(ctx, postings) -> list[PostingTerm]:
    """The index rows of the open postings, as matching.index.bulk_index would write them
    (the average length is that of the direction with these postings added)."""
    analysed = [(p, analyse(p.title, p.text)) for p in postings if p.status == "open"]
    docs: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for p, a in analysed:
        docs[p.direction][0] += 1
        docs[p.direction][1] += a.length
    corpus = {
        row.direction: row for row in TermStat.objects.filter(agreement=ctx.agreement, term="")
    }
    averages = {}
    for direction, (count, total) in docs.items():
        row = corpus.get(direction)
        all_docs = count + (row.df if row else 0)
        averages[direction] = (total + (row.total_length if row else 0)) / max(all_docs, 1)
    rows = []
    for p, a in analysed:
        p.index_length = a.length
        for term, tf in a.tf.items():
            rows.append(
                PostingTerm(
                    posting_id=p.pk,
                    agreement_id=p.agreement_id,
                    direction=p.direction,
                    organisation_id=p.organisation_id,
                    valid_until=p.valid_until,
                    term=term,
                    tf=min(tf, 32_000),
                    length=a.length,
                    impact=impact(tf, a.length, averages[p.direction]),
                    word=a.surface[term],
                )
            )
    return rows


def _matches(ctx, rng, postings) -> int:
    needs = [p for p in postings if p.direction == "need" and p.status == "open"]
    offers = [p for p in postings if p.direction == "offer" and p.status == "open"]
    if not needs or not offers:
        return 0
    pairs, rows = set(), []
    for _ in range(ctx.n("matches")):
        need, offer = rng.choice(needs), rng.choice(offers)
        if (need.pk, offer.pk) in pairs or need.organisation_id == offer.organisation_id:
            continue
        pairs.add((need.pk, offer.pk))
        status = rng.choice([Match.Status.SUGGESTED, Match.Status.ACCEPTED])
        accepted = at(ctx.days_ago(rng.randint(0, 60)), 11)
        rows.append(
            Match(
                need_id=need.pk,
                offer_id=offer.pk,
                status=status,
                score=round(rng.uniform(0.4, 1.6), 3),
                need_accepted_at=accepted if status == Match.Status.ACCEPTED else None,
                offer_accepted_at=accepted if status == Match.Status.ACCEPTED else None,
                is_demo=True,
            )
        )
    return insert(rows, with_pk=False)


def recount_term_stats(agreement_id: int) -> None:
    """The agreement's term statistics (matching.index's TermStat) counted anew from its index
    rows: after many postings were indexed or deleted in bulk, one GROUP BY instead of an
    update per term."""
    TermStat.objects.filter(agreement_id=agreement_id).delete()
    rows = [
        TermStat(agreement_id=agreement_id, direction=r["direction"], term=r["term"], df=r["n"])
        for r in PostingTerm.objects.filter(agreement_id=agreement_id)
        .order_by()
        .values("direction", "term")
        .annotate(n=Count("id"))
    ]
    rows += [
        TermStat(
            agreement_id=agreement_id,
            direction=r["direction"],
            term="",
            df=r["n"],
            total_length=r["total"],
        )
        for r in Posting.objects.filter(agreement_id=agreement_id, index_length__isnull=False)
        .order_by()
        .values("direction")
        .annotate(n=Count("id"), total=Sum("index_length"))
    ]
    insert(rows, with_pk=False)
