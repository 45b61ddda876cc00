"""The speed benchmark: the key pages under load, for each kind of visitor, against the ceiling.

`make bench` runs it. It fills the database once (benchmarks/serve.py), serves the platform
with gunicorn (DEBUG off, several workers) and drives it with wrk from a second process over
loopback, each measurement after a warm-up. Every key page (benchmarks/pages.py) is measured in
up to four columns:

- anonymous, cached: a visitor without a cookie, served from the page cache;
- ombud and coordinator: a demo user's session cookie (made in-process, as a login makes it)
  in a `Cookie:` header, which bypasses the page cache;
- caches off: a second server with CACHES_OFF=1 (no page cache, no fragment caches), opened by
  an anonymous visitor, or by the page's logged-in visitor where the public may not see it.

The ceiling (/bench/ceiling, a fixed short response) is measured first, on the first server,
and last, on the second; each figure's ratio is its throughput over the mean of the two. Before
measuring, every page is requested once as each of its visitors without following redirects:
anything but 200 (a login redirect, a 403) stops the run with a non-zero exit, and so do error
responses, socket errors and a measurement in which no request completed. It prints requests
per second, p50 and p95 and the ratio, one row per page and visitor, then the ratios side by
side, and writes the rows as JSON to BENCH_JSON (default var/bench.json). Targets (issue 15):
cached and logged in, a ratio of at least 0.25 and p95 under 100 ms; caches off, at least 0.10
and p95 under 150 ms. Not part of the test suite.

    python benchmarks/web.py [--duration 10] [--connections 16] [--pages "start page,calendar"]
                             [--columns anonymous,ombud,coordinator,caches-off]
"""

import argparse
import http.client
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import serve
from pages import ANONYMOUS, COORDINATOR, OMBUD, Page, key_pages, select, session_cookies

LUA = Path(__file__).resolve().parent / "wrk_report.lua"
CACHES_OFF = "caches-off"
COLUMNS = {
    ANONYMOUS: "anonymous, cached",
    OMBUD: "ombud",
    COORDINATOR: "coordinator",
    CACHES_OFF: "caches off",
}
# (ratio at least, p95 under) per column: issue 15's targets.
TARGETS = {ANONYMOUS: (0.25, 100.0), OMBUD: (0.25, 100.0), COORDINATOR: (0.25, 100.0)}
TARGETS[CACHES_OFF] = (0.10, 150.0)


def run_wrk(url: str, *, cookie: str, duration: float, connections: int, threads: int) -> dict:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{max(1, round(duration))}s"]
    command += ["--timeout", "10s", "-s", str(LUA)]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout  # noqa: S603
    return json.loads(out.strip().splitlines()[-1])


def request(server, path: str, cookie: str = "") -> tuple[int, str]:
    """The status and the page cache's header of one GET, redirects not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("X-Page-Cache", "")
    finally:
        connection.close()


def settle(server, timeout: float = 30) -> None:
    """Wait until the requests wrk left queued are served, so they do not slow the next page."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        started = time.monotonic()
        request(server, "/bench/ceiling")
        if time.monotonic() - started < 0.05:
            return


def measure(server, column: str, name: str, path: str, cookie: str, args) -> dict:
    url = server.base_url + path
    wrk = {"cookie": cookie, "connections": args.connections, "threads": args.wrk_threads}
    run_wrk(url, duration=args.warmup, **wrk)
    settle(server)  # the warm-up's requests done: every worker has rendered the page once
    figures = run_wrk(url, duration=args.duration, **wrk)
    settle(server)
    if not figures["requests"]:
        figures["errors"]["none completed"] = 1  # slower than the measurement: no figure
    rps = figures["requests"] / (figures["duration_us"] / 1e6)
    result = {
        "name": name,
        "path": path,
        "column": column,
        "rps": round(rps, 1),
        "p50_ms": round(figures["p50_us"] / 1000, 2),
        "p95_ms": round(figures["p95_us"] / 1000, 2),
        "errors": {kind: count for kind, count in figures["errors"].items() if count},
    }
    serve.log(
        f"  {name:<24} {COLUMNS.get(column, column):<17} {result['rps']:>8.1f} req/s  "
        f"p50 {result['p50_ms']:>7.2f} ms  p95 {result['p95_ms']:>7.2f} ms"
        + (f"  ERRORS {result['errors']}" if result["errors"] else "")
    )
    return result


def check_answers(server, plan: list[tuple[str, Page, str]], cookies: dict, label: str) -> dict:
    """Request each (column, page, visitor) once; exit unless every one answers 200. Returns the
    page cache's answer to a second anonymous request of each page ("hit" when it is cached)."""
    failures, cached = [], {}
    for _column, page, visitor in plan:
        cookie = cookies.get(visitor, "")
        status, _ = request(server, page.path, cookie)
        if status == 200 and visitor == ANONYMOUS:
            cached[page.name] = request(server, page.path)[1] or "not cached"
        if status != 200:
            failures.append(f"  {page.name} ({page.path}) as {visitor}: {status}")
    if failures:
        serve.log(f"These pages do not answer 200 (the server with {label}):")
        serve.log("\n".join(failures))
        sys.exit("Stopped: a page that does not answer 200 would be measured as something else.")
    return cached


def plan_for(pages: list[Page], columns: list[str]) -> tuple[list, list]:
    """(column, page, visitor) for the first server (the caches on) and the second (off)."""
    cached = [
        (column, page, column)
        for page in pages
        for column in (ANONYMOUS, OMBUD, COORDINATOR)
        if column in columns and column in page.visitors
    ]
    uncached = [(CACHES_OFF, page, page.uncached_visitor) for page in pages]
    return cached, uncached if CACHES_OFF in columns else []


def server_for(args, *, caches_off: bool) -> serve.Server:
    # A gthread worker accepts every connection it can and keeps it: with keep-alive, all 16 of
    # wrk's connections sometimes land in one worker, which then serves them on one core (its
    # GIL) at a third of the throughput, whatever the page. A proxy in front spreads
    # connections; here each worker takes at most its share (and keeps them alive: gunicorn
    # keeps alive at most worker_connections - threads of them).
    share = -(-args.connections // max(args.workers - 1, 1))
    return serve.Server(
        workers=args.workers,
        threads=args.threads,
        worker_connections=share + args.threads,
        extra_env={"CACHES_OFF": "1" if caches_off else ""},
    )


def below_target(row: dict) -> bool:
    ratio, p95 = TARGETS[row["column"]]
    return row["ratio"] < ratio or row["p95_ms"] >= p95


def print_rows(rows: list[dict]) -> None:
    print(f"| {'page':<24} | {'visitor':<24} | {'req/s':>8} ", end="")
    print(f"| {'p50 ms':>7} | {'p95 ms':>7} | ratio |")
    print(f"|{'-' * 26}|{'-' * 26}|{'-' * 10}|{'-' * 9}|{'-' * 9}|-------|")
    for r in rows:
        flag = "  (below target)" if r["column"] in TARGETS and below_target(r) else ""
        visitor = COLUMNS.get(r["column"], r["column"])
        if r["column"] == CACHES_OFF and r["as"] != ANONYMOUS:
            visitor += f" ({r['as']})"
        print(
            f"| {r['name']:<24} | {visitor:<24} | {r['rps']:>8.1f} | {r['p50_ms']:>7.2f} "
            f"| {r['p95_ms']:>7.2f} | {r['ratio']:>5.2f} |{flag}"
        )


def print_summary(results: list[dict], pages: list[Page], columns: list[str]) -> None:
    """Ratio and p95 per page and column, side by side, as issue 15 compares them."""
    by_cell = {(r["name"], r["column"]): r for r in results}
    shown = [column for column in COLUMNS if column in columns]
    print("| page | " + " | ".join(COLUMNS[c] for c in shown) + " |")
    print("|---|" + "---|" * len(shown))
    for page in pages:
        cells = []
        for column in shown:
            r = by_cell.get((page.name, column))
            cells.append(f"{r['ratio']:.2f} (p95 {r['p95_ms']:.0f} ms)" if r else "–")
        print(f"| {page.name} | " + " | ".join(cells) + " |")


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
        "--pages",
        default=os.environ.get("BENCH_PAGES", ""),
        help="comma-separated page names (as printed) to run only those",
    )
    parser.add_argument(
        "--columns",
        default=os.environ.get("BENCH_COLUMNS", ",".join(COLUMNS)),
        help="comma-separated columns to measure: " + ", ".join(COLUMNS),
    )
    parser.add_argument("--json", default=os.environ.get("BENCH_JSON", "var/bench.json"))
    args = parser.parse_args()
    columns = [column.strip() for column in args.columns.split(",") if column.strip()]
    if not columns or set(columns) - set(COLUMNS):
        sys.exit(f"--columns takes some of: {', '.join(COLUMNS)}")
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: `apt-get install -y wrk` (make bench installs it)")

    data = serve.ensure_data(args.scale)
    serve.setup_django()
    pages = select(key_pages(), args.pages)
    cookies = session_cookies()
    machine = serve.machine_info()
    started = time.strftime("%Y-%m-%d %H:%M:%S %Z")

    results, ceilings, cache_answers, descriptions = [], [], {}, []
    for caches_off in (False, True):
        if caches_off and CACHES_OFF not in columns:
            break
        label = "caches off" if caches_off else "caches on"
        with server_for(args, caches_off=caches_off) as server:
            plan = plan_for(pages, columns)[1 if caches_off else 0]
            answers = check_answers(server, plan, cookies, label)
            if not caches_off:
                cache_answers = answers
            serve.log(
                f"Measuring {len(plan)} page × visitor pairs ({label}), {args.duration:g} s each"
            )
            if not caches_off:
                ceilings.append(measure(server, "ceiling", "ceiling", "/bench/ceiling", "", args))
            for column, page, visitor in plan:
                row = measure(server, column, page.name, page.path, cookies.get(visitor, ""), args)
                row["as"] = visitor
                results.append(row)
            if caches_off or CACHES_OFF not in columns:
                ceilings.append(
                    measure(server, "ceiling", "ceiling (again)", "/bench/ceiling", "", args)
                )
            descriptions.append(server.describe())

    first, last = ceilings[0], ceilings[-1]
    ceiling_rps = (first["rps"] + last["rps"]) / 2
    ceiling = {
        "name": "ceiling",
        "path": "/bench/ceiling",
        "column": "ceiling",
        "rps": round(ceiling_rps, 1),
        "p50_ms": round((first["p50_ms"] + last["p50_ms"]) / 2, 2),
        "p95_ms": round((first["p95_ms"] + last["p95_ms"]) / 2, 2),
        "ratio": 1.0,
    }
    errors = {}
    for r in [*ceilings, *results]:
        if r["errors"]:
            errors[f"{r['name']} ({COLUMNS.get(r['column'], r['column'])})"] = r["errors"]
    for r in results:
        r["ratio"] = round(r["rps"] / ceiling_rps, 3)
        r.pop("errors")

    print()
    print(f"Samverkansytan speed benchmark, {started}")
    print(
        f"machine: {machine['cpus']} CPUs, {machine['cpu_model']}, load average "
        + " ".join(f"{x:.2f}" for x in machine["load_average"])
        + f" at the start, Python {machine['python']}"
    )
    print(
        f"server: {descriptions[0].rsplit(', http', 1)[0]}, DEBUG off, database "
        f"{serve.database_url()} ({data['source']}, {data['organisations']} organisations)"
    )
    print(
        f"cache: {serve.redis_url() or 'local memory of each worker'}; caches off: a second "
        f"server with CACHES_OFF=1; load: wrk, {args.connections} connections, "
        f"{args.duration:g} s per measurement after {args.warmup:g} s warm-up"
    )
    print(f"ceiling runs: {first['rps']:.1f} and {last['rps']:.1f} req/s")
    not_cached = sorted(name for name, answer in cache_answers.items() if answer != "hit")
    if not_cached:
        print("not served from the page cache to anonymous visitors: " + ", ".join(not_cached))
    print()
    print_rows([ceiling, *results])
    print()
    print("Ratio to the ceiling (p95) per visitor; – where that visitor may not open the page:")
    print()
    print_summary(results, pages, columns)
    below = [r for r in results if below_target(r)]
    print()
    print(
        "Targets (cached and logged in: ratio >= 0.25, p95 < 100 ms; caches off: >= 0.10, "
        "p95 < 150 ms): "
        + ("all met" if not below else f"not met by {len(below)} of {len(results)} (marked above)")
    )
    path = Path(args.json)
    if not path.is_absolute():
        path = serve.PROJECT_DIR / path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([ceiling, *results], indent=2, ensure_ascii=False) + "\n")
    print(f"JSON: {path}")
    if errors:
        print("FAILED: these measurements are not figures of a page that answered 200.")
        print("(status: answers other than 2xx/3xx; connect/read/write/timeout: socket errors;")
        print(" none completed: no answer within the measurement, raise --duration)")
        for name, counts in errors.items():
            print(f"  {name}: {counts}")
        sys.exit(1)


if __name__ == "__main__":
    main()
