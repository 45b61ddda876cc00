"""The page cache for anonymous visitors (core/cache.py) and the benchmark's ceiling view."""

import re

import pytest
from django.middleware.csrf import _does_token_match
from django.test import RequestFactory
from django.utils.translation import gettext

from samverkan.core.cache import HIT_HEADER, TOKEN_RE
from samverkan.core.views import ceiling
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


def csrf_token(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())[1]


def without_tokens(response) -> bytes:
    return TOKEN_RE.sub(b"", response.content)


@pytest.fixture
def zig_zag(db):
    return factories.OrganisationFactory(name="Föreningen Zig Zag", slug="zig-zag")


def test_anonymous_page_is_served_from_the_cache_without_queries(
    client, zig_zag, django_assert_num_queries
):
    first = client.get("/organisationer/zig-zag/")
    assert first[HIT_HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/organisationer/zig-zag/")
    assert second[HIT_HEADER] == "hit"
    assert "Föreningen Zig Zag" in second.content.decode()
    assert without_tokens(second) == without_tokens(first)


@pytest.mark.django_db(transaction=True)
def test_a_committed_write_drops_the_cached_pages(client):
    zig_zag = factories.OrganisationFactory(name="Föreningen Zig Zag", slug="zig-zag")
    assert "Föreningen Zig Zag" in client.get("/organisationer/zig-zag/").content.decode()
    zig_zag.name = "Föreningen Zick Zack"
    zig_zag.save()
    response = client.get("/organisationer/zig-zag/")
    assert response[HIT_HEADER] == "miss"
    assert "Föreningen Zick Zack" in response.content.decode()


def test_a_write_that_is_not_committed_does_not_drop_the_cache(client, zig_zag):
    client.get("/organisationer/zig-zag/")
    zig_zag.name = "Föreningen Zick Zack"
    zig_zag.save()  # inside the test's transaction, never committed
    assert client.get("/organisationer/zig-zag/")[HIT_HEADER] == "hit"


def test_logged_in_people_are_never_served_from_nor_stored_in_the_cache(client, zig_zag, member):
    client.get("/organisationer/zig-zag/")  # stored for anonymous visitors
    client.force_login(member)
    response = client.get("/organisationer/zig-zag/")
    assert HIT_HEADER not in response
    assert gettext("Log out") in response.content.decode()

    anonymous = client.__class__()
    page = anonymous.get("/organisationer/zig-zag/")
    assert page[HIT_HEADER] == "hit"
    assert gettext("Log out") not in page.content.decode()


def test_a_cached_page_carries_each_visitors_own_csrf_token(client):
    first = client.get("/om/tillganglighet/")
    assert 'name="csrfmiddlewaretoken"' in first.content.decode()
    other = client.__class__()
    second = other.get("/om/tillganglighet/")
    assert second[HIT_HEADER] == "hit"
    first_token, second_token = csrf_token(first), csrf_token(second)
    assert first_token != second_token
    assert _does_token_match(first_token, first.cookies["csrftoken"].value)
    assert _does_token_match(second_token, second.cookies["csrftoken"].value)
    assert not _does_token_match(second_token, first.cookies["csrftoken"].value)


def test_the_barrier_report_form_of_a_cached_page_can_be_sent(client, mailoutbox):
    client.get("/om/tillganglighet/")  # stored by another visitor
    visitor = client.__class__(enforce_csrf_checks=True)
    page = visitor.get("/om/tillganglighet/")
    assert page[HIT_HEADER] == "hit"
    response = visitor.post(
        "/om/tillganglighet/",
        {
            "csrfmiddlewaretoken": csrf_token(page),
            "name": "Kim",
            "email": "kim@example.se",
            "page": "/",
            "description": "Kontrasten är för låg.",
        },
    )
    assert response.status_code == 302
    assert len(mailoutbox) == 1


def test_each_language_has_its_own_cached_page(client):
    assert '<html lang="sv">' in client.get("/").content.decode()
    client.cookies["django_language"] = "en"
    response = client.get("/")
    assert response[HIT_HEADER] == "miss"
    assert '<html lang="en">' in response.content.decode()


def test_an_htmx_fragment_and_the_full_page_are_cached_apart(client, zig_zag):
    client.get("/foreningsregistret/?q=zig")
    fragment = client.get("/foreningsregistret/?q=zig", headers={"HX-Request": "true"})
    assert fragment[HIT_HEADER] == "miss"


def test_errors_are_not_cached(client):
    assert client.get("/organisationer/finns-inte/").status_code == 404
    assert HIT_HEADER not in client.get("/organisationer/finns-inte/")


def test_the_page_cache_is_off_when_its_lifetime_is_zero(client, zig_zag, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/organisationer/zig-zag/")
    assert HIT_HEADER not in client.get("/organisationer/zig-zag/")


def test_the_benchmark_ceiling_has_no_address_without_samverkan_bench(client):
    assert client.get("/bench/ceiling").status_code == 404


def test_the_benchmark_ceiling_answers_a_fixed_short_response():
    response = ceiling(RequestFactory().get("/bench/ceiling"))
    assert response.status_code == 200
    assert response.content == b"ok"


def test_pages_are_served_uncached_when_the_cache_is_away(client, zig_zag, monkeypatch):
    from samverkan.core import cache as page_cache

    def unavailable(*args, **kwargs):
        raise ConnectionError("Redis is away")

    monkeypatch.setattr(page_cache.cache, "get", unavailable)
    monkeypatch.setattr(page_cache.cache, "set", unavailable)
    response = client.get("/organisationer/zig-zag/")
    assert response.status_code == 200
    assert "Föreningen Zig Zag" in response.content.decode()
    assert HIT_HEADER not in response


def test_a_page_that_shows_a_visitors_message_is_neither_served_from_nor_stored_in_the_cache(
    client, member
):

    other = client.__class__()
    other.get("/")  # the start page (where logging out leads), stored for anonymous visitors
    client.force_login(member)
    page = client.post("/konto/logout/", follow=True)
    signed_out = gettext("You have signed out.")
    assert signed_out in page.content.decode()
    assert HIT_HEADER not in page
    later = other.get("/")
    assert later[HIT_HEADER] == "hit"
    assert signed_out not in later.content.decode()


def test_a_write_to_a_table_the_page_did_not_read_keeps_it_cached(client, zig_zag):
    from samverkan.core.cache import bump_table

    client.get("/organisationer/zig-zag/")
    bump_table("venues_booking")
    assert client.get("/organisationer/zig-zag/")[HIT_HEADER] == "hit"
    bump_table("actors_organisation")
    assert client.get("/organisationer/zig-zag/")[HIT_HEADER] == "miss"


def test_a_page_past_its_lifetime_is_rendered_again_by_one_request_while_others_get_it(
    client, zig_zag, monkeypatch
):
    import time
    import types

    from django.core.cache import cache
    from django.utils import translation

    from samverkan.core import cache as page_cache

    client.get("/organisationer/zig-zag/")
    later = types.SimpleNamespace(time=lambda: time.time() + 61, time_ns=time.time_ns)
    monkeypatch.setattr(page_cache, "time", later)
    with translation.override("sv"):
        key = page_cache.page_key(RequestFactory().get("/organisationer/zig-zag/"))
    cache.add(key + ":renewing", 1)  # another request is rendering it again right now
    assert client.get("/organisationer/zig-zag/")[HIT_HEADER] == "hit"
    cache.delete(key + ":renewing")
    assert client.get("/organisationer/zig-zag/")[HIT_HEADER] == "miss"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "write",
    [
        pytest.param(
            lambda org: type(org).objects.filter(pk=org.pk).update(name="Föreningen Zick Zack"),
            id="queryset-update",
        ),
        pytest.param(
            lambda org: _raw_sql(
                "UPDATE actors_organisation SET name = %s WHERE id = %s",
                ["Föreningen Zick Zack", org.pk],
            ),
            id="raw-sql",
        ),
        pytest.param(
            lambda org: _bulk_insert(
                factories.OrganisationFactory.build(name="Föreningen Zick Zack", slug="zick-zack")
            ),
            id="bulk-insert-copy",
        ),
    ],
)
def test_writes_that_send_no_signal_drop_the_cached_pages_too(client, write):
    """QuerySet.update(), raw SQL and the scale data's bulk inserts (COPY on PostgreSQL) change
    what the register shows as much as save() does."""
    zig_zag = factories.OrganisationFactory(name="Föreningen Zig Zag", slug="zig-zag")
    client.get("/foreningsregistret/")
    assert client.get("/foreningsregistret/")[HIT_HEADER] == "hit"
    write(zig_zag)
    response = client.get("/foreningsregistret/")
    assert response[HIT_HEADER] == "miss"
    assert "Föreningen Zick Zack" in response.content.decode()


def _raw_sql(sql, params):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _bulk_insert(organisation):
    from samverkan.demo import bulk

    bulk.assign_ids([organisation])
    bulk.insert([organisation])


@pytest.mark.django_db(transaction=True)
def test_signing_in_does_not_drop_the_cached_pages(client, member):
    """Only last_login changes when someone signs in: no page shows it."""
    client.get("/foreningsregistret/")
    member_client = type(client)()
    member_client.force_login(member)
    assert client.get("/foreningsregistret/")[HIT_HEADER] == "hit"


@pytest.mark.django_db(transaction=True)
def test_a_restore_drops_every_cached_page(client, tmp_path):
    from samverkan.core.backup import backup_database, restore_database

    factories.OrganisationFactory(name="Föreningen Zig Zag", slug="zig-zag")
    saved = backup_database(tmp_path / "before")
    client.get("/organisationer/zig-zag/")
    restore_database(saved)
    assert client.get("/organisationer/zig-zag/")[HIT_HEADER] == "miss"


def test_the_write_recorder_is_on_every_connection_once_and_first():
    """It goes first, so that the page's own TableRecorder, added and removed by
    connection.execute_wrapper() around a request, is the one removed at the end."""
    from django.db import connection

    from samverkan.core.cache import WriteRecorder

    connection.ensure_connection()
    recorders = [w for w in connection.execute_wrappers if isinstance(w, WriteRecorder)]
    assert len(recorders) == 1
    assert isinstance(connection.execute_wrappers[0], WriteRecorder)
