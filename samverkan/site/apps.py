from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The top of the app layers: the pages that assemble blocks from several apps (the start
    page, My pages, the section links). Nothing below imports it (see [tool.importlinter])."""

    name = "samverkan.site"
    label = "site"
    verbose_name = _("Site")

    def ready(self):
        from django.test.signals import setting_changed
        from django.utils.autoreload import file_changed

        from samverkan.core.registry import DASHBOARD
        from samverkan.site import layout
        from samverkan.site.dashboard import unread_notifications

        # The header and footer kept in the process (site/layout.py) follow a setting changed in
        # a test and a template edited under runserver.
        setting_changed.connect(layout.forget, dispatch_uid="site-layout-setting")
        file_changed.connect(layout.forget, dispatch_uid="site-layout-file")
        # First on My pages: what happened to the person's own things.
        DASHBOARD.register("site/_dashboard_notifications.html", unread_notifications, order=5)
