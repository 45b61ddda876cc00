"""The speed benchmark: the key pages under load, against the framework's ceiling.

`make bench` runs it. It fills the database once (benchmarks/serve.py), serves the platform
with gunicorn (DEBUG off, several workers) and drives it with wrk from a second process over
loopback: first the ceiling (/bench/ceiling, a fixed short response), then each key page, then
the ceiling again; each after a warm-up. It prints requests per second, p50 and p95 latency and
each page's throughput as a ratio of the ceiling's (the mean of its two runs), and writes the
same as JSON to BENCH_JSON (default var/bench.json). Targets: every page at least 25 % of the
ceiling and p95 under 100 ms. Not part of the test suite.

    python benchmarks/web.py [--duration 10] [--connections 16] [--pages start,api-events]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import serve

LUA = Path(__file__).resolve().parent / "wrk_report.lua"
TARGET_RATIO = 0.25
TARGET_P95_MS = 100.0
API_LISTS = [
    "organisations",
    "areas",
    "focus-areas",
    "bodies",
    "meetings",
    "decisions",
    "plans",
    "venues",
    "events",
    "courses",
    "materials",
    "collaborations",
    "postings",
    "funding-calls",
]


def key_pages() -> list[tuple[str, str]]:
    """(name, path) of each key page, with real objects from the database."""
    from django.urls import reverse

    from samverkan.actors.models import Organisation
    from samverkan.agreements.selectors import primary_agreement
    from samverkan.areas.models import PriorityArea
    from samverkan.events.models import Event

    agreement = primary_agreement()
    if agreement is None:
        sys.exit("The database has no agreement: is the data loaded?")
    ag = {"agreement": agreement.slug}
    organisation = (
        Organisation.objects.public().filter(slug="foreningen-zig-zag").first()
        or Organisation.objects.public().order_by("pk").first()
    )
    event = Event.objects.published().filter(agreement=agreement).order_by("-pk").first()
    area = PriorityArea.objects.filter(agreement=agreement).order_by("pk").first()
    pages = [
        ("start page", reverse("site:home")),
        ("register search", reverse("actors:register") + "?q=idrott"),
        ("organisation", reverse("actors:organisation", kwargs={"slug": organisation.slug})),
        ("calendar", reverse("events:calendar", kwargs=ag)),
    ]
    if event:
        pages.append(("event", reverse("events:event", kwargs={**ag, "slug": event.slug})))
    if area:
        pages.append(("area", reverse("areas:detail", kwargs={**ag, "slug": area.slug})))
    pages.append(("collaboration list", reverse("partnerships:list", kwargs=ag)))
    pages += [(f"api {name}", f"/api/v1/{name}") for name in API_LISTS]
    return pages


def run_wrk(url: str, *, duration: float, connections: int, threads: int) -> dict:
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, round(duration))}s",
        "--timeout",
        "10s",
        "-s",
        str(LUA),
        url,
    ]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603
    return json.loads(out.strip().splitlines()[-1])


def measure(server, name, path, args) -> dict:
    url = server.base_url + path
    status_of(server, path)  # the first request renders (and caches) the page
    run_wrk(url, duration=args.warmup, connections=args.connections, threads=args.wrk_threads)
    figures = run_wrk(
        url, duration=args.duration, connections=args.connections, threads=args.wrk_threads
    )
    errors = sum(figures["errors"].values())
    rps = figures["requests"] / (figures["duration_us"] / 1e6)
    result = {
        "name": name,
        "path": path,
        "rps": round(rps, 1),
        "p50_ms": round(figures["p50_us"] / 1000, 2),
        "p95_ms": round(figures["p95_us"] / 1000, 2),
        "errors": errors,
    }
    serve.log(
        f"  {name:<22} {result['rps']:>8.1f} req/s  p50 {result['p50_ms']:>7.2f} ms  "
        f"p95 {result['p95_ms']:>7.2f} ms" + (f"  ERRORS {figures['errors']}" if errors else "")
    )
    return result


def status_of(server, path: str) -> int:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(server.base_url + path, timeout=30) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def answering(server, pages: list[tuple[str, str]], agreement: str) -> list[tuple[str, str]]:
    """The pages as they answer 200: an API list that needs an agreement gets one."""
    checked = []
    for name, path in pages:
        status = status_of(server, path)
        if status == 422 and path.startswith("/api/"):
            path = f"{path}?agreement={agreement}"
            status = status_of(server, path)
        if status != 200:
            sys.exit(f"{path} answered {status}: it would be measured as errors")
        checked.append((name, path))
    return checked


def print_table(results: list[dict], header: list[str]) -> None:
    print()
    for line in header:
        print(line)
    print()
    print(f"| {'page':<22} | {'path':<58} | {'req/s':>8} | {'p50 ms':>7} | {'p95 ms':>7} | ratio |")
    print(f"|{'-' * 24}|{'-' * 60}|{'-' * 10}|{'-' * 9}|{'-' * 9}|-------|")
    for r in results:
        flag = ""
        if r["name"] != "ceiling" and (r["ratio"] < TARGET_RATIO or r["p95_ms"] >= TARGET_P95_MS):
            flag = "  (below target)"
        print(
            f"| {r['name']:<22} | {r['path'][:58]:<58} | {r['rps']:>8.1f} | {r['p50_ms']:>7.2f} "
            f"| {r['p95_ms']:>7.2f} | {r['ratio']:>5.2f} |{flag}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--duration", type=float, default=float(os.environ.get("BENCH_DURATION", 10))
    )
    parser.add_argument("--warmup", type=float, default=float(os.environ.get("BENCH_WARMUP", 2)))
    parser.add_argument(
        "--connections", type=int, default=int(os.environ.get("BENCH_CONNECTIONS", 16))
    )
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", 3)))
    parser.add_argument("--threads", type=int, default=int(os.environ.get("BENCH_THREADS", 2)))
    parser.add_argument("--scale", type=int, default=int(os.environ.get("BENCH_SCALE", 10)))
    parser.add_argument(
        "--pages", default="", help="comma-separated page names (as printed) to run only those"
    )
    parser.add_argument("--json", default=os.environ.get("BENCH_JSON", "var/bench.json"))
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: `apt-get install -y wrk` (make bench installs it)")

    data = serve.ensure_data(args.scale)
    serve.setup_django()
    from samverkan.agreements.selectors import primary_agreement

    pages = key_pages()
    if args.pages:
        wanted = {name.strip() for name in args.pages.split(",")}
        pages = [page for page in pages if page[0] in wanted]

    machine = serve.machine_info()
    started = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    # A gthread worker accepts every connection it can and keeps it: with keep-alive, all 16 of
    # wrk's connections sometimes land in one worker, which then serves them on one core (its
    # GIL) at a third of the throughput, whatever the page. A proxy in front spreads
    # connections; here each worker takes at most its share (and keeps them alive: gunicorn
    # keeps alive at most worker_connections - threads of them).
    share = -(-args.connections // max(args.workers - 1, 1))
    with serve.Server(
        workers=args.workers, threads=args.threads, worker_connections=share + args.threads
    ) as server:
        pages = answering(server, pages, primary_agreement().slug)
        serve.log(f"Measuring {len(pages)} pages, {args.duration:g} s each")
        first = measure(server, "ceiling", "/bench/ceiling", args)
        results = [measure(server, name, path, args) for name, path in pages]
        last = measure(server, "ceiling (again)", "/bench/ceiling", args)
        description = server.describe()

    ceiling_rps = (first["rps"] + last["rps"]) / 2
    ceiling = {
        "name": "ceiling",
        "path": "/bench/ceiling",
        "rps": round(ceiling_rps, 1),
        "p50_ms": round((first["p50_ms"] + last["p50_ms"]) / 2, 2),
        "p95_ms": round((first["p95_ms"] + last["p95_ms"]) / 2, 2),
        "ratio": 1.0,
    }
    for r in results:
        r["ratio"] = round(r["rps"] / ceiling_rps, 3)
    errors = sum(r.pop("errors") for r in results) + first["errors"] + last["errors"]
    rows = [ceiling, *results]

    header = [
        f"Samverkansytan speed benchmark, {started}",
        f"machine: {machine['cpus']} CPUs, {machine['cpu_model']}, load average "
        + " ".join(f"{x:.2f}" for x in machine["load_average"])
        + f", Python {machine['python']}",
        f"server: {description}, DEBUG off, database {serve.database_url()} "
        f"({data['source']}, {data['organisations']} organisations)",
        f"cache: {serve.redis_url() or 'local memory of each worker'}; "
        f"load: wrk, {args.connections} connections, {args.duration:g} s per page after "
        f"{args.warmup:g} s warm-up",
        f"ceiling runs: {first['rps']:.1f} and {last['rps']:.1f} req/s",
    ]
    print_table(rows, header)
    below = [
        r["name"] for r in results if r["ratio"] < TARGET_RATIO or r["p95_ms"] >= TARGET_P95_MS
    ]
    print()
    print(
        f"Targets (ratio >= {TARGET_RATIO:.2f}, p95 < {TARGET_P95_MS:.0f} ms): "
        + ("all met" if not below else "not met by " + ", ".join(below))
    )
    if errors:
        print(f"ERROR RESPONSES OR SOCKET ERRORS: {errors}")
    path = Path(args.json)
    if not path.is_absolute():
        path = serve.PROJECT_DIR / path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    print(f"JSON: {path}")


if __name__ == "__main__":
    main()
