import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
application = get_wsgi_application()

# Before the worker takes its first request, not during it (seconds on a fresh worker).
from samverkan.core.apps import warm_up  # noqa: E402

warm_up()
