"""Load and soak: about 200 simulated people for five minutes against the production setup.

`make load` runs it (LOAD_USERS, LOAD_DURATION). The same gunicorn server as `make bench`
(benchmarks/serve.py) serves the platform; this process simulates the people, each in its own
thread with its own cookies and its own loopback address (127.0.x.y, so that the per-address
login limits see different people, as in real life):

- most browse anonymously: the start page, the register and its search, organisations, the
  calendar, events, areas, collaborations, the API;
- LOAD_MEMBERS of them (default a tenth) log in as load-test representatives (made once in the
  database: verified e-mail, a confirmed representative of an association) and, between pages,
  register for an event and cancel, book a room of the centre and cancel, and post a need.

It prints requests, errors by status, requests per second, p50/p95 per kind of action, the
page cache's hits and misses, and the memory (RSS) of every gunicorn worker sampled every 10 s:
first, max, last, and whether it is stable. It fails (exit status 1) on any error response, on
memory that keeps growing, and when a reading page's p95 is 100 ms or more. Not part of the
test suite.
"""

import argparse
import datetime
import os
import random
import re
import statistics
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import requests
import serve
from requests.adapters import HTTPAdapter

PASSWORD = "load-test-password-2018"  # throw-away accounts of the load test
TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# The reading pages (what browse() opens) keep p95 under this under the mixed load (issue 15).
READING_PAGES = (
    "start page",
    "register search",
    "organisation",
    "calendar",
    "event",
    "area",
    "collaborations",
    "api",
)
READING_P95_MS = 100
SEARCH_TERMS = ["idrott", "kultur", "förening", "pensionär", "scout", "kör", "rosengård", "unga"]
# Stable: the last sample at most this share above the one halfway through the run.
STABLE_GROWTH = 0.05


class SourceAddressAdapter(HTTPAdapter):
    def __init__(self, address: str, **kwargs):
        self.address = address
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


# Actions whose form may rightly refuse, with a 400 and the reason on the page.
REFUSALS_ARE_ANSWERS = {"book room"}


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = defaultdict(list)
        self.statuses = Counter()
        self.errors = Counter()
        self.outcomes = Counter()
        self.error_samples = []
        # GET responses by what the page cache did (its X-Page-Cache header): hit, miss, or
        # "not asked" (a logged-in person's page, a redirect, a page that is never stored).
        self.page_cache = Counter()

    def record(
        self, kind: str, status: int | str, seconds: float, url: str = "", cache: str = ""
    ) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            self.statuses[status] += 1
            if cache:
                self.page_cache[cache] += 1
            # A form that refuses what was asked (a slot just taken) answers 400 with its errors.
            if kind in REFUSALS_ARE_ANSWERS and status == 400:
                return
            if not isinstance(status, int) or status >= 400:
                self.errors[(kind, status)] += 1
                if len(self.error_samples) < 10:
                    self.error_samples.append(f"{kind} {status} {url}")

    def outcome(self, name: str) -> None:
        with self.lock:
            self.outcomes[name] += 1


class Person(threading.Thread):
    def __init__(self, number: int, plan, recorder: Recorder, stop_at: float, member=None):
        super().__init__(daemon=True)
        self.number = number
        self.plan = plan
        self.recorder = recorder
        self.stop_at = stop_at
        self.member = member
        self.rng = random.Random(number)
        self.session = requests.Session()
        address = f"127.0.{1 + number // 250}.{1 + number % 250}"
        self.session.mount("http://", SourceAddressAdapter(address))
        self.session.headers["User-Agent"] = f"samverkan-load/{number}"

    # --- requests -----------------------------------------------------------------------------
    def request(self, kind: str, method: str, path: str, data=None):
        """One action, following redirects by hand: the production setup marks its cookies
        Secure, and requests would not send them back over plain HTTP on loopback."""
        started = time.perf_counter()
        url = self.plan["base_url"] + path
        try:
            for _hop in range(6):
                response = self.session.request(
                    method, url, data=data, timeout=30, allow_redirects=False
                )
                for cookie in self.session.cookies:
                    cookie.secure = False
                if not response.is_redirect:
                    break
                method, data = "GET", None
                url = urljoin(url, response.headers["Location"])
        except requests.RequestException as exc:
            self.recorder.record(kind, type(exc).__name__, time.perf_counter() - started, path)
            return None
        cache = response.headers.get("X-Page-Cache", "not asked") if method == "GET" else ""
        self.recorder.record(kind, response.status_code, time.perf_counter() - started, path, cache)
        return response

    def get(self, kind, path):
        return self.request(kind, "GET", path)

    def post_form(self, kind: str, path: str, data: dict, page=None):
        """GET the form (for its CSRF token) unless given, then POST it."""
        page = page or self.get(kind + " (form)", path)
        if page is None or page.status_code != 200:
            return None
        match = TOKEN_RE.search(page.text)
        if not match:
            self.recorder.record(kind, "no-csrf-token", 0.0, path)
            return None
        return self.request(kind, "POST", path, data={"csrfmiddlewaretoken": match[1], **data})

    def think(self) -> None:
        time.sleep(min(self.rng.expovariate(1 / self.plan["think"]), 4 * self.plan["think"]))

    # --- what people do -----------------------------------------------------------------------
    def browse(self) -> None:
        plan, rng = self.plan, self.rng
        choice = rng.random()
        if choice < 0.15:
            self.get("start page", "/")
        elif choice < 0.35:
            term = rng.choice(SEARCH_TERMS)
            self.get("register search", f"{plan['register']}?q={term}")
        elif choice < 0.50:
            self.get("organisation", rng.choice(plan["organisations"]))
        elif choice < 0.62:
            self.get("calendar", plan["calendar"])
        elif choice < 0.72:
            self.get("event", rng.choice(plan["events"]))
        elif choice < 0.80:
            self.get("area", rng.choice(plan["areas"]))
        elif choice < 0.88:
            self.get("collaborations", plan["collaborations"])
        else:
            self.get("api", rng.choice(plan["api"]))

    def log_in(self) -> bool:
        response = self.post_form(
            "log in", "/konto/login/", {"login": self.member["email"], "password": PASSWORD}
        )
        ok = response is not None and response.ok and "/konto/login/" not in response.url
        self.recorder.outcome("logged in" if ok else "login refused")
        return ok

    def register_and_cancel(self) -> None:
        event = self.rng.choice(self.plan["open_events"])
        response = self.post_form(
            "register for event", event + "anmalan/", {"organisation": self.member["organisation"]}
        )
        if response is None or not response.ok:
            return
        self.recorder.outcome("registered")
        self.think()
        response = self.post_form("cancel registration", event + "avanmalan/", {})
        if response is not None and response.ok:
            self.recorder.outcome("cancelled registration")

    def book_and_cancel(self) -> None:
        plan, rng = self.plan, self.rng
        room = rng.choice(plan["rooms"])
        day = datetime.date.today() + datetime.timedelta(days=rng.randint(3, 40))
        while day.weekday() >= 5:
            day += datetime.timedelta(days=1)
        hour = rng.randint(10, 16)
        response = self.post_form(
            "book room",
            room,
            {
                "organisation": self.member["organisation"],
                "date": day.isoformat(),
                "starts_at": f"{hour:02d}:00",
                "ends_at": f"{hour + 1:02d}:00",
                "purpose": "Styrelsemöte (lasttest)",
                "expected_participants": "4",
            },
        )
        if response is not None and response.status_code == 400:
            self.recorder.outcome("booking refused (taken or outside the rules)")
            return
        if response is None or not response.ok:
            return
        booking = urlsplit(response.url).path
        if not re.search(r"/bokningar/\d+/$", booking):
            self.recorder.outcome("booking refused (taken or outside the rules)")
            return
        self.recorder.outcome("booked")
        self.think()
        response = self.post_form("cancel booking", booking + "avboka/", {})
        if response is not None and response.ok:
            self.recorder.outcome("cancelled booking")

    def post_need(self) -> None:
        response = self.post_form(
            "post a need",
            self.plan["new_posting"],
            {
                "organisation": self.member["organisation"],
                "direction": "need",
                "kind": "volunteers",
                "title": f"Volontärer till läxhjälp {self.number}",
                "text": "Vi söker volontärer som vill hjälpa barn med läxor två kvällar i veckan.",
            },
        )
        if response is not None and response.ok:
            self.recorder.outcome("posted a need")

    def run(self) -> None:
        time.sleep(self.rng.uniform(0, self.plan["ramp_up"]))
        if self.member and not self.log_in():
            self.member = None
        while time.monotonic() < self.stop_at:
            if self.member:
                choice = self.rng.random()
                if choice < 0.06:
                    self.register_and_cancel()
                elif choice < 0.10:
                    self.book_and_cancel()
                elif choice < 0.11:
                    self.post_need()
                else:
                    self.browse()
            else:
                self.browse()
            self.think()


def prepare(members: int) -> dict:
    """Paths with real objects, and the load-test representatives (made once)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.urls import reverse
    from django.utils import timezone

    from samverkan.actors.models import Organisation, Representation
    from samverkan.agreements.selectors import primary_agreement
    from samverkan.areas.models import PriorityArea
    from samverkan.events.models import Event
    from samverkan.venues.models import Room

    agreement = primary_agreement()
    ag = {"agreement": agreement.slug}
    now = timezone.now()
    events = Event.objects.published().filter(agreement=agreement)
    open_events = (
        events.filter(starts_at__gt=now + datetime.timedelta(days=1))
        .exclude(registration_opens_at__gt=now)
        .exclude(registration_closes_at__lt=now + datetime.timedelta(hours=1))
        .exclude(status="cancelled")
        .order_by("starts_at")[:20]
    )
    organisations = Organisation.objects.public().order_by("?")[:300]
    civil = list(
        Organisation.objects.public().filter(sector="civil").order_by("pk")[1000 : 1000 + members]
    )
    User = get_user_model()
    password = make_password(PASSWORD)
    people = []
    for number, organisation in enumerate(civil):
        email = f"lasttest-{number}@bench.invalid"
        user, _ = User.objects.get_or_create(
            email=email,
            defaults={"password": password, "first_name": "Last", "last_name": f"Test {number}"},
        )
        if not user.check_password(PASSWORD):
            user.password = password
            user.save(update_fields=["password"])
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        Representation.objects.get_or_create(
            user=user, organisation=organisation, defaults={"status": "confirmed"}
        )
        people.append({"email": email, "organisation": str(organisation.pk)})
    rooms = Room.objects.filter(is_bookable=True, venue__agreement=agreement).select_related(
        "venue"
    )
    return {
        "register": reverse("actors:register"),
        "organisations": [
            reverse("actors:organisation", kwargs={"slug": o.slug}) for o in organisations
        ],
        "calendar": reverse("events:calendar", kwargs=ag),
        "events": [e.get_absolute_url() for e in events.order_by("-starts_at")[:50]],
        "open_events": [e.get_absolute_url() for e in open_events],
        "areas": [
            reverse("areas:detail", kwargs={**ag, "slug": a.slug})
            for a in PriorityArea.objects.filter(agreement=agreement)
        ],
        "collaborations": reverse("partnerships:list", kwargs=ag),
        "api": [
            "/api/v1/organisations",
            "/api/v1/organisations?q=idrott",
            "/api/v1/events",
            "/api/v1/areas",
            f"/api/v1/collaborations?agreement={agreement.slug}",
            "/api/v1/postings",
        ],
        "rooms": [
            reverse("venues:book", kwargs={**ag, "venue": room.venue.slug, "room": room.slug})
            for room in rooms
        ],
        "new_posting": reverse("matching:new", kwargs=ag),
        "members": people,
    }


def sample_memory(server, samples: dict, stop: threading.Event, every: float) -> None:
    while not stop.is_set():
        for pid in server.worker_pids():
            rss = serve.rss_kib(pid)
            if rss is not None:
                samples[pid].append(rss)
        stop.wait(every)


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def report(recorder: Recorder, elapsed: float, samples: dict, header: list[str]) -> bool:
    total = sum(recorder.statuses.values())
    errors = sum(recorder.errors.values())
    print()
    for line in header:
        print(line)
    print()
    print(f"requests: {total} in {elapsed:.0f} s = {total / elapsed:.1f} req/s")
    print(
        "responses by status: "
        + ", ".join(
            f"{k}: {v}" for k, v in sorted(recorder.statuses.items(), key=lambda item: str(item[0]))
        )
    )
    print(f"error responses: {errors}")
    for (kind, status), count in sorted(recorder.errors.items(), key=str):
        print(f"  {kind}: {status} x {count}")
    for sample in recorder.error_samples:
        print(f"  e.g. {sample}")
    print("outcomes: " + ", ".join(f"{k}: {v}" for k, v in sorted(recorder.outcomes.items())))
    cache = recorder.page_cache
    gets = sum(cache.values())
    stored = cache["hit"] + cache["miss"]
    if gets:
        print(
            f"page cache: {cache['hit']} hits, {cache['miss']} misses, {cache['not asked']} not "
            f"asked (logged in, or never stored) of {gets} GET responses; hit ratio "
            f"{cache['hit'] / stored if stored else 0:.1%} of those it was asked for, "
            f"{cache['hit'] / gets:.1%} of all"
        )
    print()
    print(f"| {'action':<28} | {'requests':>8} | {'p50 ms':>8} | {'p95 ms':>8} | p95 target |")
    print(f"|{'-' * 30}|{'-' * 10}|{'-' * 10}|{'-' * 10}|{'-' * 12}|")
    slow_reading = []
    for kind, values in sorted(recorder.latencies.items()):
        p95 = percentile(values, 0.95) * 1000
        target = ""
        if kind in READING_PAGES:
            target = "met" if p95 < READING_P95_MS else "NOT MET"
            if p95 >= READING_P95_MS:
                slow_reading.append(f"{kind} ({p95:.0f} ms)")
        print(
            f"| {kind:<28} | {len(values):>8} | {percentile(values, 0.5) * 1000:>8.1f} "
            f"| {p95:>8.1f} | {target:<10} |"
        )
    print(
        f"reading pages with p95 under {READING_P95_MS} ms: "
        + ("all" if not slow_reading else "not " + ", ".join(slow_reading))
    )
    print()
    print("worker memory (RSS, MiB), sampled every 10 s; shown once a minute:")
    stable = True
    for pid, values in sorted(samples.items()):
        if len(values) < 2:
            continue
        # The first half is warm-up (imports, templates, each thread's first pages): a leak
        # shows as growth in the second half too.
        halfway = values[len(values) // 2]
        growth = (values[-1] - halfway) / halfway
        ok = growth <= STABLE_GROWTH
        stable &= ok
        series = " ".join(f"{value / 1024:.0f}" for value in values[::6])
        print(
            f"  worker {pid}: first {values[0] / 1024:.1f}, max {max(values) / 1024:.1f}, "
            f"last {values[-1] / 1024:.1f}; {growth:+.1%} in the second half "
            f"{'stable' if ok else 'GROWING'} [{series}]"
        )
    print(
        f"memory: {'stable' if stable else 'not stable'} (growth in the second half of the "
        f"run at most {STABLE_GROWTH:.0%})"
    )
    return errors == 0 and stable and not slow_reading


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=int(os.environ.get("LOAD_USERS", 200)))
    parser.add_argument(
        "--duration", type=float, default=float(os.environ.get("LOAD_DURATION", 300))
    )
    parser.add_argument("--members", type=int, default=int(os.environ.get("LOAD_MEMBERS", 0)))
    parser.add_argument("--think", type=float, default=float(os.environ.get("LOAD_THINK", 5)))
    parser.add_argument("--ramp-up", type=float, default=20)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", 3)))
    parser.add_argument("--threads", type=int, default=int(os.environ.get("BENCH_THREADS", 8)))
    parser.add_argument("--scale", type=int, default=int(os.environ.get("BENCH_SCALE", 10)))
    args = parser.parse_args()
    members = args.members or max(1, args.users // 10)

    data = serve.ensure_data(args.scale)
    serve.setup_django()
    plan = prepare(members)
    if not plan["open_events"] or not plan["rooms"]:
        serve.log("No event open for registration or no bookable room: those actions are left out")
    machine = serve.machine_info()
    recorder = Recorder()
    samples = defaultdict(list)
    # E-mails (booking confirmations …) are not printed: the console would drown the report.
    quiet_mail = {"EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}
    with serve.Server(workers=args.workers, threads=args.threads, extra_env=quiet_mail) as server:
        plan.update(base_url=server.base_url, think=args.think, ramp_up=args.ramp_up)
        stop = threading.Event()
        sampler = threading.Thread(
            target=sample_memory, args=(server, samples, stop, 10.0), daemon=True
        )
        sampler.start()
        started = time.monotonic()
        stop_at = started + args.duration
        people = []
        for number in range(args.users):
            member = plan["members"][number] if number < len(plan["members"]) else None
            if member and not (plan["open_events"] and plan["rooms"]):
                member = None
            people.append(Person(number, plan, recorder, stop_at, member))
        serve.log(
            f"{len(people)} people ({len(plan['members'])} logged in) for {args.duration:g} s "
            f"against {server.describe()}"
        )
        for person in people:
            person.start()
        for person in people:
            person.join(timeout=max(1.0, stop_at - time.monotonic() + 60))
        elapsed = time.monotonic() - started
        stop.set()
        sampler.join()
        description = server.describe()
    header = [
        f"Samverkansytan load and soak, {time.strftime('%Y-%m-%d %H:%M %Z')}",
        f"machine: {machine['cpus']} CPUs, {machine['cpu_model']}, load average "
        + " ".join(f"{x:.2f}" for x in machine["load_average"]),
        f"server: {description}, DEBUG off, database {serve.database_url()} "
        f"({data['source']}, {data['organisations']} organisations)",
        f"people: {args.users} ({len(plan['members'])} logged in), think time "
        f"{args.think:g} s on average, {args.duration:g} s",
    ]
    ok = report(recorder, elapsed, samples, header)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
