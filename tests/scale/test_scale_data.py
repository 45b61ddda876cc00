"""The city-scale data generator (`generate_scale_data`): rows in every domain in proportion to
the scale, the same rows for the same seed, the rules of each domain kept, and the pages of what
it made working as for any other row.

One small run (scale 0.02, on an empty database, so the demo is loaded first) is shared by the
module and rolled back at its end.
"""

import datetime
import itertools
from collections import defaultdict
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, Q

from samverkan.actors.models import Organisation
from samverkan.agreements.models import Agreement
from samverkan.areas.models import Hosting, PriorityArea
from samverkan.demo import scale
from samverkan.events.models import Event, Registration
from samverkan.funding.models import FundingCall
from samverkan.governance.models import Body, Meeting, MinutesParagraph
from samverkan.learning.models import Course, Material
from samverkan.matching.index import suggest
from samverkan.matching.models import Posting, PostingTerm, TermStat
from samverkan.partnerships.models import Collaboration
from samverkan.plans.models import PlanPeriod
from samverkan.venues.models import Booking, Venue, VisitorCount

SCALE = 0.02
KINDS = {"users": "people"}  # the count's name → the name of its proportion
SEED = 7
TODAY = datetime.date(2026, 3, 16)

# The module's data is made once (below); each test reads it in a rolled-back transaction.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    """The counts of one run at SCALE; its rows stay until the module's tests are done."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield scale.generate(scale=SCALE, seed=SEED, today=TODAY)
        transaction.set_rollback(True)


def _fingerprint() -> dict[str, list]:
    """What a person would see of the generated data, without database ids."""
    return {
        "organisations": list(
            Organisation.objects.filter(slug__startswith=scale.PREFIX)
            .order_by("slug")
            .values_list("slug", "name", "sector", "organisation_number", "search_stems")
        ),
        "events": list(
            Event.objects.filter(slug__startswith=scale.PREFIX)
            .order_by("slug")
            .values_list("slug", "starts_at", "capacity")
            .annotate(registrations=Count("registrations"))
        ),
        "bookings": sorted(
            Booking.objects.filter(room__venue__slug__startswith=scale.PREFIX).values_list(
                "room__venue__slug", "room__slug", "starts_at", "organisation__slug", "status"
            )
        ),
        "paragraphs": sorted(
            MinutesParagraph.objects.filter(body__slug__startswith=scale.PREFIX).values_list(
                "body__slug", "year", "number", "title"
            )
        ),
    }


def test_every_domain_gets_rows(generated):
    empty = [kind for kind, rows in generated.items() if rows == 0 and kind != "phase_changes"]
    assert empty == []
    assert set(scale.LABELS) >= set(generated)
    assert (
        Organisation.objects.filter(slug__startswith=scale.PREFIX).count()
        == (generated["organisations"])
    )
    assert VisitorCount.objects.filter(venue__slug__startswith=scale.PREFIX).count() == (
        scale.VISITOR_WEEKS * generated["venues"]
    )


@pytest.mark.parametrize(
    "kind",
    ["organisations", "users", "representations", "collaborations", "postings", "events"],
)
def test_counts_follow_the_scale(generated, kind):
    assert generated[kind] == round(scale.PER_SCALE[KINDS.get(kind, kind)] * SCALE)


def test_registrations_and_paragraphs_follow_the_scale(generated):
    # Registrations are drawn around the mean per event; paragraphs are shared out exactly.
    wanted = scale.PER_SCALE["registrations"] * SCALE
    assert 0.7 * wanted <= generated["registrations"] <= 1.3 * wanted
    assert generated["minutes_paragraphs"] == round(scale.PER_SCALE["paragraphs"] * SCALE)


def test_every_kind_has_at_least_one_row_at_a_tiny_scale():
    assert scale.scaled("venues", 0.001) == 1
    assert scale.scaled("organisations", 10) == 30_000


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(generated):
    first = _fingerprint()
    with transaction.atomic():
        scale.generate(scale=SCALE, seed=SEED, today=TODAY, replace=True)
        again = _fingerprint()
        transaction.set_rollback(True)
    with transaction.atomic():
        scale.generate(scale=SCALE, seed=SEED + 1, today=TODAY, replace=True)
        other = _fingerprint()
        transaction.set_rollback(True)
    assert again == first
    assert other["organisations"] != first["organisations"]


def test_bookings_of_a_room_never_overlap(generated):
    by_room = defaultdict(list)
    for room_id, starts, ends in (
        Booking.objects.active()
        .filter(room__venue__slug__startswith=scale.PREFIX)
        .values_list("room_id", "starts_at", "ends_at")
    ):
        by_room[room_id].append((starts, ends))
    assert by_room
    for bookings in by_room.values():
        bookings.sort()
        for (_start, end), (next_start, _end) in itertools.pairwise(bookings):
            assert end <= next_start


def test_no_event_has_more_people_with_a_seat_than_seats(generated):
    events = Event.objects.filter(slug__startswith=scale.PREFIX).annotate(
        seated=Count("registrations", filter=Q(registrations__status="registered")),
        waiting=Count("registrations", filter=Q(registrations__status="waitlisted")),
    )
    for event in events:
        if event.capacity is None:
            assert event.waiting == 0
        else:
            assert event.seated <= event.capacity
            # People wait only when every seat is taken.
            assert event.waiting == 0 or event.seated == event.capacity
    assert Registration.objects.filter(event__in=events).exists()


def test_an_area_has_one_host_per_side_at_a_time(generated):
    periods = defaultdict(list)
    for area_id, side, starts, ends in Hosting.objects.filter(
        area__slug__startswith=scale.PREFIX
    ).values_list("area_id", "side", "starts_on", "ends_on"):
        periods[(area_id, side)].append((starts, ends or datetime.date.max))
    assert len(periods) == 2 * PriorityArea.objects.filter(slug__startswith=scale.PREFIX).count()
    for spans in periods.values():
        spans.sort()
        for (_start, end), (next_start, _end) in itertools.pairwise(spans):
            assert end < next_start


def test_paragraphs_are_numbered_from_one_per_body_and_year(generated):
    numbers = defaultdict(list)
    for body, year, number in MinutesParagraph.objects.filter(
        body__slug__startswith=scale.PREFIX
    ).values_list("body_id", "year", "number"):
        numbers[(body, year)].append(number)
    assert numbers
    for found in numbers.values():
        assert sorted(found) == list(range(1, len(found) + 1))


def test_the_matching_index_counts_the_generated_postings(generated):
    agreement_id = Posting.objects.filter(organisation__slug__startswith=scale.PREFIX)[
        0
    ].agreement_id
    for direction in ("need", "offer"):
        stat = TermStat.objects.get(agreement_id=agreement_id, direction=direction, term="")
        indexed = Posting.objects.filter(
            agreement_id=agreement_id, direction=direction, index_length__isnull=False
        )
        assert stat.df == indexed.count()
        word = PostingTerm.objects.filter(agreement_id=agreement_id, direction=direction)[0].term
        assert TermStat.objects.get(
            agreement_id=agreement_id, direction=direction, term=word
        ).df == (
            PostingTerm.objects.filter(
                agreement_id=agreement_id, direction=direction, term=word
            ).count()
        )


def test_a_generated_need_gets_suggestions(generated):
    need = Posting.objects.filter(
        organisation__slug__startswith=scale.PREFIX, direction="need", status="open"
    ).first()
    assert suggest(need, on=TODAY)


def test_the_register_finds_a_generated_organisation(generated, client):
    organisation = Organisation.objects.filter(
        slug__startswith=scale.PREFIX, sector="civil"
    ).first()
    response = client.get("/foreningsregistret/", {"q": organisation.name})
    assert response.status_code == 200
    assert organisation.get_absolute_url() in response.content.decode()


def test_pages_of_generated_rows_answer(generated, client):
    prefix = scale.PREFIX
    rows = [
        Organisation.objects.filter(slug__startswith=prefix).first(),
        Event.objects.filter(slug__startswith=prefix, is_published=True).first(),
        Collaboration.objects.filter(slug__startswith=prefix).first(),
        PriorityArea.objects.filter(slug__startswith=prefix).first(),
        Body.objects.filter(slug__startswith=prefix).first(),
        Meeting.objects.filter(body__slug__startswith=prefix, status="adjusted").first(),
        Venue.objects.filter(slug__startswith=prefix).first(),
        Material.objects.filter(slug__startswith=prefix).first(),
        Course.objects.filter(slug__startswith=prefix).first(),
        PlanPeriod.objects.filter(slug__startswith=prefix).first(),
    ]
    call = FundingCall.objects.filter(slug__startswith=prefix).first()
    urls = [row.get_absolute_url() for row in rows]
    urls.append(call.url_in(Agreement.objects.get(slug=scale.common.AGREEMENT_SLUG)))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url


def test_a_second_run_refuses_without_replace(generated):
    with pytest.raises(CommandError, match="--replace"):
        call_command("generate_scale_data", scale=SCALE, stderr=StringIO(), stdout=StringIO())


def test_replace_removes_the_earlier_rows_first_and_leaves_the_rest(generated):
    demo = set(Organisation.objects.exclude(slug__startswith=scale.PREFIX).values_list("pk"))
    out, err = StringIO(), StringIO()
    with transaction.atomic():
        call_command(
            "generate_scale_data",
            scale=SCALE,
            seed=SEED,
            replace=True,
            today=TODAY,
            stdout=out,
            stderr=err,
        )
        assert (
            Organisation.objects.filter(slug__startswith=scale.PREFIX).count()
            == (generated["organisations"])
        )
        others = Organisation.objects.exclude(slug__startswith=scale.PREFIX)
        assert set(others.values_list("pk")) == demo
        # The matching index's statistics count exactly the index rows that are left.
        stats = {
            (a, d, t): df
            for a, d, t, df in TermStat.objects.exclude(term="")
            .filter(df__gt=0)
            .values_list("agreement_id", "direction", "term", "df")
        }
        rows = {
            (r["agreement_id"], r["direction"], r["term"]): r["n"]
            for r in PostingTerm.objects.order_by()
            .values("agreement_id", "direction", "term")
            .annotate(n=Count("id"))
        }
        assert stats == rows
        transaction.set_rollback(True)
    assert "12/12" in err.getvalue()  # the progress of the last domain
    assert scale.LABELS["registrations"] in out.getvalue()
