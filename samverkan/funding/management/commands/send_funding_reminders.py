"""E-mail the followers of funding calls before their deadlines. The worker runs this daily
by itself (`run_worker`, settings.PERIODIC_JOBS, FUNDING_REMINDERS_AT); the command is for a
run by hand, e.g. with --today to see what a day would send.

Idempotent: each reminder (follower, call, deadline, days before) is recorded and queued once,
so running it twice a day sends nothing twice; the worker retries a delivery that fails.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from samverkan.funding import services


class Command(BaseCommand):
    help = "E-mail followers of funding calls 14 and 3 days before the deadline (once each)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            default="",
            help="Reminder points in days before the deadline, e.g. 14,3 "
            "(default: settings.FUNDING_REMINDER_DAYS or 14,3).",
        )
        parser.add_argument(
            "--today", default="", help="Act as if today were this date (YYYY-MM-DD)."
        )

    def handle(self, *args, days="", today="", **options):
        try:
            points = [int(d) for d in days.split(",") if d.strip()] if days else None
            day = datetime.date.fromisoformat(today) if today else None
        except ValueError as error:
            raise CommandError(f"Bad argument: {error}") from None
        if points and any(p < 0 for p in points):
            raise CommandError("Reminder days must be zero or more.")
        sent = services.send_due_reminders(today=day, points=points)
        self.stdout.write(f"Queued {sent} reminder(s).")
