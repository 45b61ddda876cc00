"""A city-scale data set for benchmarks and load tests: `python -m samverkan generate_scale_data`.

Scale 1 is Malmö today; every domain grows in proportion to the scale (`PER_SCALE`, rounded,
at least one row of each kind). At scale 1:

    organisations      3 000   (85 % non-profit, 5 % municipal units, 7 % business, 2 % academia,
                                1 % authorities), with districts, areas of interest, umbrellas
                                and the search columns the register reads
    people             6 000   users with a verified e-mail address (the demo password)
    representations    4 000   85 % confirmed, 10 % waiting, 5 % ended
    priority areas        10   with goals, phase history and hostings (one host per side)
    collaborations       300   2–4 parties each, areas, districts; every tenth an IOP agreement
    needs and offers   1 500   in the matching index (PostingTerm, TermStat), 150 matches
    events             1 000   with sessions (trainings), ~30 000 registrations within capacity
    venues                 2   5 rooms each, opening hours, rules, ~3 000 bookings that never
                                overlap, 52 weekly visitor counts per venue
    governance             2   bodies with 8 members, 40 meetings, 400 numbered paragraphs
    funding               10   funders with 100 calls
    learning              50   materials, 2 courses of 5 modules
    plan                 100   activities of one plan period, with their status history

Everything goes into the agreement "malmoandan" of the demo, which is loaded first when it is
missing. Every generated row is recognisable: slugs and e-mail addresses begin with `skala-`,
and the rows without either hang off such a row. The data is deterministic: the same seed and
scale give the same rows (dates count from `today`, so give the same day too).

Speed: rows are built in Python with their computed columns (search text, stems, paragraph
numbers, index terms) filled in, and written with COPY on PostgreSQL and executemany on SQLite
(`samverkan.demo.bulk`), never one save() per row. So no model signal is sent: a server that
is already running shows the new rows on cached pages once they expire (PAGE_CACHE_SECONDS).
On PostgreSQL the tables are analysed after the commit, so that the queries of a benchmark
that follows are planned for the new sizes.
"""

import datetime
import sys
import time

from django.db import connection, transaction

from samverkan.agreements.models import Agreement
from samverkan.demo.loader import load_demo
from samverkan.demo.scale import actors, governance, partnerships, venues_events
from samverkan.demo.scale.common import (
    AGREEMENT_SLUG,
    DEFAULT_SCALE,
    DEFAULT_SEED,
    LABELS,
    PER_SCALE,
    PREFIX,
    VISITOR_WEEKS,
    Context,
    analyse_tables,
    scaled,
)
from samverkan.demo.scale.removal import generated_exist, remove_generated

__all__ = [
    "DEFAULT_SCALE",
    "DEFAULT_SEED",
    "DOMAINS",
    "LABELS",
    "PER_SCALE",
    "PREFIX",
    "VISITOR_WEEKS",
    "GeneratedDataExists",
    "Progress",
    "generate",
    "remove_generated",
    "scaled",
]

# The domains in the order they are made: each may use what the ones before it made.
DOMAINS = [
    ("organisations", actors.organisations),
    ("people", actors.people),
    ("representations", actors.representations),
    ("areas", partnerships.areas),
    ("collaborations", partnerships.collaborations),
    ("postings", partnerships.postings),
    ("venues", venues_events.venues),
    ("events", venues_events.events),
    ("governance", governance.governance),
    ("funding", governance.funding),
    ("learning", governance.learning),
    ("plans", governance.plans),
]


class Progress:
    """One line per domain on stderr: a bar of the domains done, the rows and the time."""

    def __init__(self, total: int, stream=None):
        self.total, self.done, self.stream = total, 0, stream or sys.stderr
        self.started = time.monotonic()

    def step(self, name: str, rows: int, seconds: float) -> None:
        self.done += 1
        width = 24
        filled = round(width * self.done / self.total)
        self.stream.write(
            f"[{'#' * filled}{'.' * (width - filled)}] {self.done:>2}/{self.total} "
            f"{name:<16} {rows:>9} rows {seconds:>6.1f} s\n"
        )
        self.stream.flush()


def generate(
    *,
    scale: float = DEFAULT_SCALE,
    seed: int = DEFAULT_SEED,
    replace: bool = False,
    today: datetime.date | None = None,
    progress=None,
) -> dict[str, int]:
    """Generate the data set (see the module's docstring) in one transaction.

    Loads the demo first when its agreement is missing. Refuses (GeneratedDataExists) when
    generated rows are there, unless `replace`, which removes them first. Returns the rows
    made per kind.
    """
    if scale <= 0:
        raise ValueError("The scale must be greater than 0.")
    today = today or datetime.date.today()
    counts: dict[str, int] = {}
    with transaction.atomic():
        if not Agreement.objects.filter(slug=AGREEMENT_SLUG).exists():
            started = time.monotonic()
            load_demo()
            if progress:
                seconds = time.monotonic() - started
                progress.stream.write(f"Demodata laddad / demo loaded ({seconds:.1f} s)\n")
        if generated_exist():
            if not replace:
                raise GeneratedDataExists
            started = time.monotonic()
            removed = remove_generated()
            if progress:
                progress.stream.write(
                    f"Tidigare skalningsdata borttagen / previous data removed: "
                    f"{sum(removed.values())} rows ({time.monotonic() - started:.1f} s)\n"
                )
        ctx = Context(scale=scale, seed=seed, today=today)
        for domain, make in DOMAINS:
            started = time.monotonic()
            made = make(ctx)
            counts.update(made)
            if progress:
                progress.step(domain, sum(made.values()), time.monotonic() - started)
        committing = time.monotonic()
    if not connection.in_atomic_block:
        if progress:
            # PostgreSQL checks the deferred foreign keys of every new row here.
            seconds = time.monotonic() - committing
            progress.stream.write(f"COMMIT ({seconds:.1f} s)\n")
        # Committed: what reads the data next (a benchmark) gets plans made for its size.
        started = time.monotonic()
        analyse_tables()
        if progress and connection.vendor == "postgresql":
            seconds = time.monotonic() - started
            progress.stream.write(f"ANALYZE ({seconds:.1f} s)\n")
    return counts


class GeneratedDataExists(Exception):
    """Generated rows are already in the database and `replace` was not asked for."""
