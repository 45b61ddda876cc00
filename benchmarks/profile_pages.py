"""Where a key page's time goes: each page, each visitor, in-process with Django's test client.

`make profile-pages` runs it twice: as production is configured (anonymous visitors from the
page cache, the ombud and the coordinator with their sessions), then with CACHES_OFF=1 (every
page rendered from the database, as its anonymous or logged-in visitor: benchmarks/pages.py).
For each page and visitor it prints the median time of ROUNDS requests, the first request's
time, then from one more request: the number of SQL queries, their total time, the rest of that
request's time (Python and the templates) and the slowest query (truncated). The slowest pages
follow, with their slowest queries at more length.

It reads the database of DATABASE_URL as settings.py does (SQLite db.sqlite3 without it; the
data must be there: `make demo`, or `make scale-data`, or the benchmark's database
`DATABASE_URL=postgres://postgres@127.0.0.1:5432/samverkan_bench`), with DEBUG off and the
static files collected. Not part of the test suite.

    python benchmarks/profile_pages.py [--rounds 20] [--pages "start page,calendar"]
                                       [--cprofile "register search"]
"""

import argparse
import cProfile
import io
import os
import pstats
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import serve
from pages import ANONYMOUS, VISITORS, key_pages, select, users

SLOWEST = 5
SELECT_LIST = re.compile(r"^SELECT (?!COUNT\(\*\) AS \"__count\").*? FROM ", re.IGNORECASE)


def setup_django() -> None:
    """Django as production runs it (DEBUG off, a secret, no HTTPS redirect), on DATABASE_URL,
    for the test client's host."""
    for name in ("DEBUG", "SAMVERKAN_TESTING", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        os.environ.pop(name, None)
    os.environ.setdefault("SECRET_KEY", "profile-only-secret-key-" + "x" * 40)
    os.environ.update(
        {
            "ALLOWED_HOSTS": "testserver",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "LOG_LEVEL": "ERROR",
            "DJANGO_SETTINGS_MODULE": "samverkan.settings",
        }
    )
    serve.collect_static({**os.environ, "PYTHONPATH": str(serve.PROJECT_DIR)})
    sys.path.insert(0, str(serve.PROJECT_DIR))
    import django

    django.setup()


def client_for(visitor: str, people: dict):
    from django.test import Client

    client = Client()
    if visitor != ANONYMOUS:
        client.force_login(people[visitor])
    return client


class QueryTimer:
    """A database execute wrapper: each statement's time (perf_counter, not the debug cursor's
    whole milliseconds) and SQL."""

    def __init__(self):
        self.timed: list[tuple[float, str]] = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.timed.append(((time.perf_counter() - started) * 1000, sql))


def short_sql(sql: str) -> str:
    """One line, the selected columns left out: what is read from where is the interesting part."""
    sql = " ".join(sql.split())
    return SELECT_LIST.sub("SELECT … FROM ", sql, count=1)


def profile(client, path: str, rounds: int) -> dict:
    """Times of `rounds` requests, then the queries of one more."""
    from django.db import connection

    times = []
    for _ in range(rounds + 1):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            sys.exit(f"{path} answered {response.status_code}: stopped")
    timer = QueryTimer()
    with connection.execute_wrapper(timer):
        started = time.perf_counter()
        client.get(path)
        profiled_ms = (time.perf_counter() - started) * 1000
    timed = timer.timed
    sql_ms = sum(ms for ms, _ in timed)
    slowest = max(timed, default=(0.0, ""))
    median = statistics.median(times[1:])
    return {
        "median_ms": median,
        "first_ms": times[0],
        "queries": len(timed),
        "sql_ms": sql_ms,
        "other_ms": max(profiled_ms - sql_ms, 0.0),
        "slowest_ms": slowest[0],
        "slowest_sql": short_sql(slowest[1]),
    }


def run_cprofile(client, path: str, rounds: int) -> None:
    """The functions that take the time of `rounds` requests of one page (cumulative)."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(rounds):
        client.get(path)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(r"samverkan", 25)
    print(out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("PROFILE_ROUNDS", 20)))
    parser.add_argument("--pages", default=os.environ.get("PROFILE_PAGES", ""))
    parser.add_argument(
        "--cprofile", default="", help="a page name: print its functions by cumulative time"
    )
    parser.add_argument("--sql-width", type=int, default=60)
    args = parser.parse_args()

    setup_django()
    from django.conf import settings
    from django.db import connection

    caches_off = settings.CACHES_OFF
    pages = select(key_pages(), args.pages)
    people = users()
    clients = {visitor: client_for(visitor, people) for visitor in VISITORS}
    machine = serve.machine_info()
    print(
        f"Samverkansytan page profile, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}; "
        f"{'CACHES_OFF=1 (no page or fragment cache)' if caches_off else 'caches on'}"
    )
    print(
        f"machine: {machine['cpus']} CPUs, {machine['cpu_model']}, load average "
        + " ".join(f"{x:.2f}" for x in machine["load_average"])
        + f"; database: {connection.vendor} {connection.settings_dict['NAME']}; "
        f"median of {args.rounds} requests in-process (test client), DEBUG off"
    )
    print()
    width = args.sql_width
    header = (
        f"| {'page':<24} | {'visitor':<24} | {'median ms':>9} | {'first ms':>8} "
        f"| {'queries':>7} | {'SQL ms':>7} | {'other ms':>8} | {'slowest query':<{width}} |"
    )
    print(header)
    print("|" + "|".join("-" * len(cell) for cell in header.split("|")[1:-1]) + "|")
    rows = []
    for page in pages:
        path = page.path
        visitors = [page.uncached_visitor] if caches_off else page.visitors
        for visitor in visitors:
            label = ("caches off" if caches_off else "cached") if visitor == ANONYMOUS else visitor
            if caches_off and visitor != ANONYMOUS:
                label = f"caches off ({visitor})"
            row = {"name": page.name, "visitor": label, "path": path}
            row.update(profile(clients[visitor], path, args.rounds))
            rows.append(row)
            slowest = f"{row['slowest_ms']:.1f} ms {row['slowest_sql']}"[:width]
            print(
                f"| {page.name:<24} | {label:<24} | {row['median_ms']:>9.1f} "
                f"| {row['first_ms']:>8.1f} | {row['queries']:>7} | {row['sql_ms']:>7.1f} "
                f"| {row['other_ms']:>8.1f} | {slowest:<{width}} |",
                flush=True,
            )
    print()
    print(f"The {SLOWEST} slowest (median), with their slowest query:")
    for row in sorted(rows, key=lambda r: -r["median_ms"])[:SLOWEST]:
        print(
            f"- {row['name']} as {row['visitor']}: {row['median_ms']:.1f} ms, "
            f"{row['queries']} queries in {row['sql_ms']:.1f} ms, {row['other_ms']:.1f} ms "
            f"Python and templates; slowest query {row['slowest_ms']:.1f} ms: "
            f"{row['slowest_sql'][:400]}"
        )
    if args.cprofile:
        (page,) = select(pages, args.cprofile)
        visitor = page.uncached_visitor if caches_off else page.visitors[-1]
        print()
        print(f"cProfile of {page.name} as {visitor}, {args.rounds} requests:")
        run_cprofile(clients[visitor], page.path, args.rounds)


if __name__ == "__main__":
    main()
