"""Serve the platform as production does, for `make bench` and `make load`.

Gunicorn with several workers on 127.0.0.1 and a free port, DEBUG off, on the database of
BENCH_DATABASE_URL (PostgreSQL; SQLite only with a warning), static files collected first. The data
is filled once per database and scale: `generate_scale_data --scale N` when that command
exists, else the demo data. Not part of the test suite.
"""

import contextlib
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/samverkan_bench"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def database_url() -> str:
    """BENCH_DATABASE_URL, never DATABASE_URL: the benchmarks fill their database with scale data
    and the load run writes to it, so a DATABASE_URL left in the shell for a real server must
    not be taken by mistake."""
    return os.environ.get("BENCH_DATABASE_URL") or DEFAULT_DATABASE_URL


def redis_url() -> str:
    """REDIS_URL, or a local Redis when one answers: several workers share one page cache,
    as production's do. Empty: each worker caches in its own memory."""
    if os.environ.get("REDIS_URL"):
        return os.environ["REDIS_URL"]
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return "redis://127.0.0.1:6379/15"
    except OSError:
        return ""


def server_env(extra: dict | None = None) -> dict:
    """The environment of a production-like process: DEBUG off, plain HTTP on loopback."""
    env = dict(os.environ)
    for name in ("DEBUG", "SAMVERKAN_TESTING", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    env.update(
        {
            "DATABASE_URL": database_url(),
            "SECRET_KEY": env.get("SECRET_KEY") or "benchmark-only-secret-key-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "SAMVERKAN_BENCH": "1",
            "LOG_LEVEL": "WARNING",
            "REDIS_URL": redis_url(),
            "DJANGO_SETTINGS_MODULE": "samverkan.settings",
            "PYTHONPATH": str(PROJECT_DIR),
        }
    )
    env.update(extra or {})
    return env


def manage(*args: str, env: dict | None = None, capture: bool = False) -> str:
    result = subprocess.run(  # noqa: S603 (our own command line)
        [PYTHON, "-m", "samverkan", *args],
        cwd=PROJECT_DIR,
        env=env or server_env(),
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else sys.stderr,
    )
    return result.stdout if capture else ""


def check_database() -> None:
    url = database_url()
    if url.startswith("sqlite"):
        log(
            "WARNING: BENCH_DATABASE_URL is SQLite. Several workers share one file and writers "
            "wait for its lock; the figures do not tell how PostgreSQL, the production database, "
            "performs."
        )
        return
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit(f"BENCH_DATABASE_URL must be PostgreSQL (or SQLite, with a warning): {url}")
    import psycopg

    base, _, name = url.rpartition("/")
    name = name.split("?")[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            log(f"Creating the database {name}")
            conn.execute(f'CREATE DATABASE "{name}"')


def marker_path() -> Path:
    safe = "".join(c if c.isalnum() else "_" for c in database_url())
    return PROJECT_DIR / "var" / f"bench-data-{safe}.json"


def organisation_count() -> int:
    out = manage(
        "shell",
        "-c",
        "from samverkan.actors.models import Organisation; print(Organisation.objects.count())",
        capture=True,
    )
    return int(out.strip().splitlines()[-1])


def ensure_data(scale: int) -> dict:
    """Migrate, and fill the database unless it already holds this scale's data."""
    check_database()
    log("Migrating")
    manage("migrate", "--noinput", "-v0")
    commands = manage("help", "--commands", capture=True).split()
    source = f"generate_scale_data --scale {scale}" if "generate_scale_data" in commands else "demo"
    marker = marker_path()
    count = organisation_count()
    if marker.exists():
        recorded = json.loads(marker.read_text())
        if recorded.get("source") == source and recorded.get("organisations") == count:
            log(f"Data already there ({source}, {count} organisations)")
            return recorded
    if source == "demo":
        log("generate_scale_data does not exist yet: loading the demo data instead")
        manage("load_demo")
    else:
        log(f"Generating the scale data: {source}")
        manage("generate_scale_data", "--scale", str(scale))
    analyze()
    recorded = {"source": source, "organisations": organisation_count(), "scale": scale}
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(json.dumps(recorded))
    return recorded


def analyze() -> None:
    """Fresh planner statistics and visibility maps after a bulk load, as autovacuum would make
    them in time (it vacuums after inserts, too): without statistics PostgreSQL plans the
    calendar's query for one event instead of thousands, and without the visibility map no
    count is read from an index alone (the public register's count scans the whole table)."""
    url = database_url()
    if url.startswith("sqlite"):
        return
    import psycopg

    log("VACUUM ANALYZE")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def machine_info() -> dict:
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model or platform.processor(),
        "load_average": os.getloadavg(),
        "python": platform.python_version(),
    }


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            found += [int(child) for child in task.read_text().split()]
    return found


def rss_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def collect_static(env: dict) -> None:
    """collectstatic, unless the collected files are newer than every source file."""
    manifest = PROJECT_DIR / "var" / "static" / "staticfiles.json"
    sources = (PROJECT_DIR / "samverkan").glob("**/static/**/*")
    if manifest.exists():
        collected_at = manifest.stat().st_mtime
        if all(path.stat().st_mtime <= collected_at for path in sources if path.is_file()):
            return
    log("Collecting static files")
    manage("collectstatic", "--noinput", "-v0", env=env)


class Server:
    """Gunicorn serving the platform; use as a context manager."""

    def __init__(
        self,
        *,
        workers: int,
        threads: int,
        worker_connections: int | None = None,
        extra_env: dict | None = None,
    ):
        self.workers = workers
        self.threads = threads
        self.worker_connections = worker_connections
        self.port = free_port()
        self.env = server_env(extra_env)
        self.process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def describe(self) -> str:
        kind = f"gthread, {self.threads} threads each" if self.threads > 1 else "sync"
        if self.worker_connections:
            kind += f", at most {self.worker_connections} connections each"
        return f"gunicorn, {self.workers} workers ({kind}), {self.base_url}"

    def __enter__(self) -> "Server":
        # A terminated benchmark stops its server too (SIGTERM leaves through __exit__).
        signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))
        collect_static(self.env)
        command = [
            PYTHON,
            "-m",
            "gunicorn",
            "samverkan.wsgi:application",
            # The master loads and warms the application once (samverkan.wsgi), and every worker
            # starts from that copy, ready for its first request.
            "--preload",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--log-level",
            "warning",
            "--backlog",
            "2048",
            "--timeout",
            "60",
        ]
        if self.threads > 1:
            # Keep-alive longer than a simulated person's pause, so that the client never
            # sends on a connection the server is closing at that moment.
            command += ["--worker-class", "gthread", "--threads", str(self.threads)]
            command += ["--keep-alive", "30"]
        if self.worker_connections:
            command += ["--worker-connections", str(self.worker_connections)]
        self.process = subprocess.Popen(command, cwd=PROJECT_DIR, env=self.env)  # noqa: S603
        self.wait_until_up()
        log(f"Serving: {self.describe()}")
        return self

    def wait_until_up(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit("gunicorn stopped while starting: see its output above")
            try:
                url = f"{self.base_url}/healthz"
                with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
                    if response.status == 200 and len(self.worker_pids()) >= self.workers:
                        return
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        sys.exit("gunicorn did not answer /healthz within a minute")

    def worker_pids(self) -> list[int]:
        return children(self.process.pid) if self.process else []

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __exit__(self, *exc) -> None:
        self.stop()


def setup_django() -> None:
    """Django in this (driving) process, on the same database, to pick real objects."""
    os.environ.update(server_env())
    sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()
