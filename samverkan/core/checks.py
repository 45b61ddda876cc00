"""System checks of the platform's own settings, run by `check --deploy`."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from samverkan.core.outbox import BACKEND

# Caches that each process keeps apart, or that keep nothing.
NOT_SHARED = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Production runs several processes: they must share one cache (the database's or Redis).

    Login throttling counts failed attempts in the cache: in each process's own memory, four
    processes let four times as many guesses through. settings.py chooses the database's cache
    unless told otherwise, so this fails only where CACHE_LOCAL_MEMORY=1 (or a hand-made
    CACHES) is used without DEBUG.
    """
    if settings.DEBUG or settings.CACHES["default"]["BACKEND"] not in NOT_SHARED:
        return []
    return [
        Error(
            "The cache is each process's own memory (or none): login throttling is not shared.",
            hint=(
                "Unset CACHE_LOCAL_MEMORY (the cache is then a table in the database, created "
                "by `migrate`) or set REDIS_URL. Each process otherwise counts login attempts "
                "apart, so throttling lets several times as many through, and a page changed "
                "through one process may be served unchanged by another."
            ),
            id="samverkan.E001",
        )
    ]


@register(Tags.security, deploy=True)
def proxy_header_without_proxy(app_configs, **kwargs):
    """X-Forwarded-Proto is believed only from a proxy that the settings know of."""
    if settings.SECURE_PROXY_SSL_HEADER is None or settings.TRUSTED_PROXY_COUNT > 0:
        return []
    return [
        Warning(
            "X-Forwarded-Proto is believed, but TRUSTED_PROXY_COUNT is 0.",
            hint=(
                "Set TRUSTED_PROXY_COUNT to the number of reverse proxies in front of the "
                "server, so that throttling counts the clients and not the proxy; without a "
                "proxy, unset SECURE_PROXY_SSL_HEADER: a client could claim HTTPS."
            ),
            id="samverkan.W003",
        )
    ]


@register(Tags.security, deploy=True)
def demo_outbox(app_configs, **kwargs):
    """The demo's outbox shows every e-mail (verification and password links) to anyone."""
    if settings.EMAIL_BACKEND != BACKEND:
        return []
    return [
        Warning(
            "E-mail goes to the demo's outbox, which anyone can read at /utkorg/.",
            hint=(
                "Set EMAIL_HOST (SMTP) for a server that others reach, and do not copy "
                "var/local.env to it: it is for `make run` on one's own machine."
            ),
            id="samverkan.W002",
        )
    ]


IMMEDIATE_TASKS = "django_tasks.backends.immediate.ImmediateBackend"


@register(deploy=True)
def tasks_in_the_request(app_configs, **kwargs):
    """With the immediate backend, e-mail goes out inside the request again (core/notify.py)."""
    if settings.TASKS["default"]["BACKEND"] != IMMEDIATE_TASKS:
        return []
    return [
        Warning(
            "Background tasks run inside the request (TASKS_BACKEND=immediate).",
            hint=(
                "Leave TASKS_BACKEND unset (the database queue) and run the worker "
                "(`python -m samverkan run_worker`): otherwise a mail server that is down "
                "fails the request that sends e-mail, and nothing is retried."
            ),
            id="samverkan.W020",
        )
    ]
