from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "samverkan.learning"
    label = "learning"
    verbose_name = _("Method library and courses")

    def ready(self):
        from samverkan.core.registry import DASHBOARD
        from samverkan.learning.dashboard import my_courses

        DASHBOARD.register("learning/_dashboard_courses.html", my_courses, order=90)
