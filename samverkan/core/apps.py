from contextlib import suppress
from pathlib import Path

from django.apps import AppConfig, apps
from django.conf import settings
from django.db.backends.signals import connection_created
from django.db.models.signals import pre_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "samverkan.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from samverkan.core import checks  # noqa: F401  # registers the deploy checks
        from samverkan.core.bounds import bound_form_fields
        from samverkan.core.cache import record_writes
        from samverkan.core.collation import register_sqlite_collation

        connection_created.connect(register_sqlite_collation)
        connection_created.connect(record_writes)  # any write drops the cached pages
        bound_form_fields()  # no form takes a year-1 date (a BC timestamp on PostgreSQL)
        # `migrate` creates the cache's table where the cache is the database (settings.CACHES),
        # first of all: every write of the migrations already bumps the page cache in it.
        pre_migrate.connect(create_cache_tables, sender=self)

    def warm_up(self) -> None:
        """What the first request of a fresh process would otherwise load: the URLconf (with
        every view module it imports) and its reverse lookups per language, the translation
        catalogues, the platform's templates compiled into the cached loader, and the word
        families of the search."""
        from django.template import engines
        from django.urls import get_resolver
        from django.utils import translation

        from samverkan.core import search_terms

        resolver = get_resolver()
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                translation.gettext("Search")
                reverse_in_each_namespace(resolver)
        compile_templates(engines["django"])
        search_terms.expand("idrott")
        search_terms.index_term("idrott")


def warm_up() -> None:
    """Load, in a process that will serve requests, what every request needs and each process
    otherwise loads on its first request (seconds, on a fresh worker): each app's `warm_up()`.
    samverkan.wsgi calls it when a worker (or, with gunicorn's --preload, the master) loads the
    application; management commands do not pay for it. Reads no database, so that a preloading
    master has no connection for its forked workers to share."""
    import gc

    from django.db import connections

    for config in apps.get_app_configs():
        if hasattr(config, "warm_up"):
            config.warm_up()
    connections.close_all()  # should a warm-up have read anyway, no connection crosses a fork
    # What is loaded now lives as long as the process: out of the garbage collector's sight,
    # the collections that requests trigger do not walk it again and again (and workers forked
    # from a --preload master keep sharing its memory pages).
    gc.collect()
    gc.freeze()


def reverse_in_each_namespace(resolver, prefix: str = "") -> None:
    """Build the reverse lookups of the URLconf in the active language: the root's, and those of
    each namespace, which reverse() makes (and caches) on the first name it reverses there."""
    from django.urls import NoReverseMatch, reverse

    resolver.reverse_dict  # noqa: B018
    for namespace, (_pattern, inner) in resolver.namespace_dict.items():
        path = f"{prefix}{namespace}:"
        name = next((key for key in inner.reverse_dict if isinstance(key, str)), None)
        if name is not None:
            # A name that needs arguments does not match, but the lookups are built all the same.
            with suppress(NoReverseMatch):
                reverse(path + name)
        reverse_in_each_namespace(inner, path)


def compile_templates(engine) -> None:
    """Compile the platform's own templates (not the admin's or allauth's, which few requests
    use) into the engine's cached loader, which keeps them for the life of the process."""
    project = Path(settings.BASE_DIR).resolve()
    for directory in engine.template_dirs:
        directory = Path(directory).resolve()
        if not directory.is_relative_to(project):
            continue
        for path in sorted(directory.rglob("*")):
            if path.is_file() and path.suffix in {".html", ".txt"}:
                engine.get_template(path.relative_to(directory).as_posix())


def create_cache_tables(using: str = "default", verbosity: int = 1, **kwargs) -> None:
    """Create the database cache's table if it is missing (createcachetable does nothing else)."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)
