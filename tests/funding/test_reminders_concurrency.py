"""Two runs of the reminder command at the same moment (a cron job overlapping a manual run)
send each reminder once: the unique constraint on what was sent decides (PostgreSQL)."""

import threading

import pytest
from django.core import mail
from django.db import connection

from samverkan.funding import services
from samverkan.funding.models import ReminderSent
from tests import factories
from tests.funding.factories import CallFactory, in_days

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_concurrent_runs_send_each_reminder_once():
    factories.AgreementFactory(slug="malmoandan")
    call = CallFactory(deadline=in_days(3))
    for _ in range(3):
        services.follow_call(call=call, by=factories.UserFactory())
    runs = 4
    barrier = threading.Barrier(runs)
    sent, errors = [], []

    def run():
        try:
            barrier.wait()
            sent.append(services.send_due_reminders(points=[14, 3]))
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(runs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sum(sent) == 3
    assert ReminderSent.objects.count() == 3
    assert len(mail.outbox) == 3
