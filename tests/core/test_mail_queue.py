"""E-mail leaves through the task queue (core/notify.py, core/tasks.py): after commit, by the
worker, with retries; a dead mail server never fails the request that asked for the mail."""

import datetime
import socket
from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from aiosmtpd.controller import Controller
from allauth.account.models import EmailAddress
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command, get_commands
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from samverkan.core import checks
from samverkan.core.models import EmailDelivery
from samverkan.core.notify import notify
from samverkan.core.tasks import enqueue_due_jobs, prune_sent_mail, retry_deliveries
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

Status = EmailDelivery.Status
REMINDERS = "samverkan.funding.tasks.send_funding_reminders"


@pytest.fixture
def database_queue(settings):
    """The production backend: tasks wait in a table until the worker runs them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def smtp_port(settings):
    """A loopback port where nothing listens yet, configured as the SMTP server."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    return port


class Inbox:
    """aiosmtpd's handler: keeps what the server received."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode()))
        return "250 OK"


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP down")


def run_worker():
    """The worker in batch mode, inside the test's transaction: between tasks the real worker
    closes connections that are not in autocommit, which here would be the test's own (on
    PostgreSQL; SQLite's in-memory test database is never closed)."""
    with (
        mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"),
        mock.patch("samverkan.core.management.commands.run_worker.close_old_connections"),
    ):
        call_command("run_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def test_a_password_reset_with_the_mail_server_down_answers_302_and_is_delivered_on_retry(
    client, database_queue, smtp_port, django_capture_on_commit_callbacks
):
    user = UserFactory()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    delivery = EmailDelivery.objects.get(to=user.email)
    assert delivery.status == Status.QUEUED

    run_worker()  # nothing listens on the port: the attempt fails and is retried later
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Status.RETRYING, 1)
    assert "ConnectionRefusedError" in delivery.last_error

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    server.start()
    try:
        with time_machine.travel(delivery.next_attempt_at + datetime.timedelta(seconds=1)):
            run_worker()
    finally:
        server.stop()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Status.SENT, 2)
    [(recipients, content)] = inbox.messages
    assert recipients == [user.email]
    assert "/konto/password/reset/key/" in content


def test_notify_puts_the_mail_on_the_queue_only_when_the_transaction_commits(
    database_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as after_commit, transaction.atomic():
        notify(to=["a@example.se"], subject="Hej", body="Text")
        assert DBTaskResult.objects.count() == 0

    for callback in after_commit:
        callback()
    assert DBTaskResult.objects.get().task_path == "samverkan.core.tasks.deliver_email"


def test_a_rolled_back_change_queues_no_mail(database_queue, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        notify(to=["a@example.se"], subject="Hej", body="Text")
        raise RuntimeError("the write failed")

    assert not EmailDelivery.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_each_address_gets_its_own_message(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify(to=["a@example.se", "b@example.se", ""], subject="Hej", body="Text")

    assert sorted(message.to[0] for message in mailoutbox) == ["a@example.se", "b@example.se"]


def test_a_delivery_that_keeps_failing_is_marked_failed_after_the_last_retry(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.core.test_mail_queue.RefusingBackend"
    settings.EMAIL_RETRY_DELAYS = [60, 300]
    with django_capture_on_commit_callbacks(execute=True):
        [delivery] = notify(to=["a@example.se"], subject="Hej", body="Text")

    retry_deliveries(EmailDelivery.objects.all())
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Status.RETRYING, 2)
    retry_deliveries(EmailDelivery.objects.all())
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Status.FAILED, 3)


def test_administrators_see_failed_mail_and_can_send_it_again(
    admin_client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.core.test_mail_queue.RefusingBackend"
    settings.EMAIL_RETRY_DELAYS = []
    with django_capture_on_commit_callbacks(execute=True):
        [delivery] = notify(to=["a@example.se"], subject="Kallelse", body="Text")
    changelist = reverse("admin:core_emaildelivery_changelist")
    page = admin_client.get(changelist, {"status": "failed"}).content.decode()
    assert "Kallelse" in page

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = admin_client.post(changelist, {"action": "retry", "_selected_action": [delivery.pk]})

    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.status == Status.SENT
    assert [message.subject for message in mailoutbox] == ["Kallelse"]


def at(hour: int, minute: int = 0, days: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def test_the_funding_reminders_are_enqueued_once_a_day_at_their_time(database_queue, settings):
    settings.PERIODIC_JOBS = {"funding_reminders": {"task": REMINDERS, "at": "07:15"}}

    assert enqueue_due_jobs(at(7, 0)) == []
    assert enqueue_due_jobs(at(7, 15)) == ["funding_reminders"]
    assert enqueue_due_jobs(at(18, 0)) == []  # a second worker, or a later tick, the same day
    assert enqueue_due_jobs(at(7, 20, days=1)) == ["funding_reminders"]
    assert DBTaskResult.objects.filter(task_path=REMINDERS).count() == 2


def test_the_worker_runs_the_reminders_it_enqueued(database_queue, settings):
    settings.PERIODIC_JOBS = {"funding_reminders": {"task": REMINDERS, "at": "00:00"}}

    run_worker()

    assert DBTaskResult.objects.get(task_path=REMINDERS).status == "SUCCESSFUL"


def test_the_worker_is_a_command_of_the_platform():
    assert get_commands()["run_worker"] == "samverkan.core"


def test_the_deploy_check_warns_when_tasks_run_inside_the_request(settings):
    settings.TASKS = {"default": {"BACKEND": checks.IMMEDIATE_TASKS}}

    assert [warning.id for warning in checks.tasks_in_the_request(None)] == ["samverkan.W020"]


def test_the_deploy_check_is_silent_with_the_database_queue(database_queue):
    assert checks.tasks_in_the_request(None) == []


def test_sent_mail_is_deleted_after_the_keeping_time_and_failed_mail_stays(
    settings, database_queue
):
    settings.EMAIL_KEEP_DAYS = 30
    now = timezone.now()
    fields = {"subject": "Återställ lösenordet", "body": "https://example.se/nyckel"}
    sent = {"status": Status.SENT, **fields}
    EmailDelivery.objects.create(to="gammal@example.se", sent_at=now - timedelta(days=31), **sent)
    EmailDelivery.objects.create(to="ny@example.se", sent_at=now, **sent)
    EmailDelivery.objects.create(to="fel@example.se", status=Status.FAILED, **fields)

    prune_sent_mail.call()

    assert sorted(EmailDelivery.objects.values_list("to", flat=True)) == [
        "fel@example.se",
        "ny@example.se",
    ]
