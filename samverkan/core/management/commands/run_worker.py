"""The platform's worker: delivers the queued e-mails and runs the periodic jobs.

    python -m samverkan run_worker

is django-tasks-db's `db_worker` (same options) plus a scheduler: once a minute it enqueues
the periodic jobs that are due (settings.PERIODIC_JOBS, e.g. the funding reminders daily at
07:15), each once a day however many workers run (core/tasks.py enqueue_due_jobs). With
`--batch` it enqueues what is due once, runs every ready task and exits. A Redis/RQ backend has
its own worker process; run `run_worker --scheduler-only` beside it for the periodic jobs.
"""

import logging
import os
import threading

from django.db import close_old_connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from samverkan.core.tasks import enqueue_due_jobs

logger = logging.getLogger(__name__)

# How often the scheduler looks for due jobs; a daily job starts at most this late.
SCHEDULER_INTERVAL = 60


def schedule_once() -> list[str]:
    try:
        names = enqueue_due_jobs()
    except Exception:  # a database hiccup must not stop the scheduler; the next tick tries again
        logger.exception("The scheduler could not enqueue the due jobs")
        return []
    finally:
        close_old_connections()
    for name in names:
        logger.info("Enqueued the periodic job %s", name)
    return names


def run_scheduler(stop: threading.Event) -> None:
    while not stop.is_set():
        schedule_once()
        stop.wait(SCHEDULER_INTERVAL)


class Command(DBWorkerCommand):
    help = (
        "Run the background worker: deliver queued e-mails (with retries) and enqueue the "
        "periodic jobs (funding reminders) when they are due."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--scheduler-only",
            action="store_true",
            help="Only enqueue the periodic jobs when due (beside another backend's worker).",
        )

    def handle(self, *args, scheduler_only=False, **options):
        self.configure_logging(options["verbosity"])
        if scheduler_only:
            run_scheduler(threading.Event())
            return
        if options["batch"]:
            schedule_once()
        elif not options["reload"] or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            # With --reload only the child process (the one that runs tasks) schedules.
            stop = threading.Event()
            threading.Thread(target=run_scheduler, args=(stop,), daemon=True).start()
        super().handle(*args, **options)
