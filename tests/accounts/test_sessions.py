"""Sessions are read from the cache and written through to the database (settings.SESSION_ENGINE,
cached_db): a logged-in request does not query the session table, and logging out, emptying
the cache or a session expiring behave as with sessions in the database alone."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

MY_PAGES = "/mina-sidor/"


def test_sessions_are_kept_in_the_cache_and_the_database():
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"


def test_a_logged_in_request_does_not_query_the_session_table(client, member):
    client.force_login(member)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(MY_PAGES)
    assert response.status_code == 200
    assert not [q for q in queries if "django_session" in q["sql"]]


def test_a_session_survives_an_emptied_cache(client, member):
    client.force_login(member)
    cache.clear()  # a restarted or evicting Redis
    assert client.get(MY_PAGES).status_code == 200
    assert Session.objects.filter(session_key=client.session.session_key).exists()


def test_after_logging_out_the_old_session_cookie_logs_nobody_in(client, member):
    client.force_login(member)
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = client.cookies[settings.SESSION_COOKIE_NAME]
    assert thief.get(MY_PAGES).status_code == 200

    client.post(reverse("account_logout"))

    assert thief.get(MY_PAGES).status_code == 302
    assert not Session.objects.exists()


def test_an_expired_session_logs_nobody_in_once_the_cache_has_let_it_go(client, member):
    client.force_login(member)
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))
    cache.clear()  # the cache keeps a session no longer than its age
    assert client.get(MY_PAGES).status_code == 302
