"""The platform's background tasks (django-tasks): e-mail delivery and the periodic jobs.

The worker (`python -m samverkan run_worker`) runs them; in tests the immediate backend runs
them at once. A task takes ids, not objects: it may run in another process, minutes later.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task
from django_tasks_db import DatabaseBackend

from samverkan.core.models import EmailDelivery, PeriodicJob

logger = logging.getLogger(__name__)

Status = EmailDelivery.Status
# A delivery in one of these states is waiting for the worker (or an administrator's retry).
PENDING = (Status.QUEUED, Status.RETRYING)
# Room for a long SMTP error; the rest says nothing more.
ERROR_LENGTH = 2000


def retry_delays() -> list[int]:
    """Seconds to wait before each retry; after the last one the delivery has failed."""
    return [int(seconds) for seconds in settings.EMAIL_RETRY_DELAYS]


def _message(delivery: EmailDelivery) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=delivery.subject,
        body=delivery.body,
        from_email=delivery.from_email or None,
        to=[delivery.to],
        headers=delivery.headers or None,
    )
    if delivery.html_body:
        message.attach_alternative(delivery.html_body, "text/html")
    return message


@task()
def deliver_email(delivery_id: int) -> str:
    """Send one EmailDelivery. A failure is recorded and retried after the next of
    settings.EMAIL_RETRY_DELAYS; after the last, the delivery is marked failed and stays in
    the admin's list. Returns the delivery's status."""
    # Claim it: a delivery already sent, or being sent by another worker, is left alone.
    claimed = EmailDelivery.objects.filter(pk=delivery_id, status__in=PENDING).update(
        status=Status.SENDING
    )
    if not claimed:
        return "skipped"
    delivery = EmailDelivery.objects.get(pk=delivery_id)
    delivery.attempts += 1
    try:
        _message(delivery).send(fail_silently=False)
    except Exception as error:  # any failure of the mail server or the network: try again later
        logger.warning("E-mail %s to %s failed: %s", delivery.pk, delivery.to, error)
        delivery.last_error = f"{type(error).__name__}: {error}"[:ERROR_LENGTH]
        _schedule_retry(delivery)
    else:
        delivery.status = Status.SENT
        delivery.sent_at = timezone.now()
        delivery.next_attempt_at = None
        delivery.save(
            update_fields=["status", "attempts", "sent_at", "next_attempt_at", "last_error"]
        )
    return delivery.status


def _schedule_retry(delivery: EmailDelivery) -> None:
    delays = retry_delays()
    if delivery.attempts > len(delays):
        delivery.status = Status.FAILED
        delivery.next_attempt_at = None
        delivery.save(update_fields=["status", "attempts", "last_error", "next_attempt_at"])
        return
    delivery.status = Status.RETRYING
    delivery.next_attempt_at = timezone.now() + datetime.timedelta(
        seconds=delays[delivery.attempts - 1]
    )
    delivery.save(update_fields=["status", "attempts", "last_error", "next_attempt_at"])
    if deliver_email.get_backend().supports_defer:
        deliver_email.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
    # A backend that cannot wait (the immediate one in tests) leaves it to the admin's retry.


def retry_deliveries(deliveries) -> int:
    """Queue the given deliveries again now (the admin's "retry" action), whatever their
    attempts so far; sent ones are left alone. Returns how many were queued."""
    ids = list(deliveries.exclude(status=Status.SENT).values_list("pk", flat=True))
    EmailDelivery.objects.filter(pk__in=ids).update(status=Status.QUEUED, next_attempt_at=None)
    for pk in ids:
        deliver_email.enqueue(pk)
    return len(ids)


# ---------------------------------------------------------------------------------------------
# Periodic jobs
# ---------------------------------------------------------------------------------------------


def due_jobs(now: datetime.datetime | None = None) -> list[str]:
    """The periodic jobs (settings.PERIODIC_JOBS: name → {"task": dotted path, "at": "HH:MM"})
    whose local time today has come and that have not been run today."""
    now = timezone.localtime(now)
    runs = dict(PeriodicJob.objects.values_list("name", "last_run_on"))
    return [
        name
        for name, job in settings.PERIODIC_JOBS.items()
        if now.time() >= datetime.time.fromisoformat(job["at"])
        and (runs.get(name) is None or runs[name] < now.date())
    ]


def enqueue_due_jobs(now: datetime.datetime | None = None) -> list[str]:
    """Enqueue each due periodic job once a day. The day's run is claimed with one conditional
    UPDATE, so two workers (or two ticks) never enqueue the same job twice on one day.
    Returns the names enqueued."""
    today = timezone.localtime(now).date()
    enqueued = []
    for name in due_jobs(now):
        PeriodicJob.objects.get_or_create(name=name)
        claimed = (
            PeriodicJob.objects.filter(name=name)
            .exclude(last_run_on__gte=today)
            .update(last_run_on=today)
        )
        if claimed:
            import_string(settings.PERIODIC_JOBS[name]["task"]).enqueue()
            enqueued.append(name)
    return enqueued


@task()
def prune_sent_mail() -> int:
    """Delete the e-mails sent more than settings.EMAIL_KEEP_DAYS ago (their bodies hold links
    that sign people in or reset passwords) and, with the database queue, the finished task
    results as old. Failed deliveries stay until an administrator deals with them.
    Returns the number of e-mails deleted."""
    cutoff = timezone.now() - datetime.timedelta(days=settings.EMAIL_KEEP_DAYS)
    deleted, _ = EmailDelivery.objects.filter(status=Status.SENT, sent_at__lt=cutoff).delete()
    if isinstance(deliver_email.get_backend(), DatabaseBackend):
        call_command("prune_db_task_results", min_age_days=settings.EMAIL_KEEP_DAYS, verbosity=0)
    return deleted
