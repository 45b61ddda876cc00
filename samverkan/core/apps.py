from django.apps import AppConfig
from django.db.backends.signals import connection_created
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
