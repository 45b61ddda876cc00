from django.apps import AppConfig
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


def create_cache_tables(using: str = "default", verbosity: int = 1, **kwargs) -> None:
    """Create the database cache's table if it is missing (createcachetable does nothing else)."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)
