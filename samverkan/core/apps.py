from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "samverkan.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from samverkan.core.cache import connect_signals
        from samverkan.core.collation import register_sqlite_collation

        connection_created.connect(register_sqlite_collation)
        connect_signals()  # any write drops the cached anonymous pages
