"""Benchmark of the register: median and 90th percentile response times of its pages.

Run with `make bench` (SQLite) or `DATABASE_URL=postgres://… make bench`. It builds a
throw-away database with the Malmöandan demo data (339 organisations) plus SCALE generated
associations, then requests each page ROUNDS times through Django's test client (in-process,
no network) and prints figures. Not part of the test suite: timings belong here, not in tests.
"""

import os
import statistics
import sys
import time

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "50"))
SCALE = int(os.environ.get("BENCH_SCALE", "5000"))

PAGES = [
    ("start page", "/"),
    ("register, first page", "/foreningsregistret/"),
    ("register, search 'idrott'", "/foreningsregistret/?q=idrott"),
    (
        "register, search 'föreningar' + district",
        "/foreningsregistret/?q=f%C3%B6reningar&district=rosengard",
    ),
    ("register, htmx partial", "/foreningsregistret/?q=idrott"),
    ("organisation page", "/organisationer/foreningen-zig-zag/"),
    ("API list ?q=idrott", "/api/v1/organisations?q=idrott"),
    ("API detail", "/api/v1/organisations/foreningen-zig-zag"),
    ("CSV export, whole register", "/foreningsregistret.csv"),
]


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
    os.environ.setdefault("SAMVERKAN_TESTING", "1")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import get_runner, setup_test_environment

    setup_test_environment()
    runner = get_runner(django.conf.settings)(verbosity=0, interactive=False)
    old_config = runner.setup_databases()
    try:
        run(connection)
    finally:
        runner.teardown_databases(old_config)


def generate(count: int) -> None:
    """`count` more associations, spread over districts and areas, indexed for search."""
    import random

    from samverkan.actors.models import District, InterestArea, Organisation
    from samverkan.actors.search import reindex_organisation

    rng = random.Random(6)
    districts = list(District.objects.all())
    areas = list(InterestArea.objects.all())
    words = [
        "Idrottsförening",
        "Kulturförening",
        "Pensionärsförening",
        "Föreningen",
        "Scoutkår",
        "Hyresgästförening",
        "Studiecirkel",
        "Fotbollsklubb",
        "Kör",
        "Syförening",
    ]
    created = Organisation.objects.bulk_create(
        Organisation(
            name=f"{rng.choice(words)} {rng.choice(districts).name} {n}",
            slug=f"bench-{n}",
            sector="civil",
            legal_form="association",
            description=f"En förening i {rng.choice(districts).name} med aktiviteter för alla.",
            city="Malmö",
        )
        for n in range(count)
    )
    for org in created:
        org.districts.set(rng.sample(districts, 2))
        org.interest_areas.set(rng.sample(areas, 2))
        reindex_organisation(org)


def run(connection) -> None:
    from django.test import Client

    from samverkan.actors.models import Organisation
    from samverkan.demo.loader import load_demo

    load_demo()
    started = time.perf_counter()
    generate(SCALE)
    print(
        f"database: {connection.vendor}; generated {SCALE} associations in "
        f"{time.perf_counter() - started:.1f} s; "
        f"{Organisation.objects.count()} organisations in all; {ROUNDS} rounds per page\n"
    )
    client = Client()
    print(f"{'page':<44} {'median ms':>10} {'p90 ms':>8} {'bytes':>9}")
    for label, path in PAGES:
        headers = {"HTTP_HX_REQUEST": "true"} if "htmx" in label else {}
        client.get(path, **headers)  # warm caches and connections
        samples = []
        size = 0
        for _ in range(ROUNDS):
            t0 = time.perf_counter()
            response = client.get(path, **headers)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            samples.append((time.perf_counter() - t0) * 1000)
            size = len(body)
            assert response.status_code == 200, (path, response.status_code)
        samples.sort()
        p90 = samples[int(len(samples) * 0.9) - 1]
        print(f"{label:<44} {statistics.median(samples):>10.1f} {p90:>8.1f} {size:>9}")


if __name__ == "__main__":
    sys.exit(main())
