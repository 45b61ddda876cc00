"""System checks of the platform's own settings, run by `check --deploy`."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

from samverkan.core.outbox import BACKEND

LOCAL_MEMORY = "django.core.cache.backends.locmem.LocMemCache"


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Production runs several processes: they must share one cache (REDIS_URL)."""
    if settings.CACHES["default"]["BACKEND"] != LOCAL_MEMORY:
        return []
    return [
        Warning(
            "The cache is each process's own memory.",
            hint=(
                "Set REDIS_URL. Without it, a page changed through one server process may be "
                "served unchanged by another for up to PAGE_CACHE_SECONDS, and each process "
                "counts login attempts apart, so throttling lets several times as many through."
            ),
            id="samverkan.W001",
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
