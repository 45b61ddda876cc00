"""Following a call, and the daily reminders before its deadline."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from samverkan.core.exceptions import PermissionDeniedError
from samverkan.core.models import EmailDelivery
from samverkan.funding import services
from samverkan.funding.models import CallFollow, ReminderSent
from tests import factories
from tests.funding.factories import CallFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _agreement():
    factories.AgreementFactory(slug="malmoandan")


def run(today=None, days=None) -> int:
    """One day's run, committed: its e-mails leave (the immediate task backend sends them)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return services.send_due_reminders(today=today, points=days)


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP down")


def follower(call):
    user = factories.UserFactory()
    services.follow_call(call=call, by=user)
    return user


def test_follow_and_unfollow(member):
    call = CallFactory()
    services.follow_call(call=call, by=member)
    services.follow_call(call=call, by=member)  # twice is harmless
    assert CallFollow.objects.filter(call=call, user=member).count() == 1
    assert services.unfollow_call(call=call, by=member) is True
    assert not CallFollow.objects.exists()


def test_a_visitor_cannot_unfollow():
    with pytest.raises(PermissionDeniedError):
        services.unfollow_call(call=CallFactory(), by=AnonymousUser())


def test_a_closed_call_cannot_be_followed(member):
    call = CallFactory(opens_on=in_days(-30), deadline=in_days(-1))
    with pytest.raises(PermissionDeniedError):
        services.follow_call(call=call, by=member)


@pytest.mark.parametrize(("days_left", "point"), [(14, 14), (10, 14), (3, 3), (1, 3), (0, 3)])
def test_a_reminder_is_sent_at_the_reminder_points(days_left, point):
    call = CallFactory(deadline=in_days(days_left))
    user = follower(call)
    assert run(days=[14, 3]) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert call.title in mail.outbox[0].subject
    assert ReminderSent.objects.get().days_before == point


def test_no_reminder_before_the_first_point():
    follower(CallFactory(deadline=in_days(15)))
    assert run(days=[14, 3]) == 0
    assert mail.outbox == []


def test_each_reminder_is_sent_once_across_runs():
    call = CallFactory(deadline=in_days(14))
    follower(call)
    base = timezone.localdate()
    assert run(days=[14, 3]) == 1
    assert run(days=[14, 3]) == 0  # the same day again
    assert run(today=base + datetime.timedelta(days=1), days=[14, 3]) == 0  # 13 days left
    assert run(today=base + datetime.timedelta(days=11), days=[14, 3]) == 1  # 3 days left
    assert run(today=base + datetime.timedelta(days=12), days=[14, 3]) == 0
    assert len(mail.outbox) == 2


def test_a_missed_day_sends_the_current_point_only():
    follower(CallFactory(deadline=in_days(2)))
    assert run(days=[14, 3]) == 1
    assert list(ReminderSent.objects.values_list("days_before", flat=True)) == [3]


def test_no_reminder_for_a_closed_or_rolling_call():
    follower(CallFactory(opens_on=in_days(-30), deadline=in_days(1)))
    follower(CallFactory(deadline=None))
    after_the_deadline = timezone.localdate() + datetime.timedelta(days=2)
    assert run(today=after_the_deadline, days=[14, 3]) == 0
    assert mail.outbox == []


def test_no_reminder_to_someone_who_unfollowed():
    call = CallFactory(deadline=in_days(3))
    user = follower(call)
    services.unfollow_call(call=call, by=user)
    assert run(days=[14, 3]) == 0


def test_every_follower_gets_their_own_reminder():
    call = CallFactory(deadline=in_days(3))
    users = [follower(call) for _ in range(3)]
    assert run(days=[14, 3]) == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users)


def test_a_moved_deadline_is_a_new_reminder():
    call = CallFactory(deadline=in_days(3))
    follower(call)
    assert run(days=[14, 3]) == 1
    call.deadline = in_days(2)
    call.save()
    assert run(days=[14, 3]) == 1


def test_reminder_points_come_from_settings(settings):
    settings.FUNDING_REMINDER_DAYS = [7]
    follower(CallFactory(deadline=in_days(7)))
    follower(CallFactory(deadline=in_days(10)))
    assert run() == 1


def test_a_reminder_that_cannot_be_delivered_waits_for_the_workers_retry(settings):
    follower(CallFactory(deadline=in_days(3)))
    settings.EMAIL_BACKEND = "tests.funding.test_reminders.RefusingBackend"

    assert run(days=[14, 3]) == 1
    assert run(days=[14, 3]) == 0  # the next run does not queue it a second time

    delivery = EmailDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (EmailDelivery.Status.RETRYING, 1)


def test_the_command_sends_and_reports(settings):
    follower(CallFactory(deadline=in_days(14)))
    out = StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_funding_reminders", "--days", "14,3", stdout=out)
    assert "Queued 1" in out.getvalue()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_funding_reminders", "--days", "14,3", stdout=out)
    assert len(mail.outbox) == 1
