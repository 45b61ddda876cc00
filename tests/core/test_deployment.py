"""Deployment safety: the client's address behind proxies, the proxy's HTTPS header, and a
cache that every server process shares (login throttling)."""

import pytest
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from django.urls import reverse

from samverkan.core import checks
from samverkan.core.client_ip import client_ip

DATABASE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "samverkan_cache",
    }
}
LOCAL_MEMORY = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def request_from(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_proxies_a_forwarded_for_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from("203.0.113.9", "10.9.9.9")) == "203.0.113.9"


def test_behind_one_proxy_the_client_is_the_last_forwarded_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client wrote 10.9.9.9 itself; the proxy appended the address it was reached from.
    request = request_from("192.0.2.1", "10.9.9.9, 198.51.100.7")
    assert client_ip(request) == "198.51.100.7"


def test_behind_two_proxies_the_client_is_the_second_address_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = request_from("192.0.2.2", "10.9.9.9, 198.51.100.7, 192.0.2.1")
    assert client_ip(request) == "198.51.100.7"


def test_a_request_with_fewer_hops_than_proxies_counts_as_its_nearest_address(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request_from("192.0.2.2", "10.9.9.9")) == "192.0.2.2"


@pytest.mark.django_db
def test_rate_limits_count_the_client_behind_the_proxy_not_the_proxy(client, settings):
    """Reports from one client behind the proxy are stopped after five, while another client
    behind the same proxy can still report (allauth's limits use core/client_ip.py)."""
    from django.core.cache import cache

    cache.clear()
    settings.TRUSTED_PROXY_COUNT = 1
    url = reverse("core:accessibility")

    def report(address):
        return client.post(
            url,
            {"description": "Kontrasten är för låg."},
            REMOTE_ADDR="192.0.2.1",
            HTTP_X_FORWARDED_FOR=address,
        )

    for _ in range(5):
        report("198.51.100.7")
    assert report("198.51.100.7").status_code == 429
    assert report("198.51.100.8").status_code == 302


@override_settings(DEBUG=False, CACHES=LOCAL_MEMORY)
def test_the_deploy_check_fails_when_each_process_keeps_its_own_cache():
    found = checks.shared_cache(None)
    assert [message.id for message in found] == ["samverkan.E001"]
    assert found[0].is_serious()


@override_settings(DEBUG=False, CACHES=DATABASE_CACHE)
def test_the_deploy_check_accepts_the_database_cache():
    assert checks.shared_cache(None) == []


@override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"))
def test_the_deploy_check_warns_when_the_https_header_is_believed_without_a_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert [message.id for message in checks.proxy_header_without_proxy(None)] == ["samverkan.W003"]


PRODUCTION_CACHES = {**DATABASE_CACHE, "pages": LOCAL_MEMORY["default"]}


@pytest.mark.django_db(transaction=True)
@override_settings(CACHES=PRODUCTION_CACHES, PAGE_CACHE_SECONDS=60)
def test_with_the_database_cache_a_write_is_kept_and_the_pages_still_cached(client):
    """The page cache stays out of the database: its bumps would otherwise run queries in the
    middle of the write that caused them (on SQLite the new row was lost)."""
    from django.core.cache import cache

    from samverkan.accounts.models import User

    call_command("createcachetable", verbosity=0)
    assert client.get("/").status_code == 200
    User.objects.create_user(email="ny@example.org", password="x")  # nosec B106
    assert User.objects.filter(email="ny@example.org").exists()
    assert cache.add("throttle-probe", 1)  # the rate limits' cache is the table
    client.get("/")
    assert client.get("/").headers.get("X-Page-Cache") == "hit"


@pytest.mark.django_db
def test_migrate_creates_the_database_caches_table():
    from django.db import connection

    caches = {"default": {**DATABASE_CACHE["default"], "LOCATION": "rate_limit_probe"}}
    with override_settings(CACHES=caches):
        call_command("migrate", verbosity=0)

    assert "rate_limit_probe" in connection.introspection.table_names()
