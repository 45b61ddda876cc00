"""Funding's periodic job: the worker enqueues it daily (settings.PERIODIC_JOBS)."""

from django_tasks import task

from samverkan.funding import services


@task()
def send_funding_reminders() -> int:
    """Queue the reminders that are due today (services.send_due_reminders)."""
    return services.send_due_reminders()
