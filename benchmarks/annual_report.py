"""Benchmark of the annual report: how long compiling the 2022 report and rendering each of its
outputs take at city scale.

Run with `make bench-report`. It reads (never writes) the database of BENCH_DATABASE_URL, by default
the PostgreSQL database `samverkan_bench` that `make scale-data SCALE=10` fills; a database
without the agreement is filled first only when BENCH_GENERATE=1 (migrate, then
`generate_scale_data --scale BENCH_SCALE`, default 10). Each step runs BENCH_ROUNDS times (default
3) and the median is printed, with the number of queries of the compilation. Target: the 2022
report at scale 10 compiled in under 10 s. Not a test: timings belong here, not in the suite.
"""

import os
import statistics
import sys
import time

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/samverkan_bench"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
SCALE = os.environ.get("BENCH_SCALE", "10")
AGREEMENT = os.environ.get("BENCH_AGREEMENT", "malmoandan")
YEAR = int(os.environ.get("BENCH_YEAR", "2022"))
TARGET_SECONDS = 10.0


def main() -> None:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    # Its own variable, like make bench and make load: never a DATABASE_URL left in the shell.
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL") or DEFAULT_DATABASE
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
    os.environ.setdefault("SAMVERKAN_TESTING", "1")
    import django

    django.setup()
    from django.core.management import call_command

    from samverkan.agreements.models import Agreement

    agreement = Agreement.objects.filter(slug=AGREEMENT).first()
    if agreement is None:
        if os.environ.get("BENCH_GENERATE") != "1":
            sys.exit(
                f"The database {os.environ['DATABASE_URL']} has no agreement '{AGREEMENT}'. "
                f"Fill it with `make scale-data SCALE={SCALE}` (or run this with BENCH_GENERATE=1)."
            )
        call_command("migrate", verbosity=0)
        call_command("generate_scale_data", scale=float(SCALE))
        agreement = Agreement.objects.get(slug=AGREEMENT)
    run(agreement)


def timed(step, rounds: int = ROUNDS):
    """(median wall seconds, median CPU seconds of this process, the last result) of `rounds`
    runs of `step`. CPU time shows the work itself when other processes share the machine."""
    times, cpu, result = [], [], None
    for _round in range(rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = step()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(times), statistics.median(cpu), result


def run(agreement) -> None:
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from samverkan.reports.export_html import render_report_html
    from samverkan.reports.models import AnnualReport
    from samverkan.reports.pdf import render_memo_pdf, render_report_pdf
    from samverkan.reports.selectors import compile_report
    from samverkan.reports.xlsx import render_report_xlsx

    translation.activate(settings.LANGUAGE_CODE)
    print(f"Annual report benchmark: {agreement.name} {YEAR}, median of {ROUNDS} runs")
    print(f"  database: {connection.vendor} {connection.settings_dict['NAME']}")
    for label, count in data_size().items():
        print(f"  {label:<26}{count:>10,}".replace(",", " "))

    with CaptureQueriesContext(connection) as queries:
        compile_report(agreement, YEAR)  # warm-up: connections, caches of the ORM
    compile_seconds, compile_cpu, snapshot = timed(lambda: compile_report(agreement, YEAR))
    report = AnnualReport(agreement=agreement, year=YEAR, snapshot=snapshot)
    steps = [
        ("compile_report", compile_seconds, compile_cpu, f"{len(queries)} queries"),
    ]
    outputs = [
        ("PDF (WeasyPrint)", lambda: render_report_pdf(snapshot, {}, status="draft")),
        ("spreadsheet (openpyxl)", lambda: render_report_xlsx(snapshot, status="draft")),
        ("HTML file", lambda: render_report_html(snapshot, {}, status="draft").encode()),
        ("memo PDF", lambda: render_memo_pdf(report)),
    ]
    for label, step in outputs:
        seconds, cpu, content = timed(step)
        steps.append((label, seconds, cpu, f"{len(content) / 1024:.0f} KiB"))
    print()
    print(f"  {'step':<26}{'median s':>10}{'cpu s':>9}  note")
    for label, seconds, cpu, note in steps:
        print(f"  {label:<26}{seconds:>10.3f}{cpu:>9.3f}  {note}")
    print(f"  (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    whole = compile_seconds + steps[1][1]
    verdict = "OK" if whole < TARGET_SECONDS else "OVER TARGET"
    print(f"\n  compile + PDF: {whole:.2f} s (target < {TARGET_SECONDS:.0f} s): {verdict}")


def data_size() -> dict[str, int]:
    from samverkan.actors.models import Organisation
    from samverkan.events.models import Event, Registration
    from samverkan.partnerships.models import Collaboration
    from samverkan.venues.models import Booking

    return {
        "organisations": Organisation.objects.count(),
        "events": Event.objects.count(),
        "registrations": Registration.objects.count(),
        "collaborations": Collaboration.objects.count(),
        "bookings": Booking.objects.count(),
    }


if __name__ == "__main__":
    main()
