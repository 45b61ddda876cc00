from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The top of the app layers: the pages that assemble blocks from several apps (the start
    page, My pages, the section links). Nothing below imports it (see [tool.importlinter])."""

    name = "samverkan.site"
    label = "site"
    verbose_name = _("Site")
