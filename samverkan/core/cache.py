"""The page cache: whole GET responses for anonymous visitors, dropped on a write to their data.

Most visitors are anonymous and read the same pages (the start page, the register, the
calendar); rendering those again for each of them costs queries and template time, so
`PageCacheMiddleware` keeps the rendered response in Django's cache (Redis when REDIS_URL is
set, each process's memory otherwise: the "pages" alias of settings.CACHES) for PAGE_CACHE_SECONDS.

What keeps it safe:
- Only anonymous requests are served or stored: a request with a session cookie, a messages
  cookie or an Authorization header bypasses the cache both ways, and the session is never
  loaded to find out. The public API (/api/v1/) is the exception: it answers everyone alike
  and reads no session (tests/api/test_no_person.py), so a logged-in person's browser, which
  sends its session cookie along, is served the same cached answer; an Authorization header
  still bypasses it.
- A response is stored only when it is a 200 that sets no cookie but the CSRF cookie, adds no
  message, is not marked private or no-store, and varies only on headers that the key holds.
- Every page carries a CSRF token (the language switch and htmx post with it). A visitor's
  token is never shared: before storing, each token of the visitor who caused the miss is
  replaced by a placeholder, and each hit fills in a fresh token of its own visitor (whose
  CSRF cookie the CSRF middleware then sets, as for a page rendered for them).
- The key holds the scheme, host, path with query string, language and the htmx header.
- A page remembers the tables its queries read and, for each, the table's generation number
  read before the first query on it. Every committed INSERT, UPDATE or DELETE bumps the
  generation of its table, in every process that shares the cache; a page whose tables moved
  on is rendered again. So a booking drops the pages that show bookings, not the register.
  The writes are seen in the SQL itself (`WriteRecorder`, on every database connection from
  CoreConfig.ready()), so QuerySet.update(), bulk_create(), cascades and raw SQL count as
  much as save(). What bypasses Django's cursor bumps its tables itself: COPY in
  demo/bulk.py with `bump_at_commit()`, `restore` with `bump_all_tables()`. With the
  local-memory cache each process has its own generations: run several processes with
  REDIS_URL set, or accept PAGE_CACHE_SECONDS of staleness in the other processes.
"""

import functools
import hashlib
import logging
import re
import time

from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from django.db import connection as db_connection
from django.http import HttpResponse
from django.middleware.csrf import _does_token_match, get_token
from django.utils import translation
from django.utils.cache import cc_delim_re
from django.utils.connection import ConnectionProxy
from django.utils.safestring import mark_safe

logger = logging.getLogger(__name__)
# The page cache's own alias: Redis or each process's memory, never the database (settings).
cache = ConnectionProxy(caches, "pages")

HIT_HEADER = "X-Page-Cache"
# A stored response may vary only on what the key holds: the cookies that matter are the
# language (in the key), the session and messages (bypassed) and the CSRF token (filled in per
# visitor); the language comes from the key too.
KEYED_VARY_HEADERS = {"cookie", "hx-request", "accept-language"}
NOT_SHARED = {"private", "no-store", "no-cache"}
# A masked CSRF token is 64 letters and digits; the placeholder has the same length.
TOKEN_RE = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
CSRF_PLACEHOLDER = b"_PAGE_CACHE_CSRF_TOKEN_".ljust(64, b"_")
# The tables a query reads: quoted as Django writes them, or bare in hand-written SQL.
TABLE_RE = re.compile(r'(?:FROM|JOIN)\s+"?([A-Za-z_][A-Za-z0-9_]*)', re.IGNORECASE)
# The table a statement writes to, as Django writes it or bare in hand-written SQL; SQLite's
# "INSERT OR IGNORE" is how Django adds to a many-to-many relation (bulk_create ignoring conflicts).
WRITE_RE = re.compile(
    r"\s*(?:INSERT\s+(?:OR\s+[A-Z]+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)"
    r'\s+"?([A-Za-z_][A-Za-z0-9_]*)',
    re.IGNORECASE,
)
LAST_LOGIN_RE = re.compile(r'\s*UPDATE\s+"?\w+"?\s+SET\s+"?last_login"?\s*=\s*%s\s+WHERE', re.I)
# How long past its lifetime a page may still be served while one request renders it again
# (never after a write to its tables: then it is rendered at once).
RENEWAL_SECONDS = 30
# Addresses whose answer is the same whoever asks: served from the cache with a session cookie too.
SAME_FOR_EVERYONE = ("/api/v1/",)
# Rows written while people only read: bumping for them would empty the cache for nothing.
IGNORED_TABLES = {"django_session"}


def database_cache_tables() -> set[str]:
    """The tables of database caches (settings.CACHES): a write to them is the cache's own, and
    bumping for it would write to the cache again, without end."""
    return {
        config["LOCATION"]
        for config in settings.CACHES.values()
        if config["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    }


def generation_key(table: str) -> str:
    return f"page-cache:table:{table}"


def generations(tables) -> dict[str, int]:
    """The current generation of each table; a fresh, never used one when the cache has none.

    Starting from the clock, not from 0, so that a page stored under an evicted generation is
    never taken for current again.
    """
    keys = {generation_key(table): table for table in tables}
    found = cache.get_many(list(keys))
    for key in set(keys) - set(found):
        cache.add(key, time.time_ns(), timeout=None)
        found[key] = cache.get(key)
    return {keys[key]: value for key, value in found.items()}


def bump_table(table: str) -> None:
    """Make every cached page that read `table` stale, in every process sharing the cache.

    A write must not fail because the cache is away: then the pages expire by their lifetime.
    """
    try:
        try:
            cache.incr(generation_key(table))
        except ValueError:  # the key is missing: any new value starts a new generation
            cache.set(generation_key(table), time.time_ns(), timeout=None)
    except Exception:
        logger.warning("Page cache generation of %s not bumped", table, exc_info=True)


def bump_all_tables() -> None:
    """Make every cached page stale: for writes Django's cursor did not see."""
    from django.apps import apps

    for model in apps.get_models(include_auto_created=True):
        bump_table(model._meta.db_table)


def bump_at_commit(table: str, connection) -> None:
    """Bump the table's generation once the writing transaction commits (at once in autocommit).

    Bumping after the commit, not before, means that a page rendered from the old rows while
    the transaction ran has read the old generation and is never served afterwards.
    """
    if table in IGNORED_TABLES or table in database_cache_tables():
        return
    if connection.in_atomic_block and any(
        getattr(func, "func", None) is bump_table and func.args == (table,)
        for _sids, func, _robust in connection.run_on_commit
    ):
        return  # already bumped once at this commit
    if not connection.in_atomic_block and not connection.get_autocommit():
        bump_table(table)  # transactions managed by hand: on_commit() is not available
        return
    connection.on_commit(functools.partial(bump_table, table))


class WriteRecorder:
    """A database execute wrapper on every connection: a statement that wrote rows bumps its
    table's generation at the commit. Signing in (only `last_login` changes) is not a write
    any page shows."""

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        match = WRITE_RE.match(sql)
        if match:
            count_write(match[1], context["connection"])
        if match and not LAST_LOGIN_RE.match(sql):
            bump_at_commit(match[1], context["connection"])
        return result


def count_write(table: str, connection) -> None:
    """Note at once, not at the commit, that this connection wrote to `table`: what a request
    remembered about its tables (accounts.roles) is not to be trusted after it."""
    counts = connection.__dict__.setdefault("table_writes", {})
    counts[table] = counts.get(table, 0) + 1


def writes_to(tables, connection=None) -> tuple[int, ...] | None:
    """How many statements this connection has written to each of `tables` (rolled back or
    not): a value remembered with these counts holds as long as they stay the same. None when
    the connection's writes are not counted (no WriteRecorder on it): then remember nothing."""
    connection = connection or connections[DEFAULT_DB_ALIAS]
    if not any(isinstance(wrapper, WriteRecorder) for wrapper in connection.execute_wrappers):
        return None
    counts = connection.__dict__.get("table_writes", {})
    return tuple(counts.get(table, 0) for table in tables)


def record_writes(sender, connection, **kwargs) -> None:
    """connection_created receiver: put a WriteRecorder first on the connection, once.

    First, because `connection.execute_wrapper()` pops the last wrapper when its block ends, and
    a connection opened inside such a block (TableRecorder's) must leave that one to it.
    """
    if not any(isinstance(wrapper, WriteRecorder) for wrapper in connection.execute_wrappers):
        connection.execute_wrappers.insert(0, WriteRecorder())


class TableRecorder:
    """A database execute wrapper: notes each table a page reads and its generation, read
    before the first query on it."""

    def __init__(self):
        self.tables: dict[str, int] = {}
        self.failed = False

    def __call__(self, execute, sql, params, many, context):
        new = set(TABLE_RE.findall(sql)) - set(self.tables)
        if new:
            try:
                self.tables.update(generations(new))
            except Exception:  # the cache is away: the page is served, not stored
                self.failed = True
        return execute(sql, params, many, context)


def cache_seconds() -> int:
    return settings.PAGE_CACHE_SECONDS


def is_cacheable_request(request) -> bool:
    if request.method != "GET" or cache_seconds() <= 0:
        return False
    if request.path_info.startswith(SAME_FOR_EVERYONE):
        return "HTTP_AUTHORIZATION" not in request.META
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def is_cacheable_response(request, response) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
        return False
    storage = getattr(request, "_messages", None)
    if storage is not None and storage.added_new:
        return False
    cache_control = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if cache_control & NOT_SHARED:
        return False
    vary = {
        header.strip().lower()
        for header in cc_delim_re.split(response.get("Vary", ""))
        if header.strip()
    }
    return vary <= KEYED_VARY_HEADERS


def without_csrf_tokens(request, content: bytes) -> tuple[bytes, bool]:
    """The content with the visitor's CSRF tokens replaced by CSRF_PLACEHOLDER."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return content, False

    def replace(match):
        token = match.group(0).decode()
        return CSRF_PLACEHOLDER if _does_token_match(token, secret) else match.group(0)

    replaced = TOKEN_RE.sub(replace, content)
    return replaced, replaced != content


def stored_form(request, response, tables: dict[str, int]) -> dict:
    content, has_tokens = without_csrf_tokens(request, response.content)
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in {"content-length", "set-cookie"}
    ]
    return {
        "status": response.status_code,
        "headers": headers,
        "content": content,
        "csrf": has_tokens,
        "tables": tables,
        "fresh_until": time.time() + cache_seconds(),
    }


def from_stored(request, stored: dict) -> HttpResponse:
    content = stored["content"]
    if stored["csrf"]:
        content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(content, status=stored["status"])
    for name, value in stored["headers"]:
        response[name] = value
    response[HIT_HEADER] = "hit"
    return response


def page_key(request) -> str:
    parts = "\n".join(
        [
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            translation.get_language() or "",
            request.headers.get("HX-Request", ""),
        ]
    )
    return f"page-cache:page:{hashlib.sha256(parts.encode()).hexdigest()}"


def is_current(stored: dict) -> bool:
    tables = stored["tables"]
    return not tables or generations(tables) == tables


def renews(key: str, stored: dict) -> bool:
    """Whether this request renders a page past its lifetime again. Only one request does;
    the others are served the page a little longer, instead of all rendering it at once."""
    if stored["fresh_until"] > time.time():
        return False
    return cache.add(key + ":renewing", 1, timeout=RENEWAL_SECONDS)


class PageCacheMiddleware:
    """Serve anonymous GET requests from the page cache; see the module's docstring.

    It sits after the locale middleware (the language is part of the key) and the CSRF
    middleware (which sets the cookie of the token a hit fills in), and before the
    authentication and message middleware, whose work a cached page does not need.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        try:
            key = page_key(request)
            stored = cache.get(key)
            if stored is not None and is_current(stored) and not renews(key, stored):
                return from_stored(request, stored)
        except Exception:  # the cache is away (Redis down): serve uncached, not an error
            logger.warning("Page cache unavailable", exc_info=True)
            return self.get_response(request)
        recorder = TableRecorder()
        with db_connection.execute_wrapper(recorder):
            response = self.get_response(request)
        if not recorder.failed and is_cacheable_response(request, response):
            try:
                stored = stored_form(request, response, recorder.tables)
                cache.set(key, stored, cache_seconds() + RENEWAL_SECONDS)
                cache.delete(key + ":renewing")
            except Exception:
                logger.warning("Page cache unavailable", exc_info=True)
            else:
                response[HIT_HEADER] = "miss"
        return response


def fragment_key(name: str, parts) -> str:
    text = "\n".join([name, translation.get_language() or "", *map(str, parts)])
    return f"page-cache:fragment:{hashlib.sha256(text.encode()).hexdigest()}"


def cached_fragment(name: str, parts, render, *, depends_on=()) -> str:
    """HTML that is the same for everyone who asks with the same `parts` (the agreement, the
    day): `render()` once, then kept as `cached_value` keeps it."""
    html = cached_value(name, parts, lambda: str(render()), depends_on=depends_on)
    return mark_safe(html)  # nosec B703, B308  # noqa: S308 - our templates rendered it, escaped


def cached_value(name: str, parts, compute, *, depends_on=()):
    """What `compute()` returns, the same for everyone who asks with the same `parts`, kept like
    a page: until a table its queries read is written to, or PAGE_CACHE_SECONDS at most (what
    depends on the clock). It must hold nothing of the person who asks; `depends_on` are the
    objects it reads that were loaded before (their tables count as read). A page of the page
    cache that takes a value from here records the value's tables, so a write drops the page
    too. Off with the page cache (PAGE_CACHE_SECONDS=0, CACHES_OFF=1)."""
    if cache_seconds() <= 0:
        return compute()
    key = fragment_key(name, parts)
    tables = [obj._meta.db_table for obj in depends_on]
    try:
        stored = cache.get(key)
        if stored is not None and stored["fresh_until"] > time.time() and is_current(stored):
            note_tables_read(stored["tables"])
            return stored["value"]
        recorder = TableRecorder()
        recorder.tables.update(generations(tables))
    except Exception:  # the cache is away: compute it, keep nothing
        logger.warning("Page cache unavailable", exc_info=True)
        return compute()
    with db_connection.execute_wrapper(recorder):
        value = compute()
    if not recorder.failed:
        try:
            stored = {
                "value": value,
                "tables": recorder.tables,
                "fresh_until": time.time() + cache_seconds(),
            }
            cache.set(key, stored, cache_seconds())
        except Exception:
            logger.warning("Page cache unavailable", exc_info=True)
    return value


def note_tables_read(tables: dict[str, int]) -> None:
    """Tell each TableRecorder around this point (the page cache's) that the page read these
    tables at these generations, as it would have if the fragment had been rendered here."""
    connection = connections[DEFAULT_DB_ALIAS]
    for wrapper in connection.execute_wrappers:
        if isinstance(wrapper, TableRecorder):
            for table, generation in tables.items():
                wrapper.tables.setdefault(table, generation)
