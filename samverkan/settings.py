"""Settings, read from the environment (12-factor).

The defaults are safe for production: DEBUG is off, cookies are secure and a real SECRET_KEY is
required. `make run` writes var/local.env (samverkan/local_env.py): the local demo's secret and
its switches for plain HTTP on 127.0.0.1, read here as defaults when the file exists (the
environment wins; SAMVERKAN_LOCAL_ENV names another file, empty for none; never in tests).
`make dev` adds DEBUG=1. See the README for every variable.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from samverkan import local_env

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


TESTING = env_bool("SAMVERKAN_TESTING")
LOCAL_ENV_FILE = os.environ.get("SAMVERKAN_LOCAL_ENV", str(PROJECT_DIR / "var" / "local.env"))
if LOCAL_ENV_FILE and not TESTING:
    for _key, _value in local_env.read(LOCAL_ENV_FILE).items():
        os.environ.setdefault(_key, _value)
DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # nosec B105
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (see README, 'Configuration')."
        )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG or TESTING else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "samverkan.core",
    "samverkan.accounts",
    "samverkan.agreements",
    "samverkan.actors",
    "samverkan.areas",
    "samverkan.governance",
    "samverkan.plans",
    "samverkan.venues",
    "samverkan.events",
    "samverkan.learning",
    "samverkan.partnerships",
    "samverkan.matching",
    "samverkan.funding",
    "samverkan.reports",
    "samverkan.api",
    "samverkan.demo",
    "samverkan.site",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    "django_htmx",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "ninja",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "samverkan.core.middleware.SwedishFirstLocaleMiddleware",
    "samverkan.core.request_checks.RejectNullCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "samverkan.core.cache.PageCacheMiddleware",  # anonymous pages, after language and CSRF
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "samverkan.core.middleware.DatabaseUnavailableMiddleware",  # 503 when the database is away
    "samverkan.core.middleware.ApplicationErrorMiddleware",  # a service's refusal: the 403 page
]

ROOT_URLCONF = "samverkan.urls"
WSGI_APPLICATION = "samverkan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samverkan.core.context_processors.site",
            ],
            # Every template formats dates and numbers the same way: {{ day|short_date }}.
            "builtins": ["samverkan.core.templatetags.formatting"],
        },
    },
]

# Database: SQLite next to the code unless DATABASE_URL says otherwise (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{PROJECT_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# DB_POOL=1 on PostgreSQL: a pool of connections per process (psycopg_pool, for threaded
# workers) instead of one persistent connection per worker (CONN_MAX_AGE).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool("DB_POOL"):
    DATABASES["default"].update(CONN_MAX_AGE=0, CONN_HEALTH_CHECKS=False)
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": int(os.environ.get("DB_POOL_SIZE", "10")),  # at least the threads
        "timeout": 10,
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is given, else (issue 14, deploy) a table in the database, so that
# every server process counts login attempts together (allauth's throttling uses "default");
# `migrate` creates the table. Each process's own memory only with DEBUG, in tests, or with
# CACHE_LOCAL_MEMORY=1 (one process, as `make run`); `check --deploy` refuses that without DEBUG
# (samverkan.E001, core/checks.py). The page cache ("pages", core/cache.py) is Redis or each
# process's memory: it reads on every anonymous request and must not query the database.
_MEMORY_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "OPTIONS": {"MAX_ENTRIES": 2000},
}
if os.environ.get("REDIS_URL"):
    _REDIS_CACHE = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    }
    CACHES = {"default": _REDIS_CACHE, "pages": _REDIS_CACHE}
elif DEBUG or TESTING or env_bool("CACHE_LOCAL_MEMORY"):
    CACHES = {"default": _MEMORY_CACHE, "pages": _MEMORY_CACHE}  # one store (same LOCATION)
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "samverkan_cache",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
        "pages": _MEMORY_CACHE,
    }
# Sessions: every logged-in request reads one. Where the "default" cache is one store for every
# process (Redis) or the only process's memory (DEBUG, tests, CACHE_LOCAL_MEMORY=1), it is read
# from there and written through to the database (cached_db): a restart or an evicted key costs
# one query, and a logout or an expired session is deleted from both. With the database cache it
# would be a query all the same, so the session table is read directly.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.db"
    if CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    else "django.contrib.sessions.backends.cached_db"
)
# Anonymous pages are kept this long at most (core/cache.py); any write drops them sooner.
# 0 turns the page cache off: the default with DEBUG (edited templates show at once) and in
# tests, unless a test turns it on.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0" if DEBUG or TESTING else "60"))
# CACHES_OFF=1 renders every page from the database, for measuring (`make bench`'s "caches off"
# column, docs/operations.md): no page cache and no fragment caches. A fragment cache uses the
# "template_fragments" alias ({% cache %} takes it) or asks settings.CACHES_OFF. The "default"
# cache stays: login throttling and the report files are not page caches.
CACHES_OFF = env_bool("CACHES_OFF")
if CACHES_OFF:
    PAGE_CACHE_SECONDS = 0
    CACHES["template_fragments"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
# The benchmark's minimal view (/bench/ceiling) exists only when SAMVERKAN_BENCH=1.
BENCH_CEILING = env_bool("SAMVERKAN_BENCH")

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "site:dashboard"
LOGOUT_REDIRECT_URL = "site:home"

# django-allauth: e-mail is the login, verified before the account is used.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Samverkansytan] "
ACCOUNT_SIGNUP_FORM_CLASS = "samverkan.accounts.forms.SignupNamesForm"
ACCOUNT_ADAPTER = "samverkan.accounts.adapters.AccountAdapter"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Throttled login: 5 failed attempts per account and 20 per IP address and minute.
ACCOUNT_RATE_LIMITS = {
    "login_failed": os.environ.get("LOGIN_FAILED_RATE_LIMIT", "20/m/ip,5/5m/key"),
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",  # nosec B105  # a rate, not a password
    "barrier_report": "5/10m/ip",  # the accessibility statement's report form
}
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_PROVIDERS: dict = {}
# Staff single sign-on through OpenID Connect (e.g. Malmö stad's Entra ID), off unless configured.
if os.environ.get("OIDC_CLIENT_ID"):
    INSTALLED_APPS.append("allauth.socialaccount.providers.openid_connect")
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "APPS": [
            {
                "provider_id": os.environ.get("OIDC_PROVIDER_ID", "staff"),
                "name": os.environ.get("OIDC_NAME", "Malmö stad"),
                "client_id": os.environ["OIDC_CLIENT_ID"],
                "secret": os.environ.get("OIDC_CLIENT_SECRET", ""),
                "settings": {"server_url": os.environ.get("OIDC_SERVER_URL", "")},
            }
        ],
        "EMAIL_AUTHENTICATION": True,
    }

# E-mail: printed to the console in development, SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
else:
    EMAIL_BACKEND = os.environ.get(
        "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
    )
# The demo's outbox (core/outbox.py, EMAIL_BACKEND in var/local.env) keeps each e-mail here and
# shows it at /utkorg/; without that backend the page does not exist.
OUTBOX_DIR = Path(os.environ.get("OUTBOX_DIR", PROJECT_DIR / "var" / "outbox"))
# The worker gives up on a mail server that does not answer (and retries later) after this long.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Samverkansytan <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (django-tasks): e-mail and the periodic jobs run in the worker,
# `python -m samverkan run_worker` (core/tasks.py). TASKS_BACKEND: "database" (default: a table in
# this database, no extra server), "rq" (Redis at REDIS_URL through RQ, for larger installations:
# `pip install -e '.[rq]'`; workers are `python -m samverkan rqworker --with-scheduler
# --job-class django_tasks_rq.Job`, plus one `run_worker --scheduler-only` for the periodic jobs)
# or "immediate" (runs each task at once, inside the request: for tests only).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate" if TESTING else "database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "rq": "django_tasks_rq.RQBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }.get(TASKS_BACKEND, TASKS_BACKEND),
    }
}
if TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")}}
# Seconds before each new attempt at an e-mail that failed; after the last it is marked failed
# (admin: E-mail deliveries, with a "retry" action).
EMAIL_RETRY_DELAYS = [int(s) for s in env_list("EMAIL_RETRY_DELAYS", "60,300,1800")]
# Sent e-mails (and finished task results) are deleted after this many days; failed ones stay.
EMAIL_KEEP_DAYS = int(os.environ.get("EMAIL_KEEP_DAYS", "30"))
# Jobs the worker enqueues once a day at a local time (core/tasks.py enqueue_due_jobs).
PERIODIC_JOBS = {
    "prune_sent_mail": {"task": "samverkan.core.tasks.prune_sent_mail", "at": "03:00"},
    "funding_reminders": {
        "task": "samverkan.funding.tasks.send_funding_reminders",
        "at": os.environ.get("FUNDING_REMINDERS_AT", "07:15"),
    },
}

# Language: Swedish first, English second.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and numbers as each language writes them; shown through samverkan.core.formatting.
FORMAT_MODULE_PATH = ["samverkan.formats"]
USE_I18N = True
TIME_ZONE = "Europe/Stockholm"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", PROJECT_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", PROJECT_DIR / "var" / "media"))
# Without DEBUG, static files get hashed names and gzip/brotli copies (whitenoise serves them);
# STATIC_COMPRESS=0 skips the copies, which take most of collectstatic's time.
if DEBUG or TESTING:
    _STATIC_STORAGE = "django.contrib.staticfiles.storage.StaticFilesStorage"
elif env_bool("STATIC_COMPRESS", True):
    _STATIC_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
else:
    _STATIC_STORAGE = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": _STATIC_STORAGE},
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING

# Security: safe by default, relaxed only for the local demo.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG and not TESTING)
# Proxies (issue 14, deploy): TRUSTED_PROXY_COUNT reverse proxies in front (0: none, the client
# is REMOTE_ADDR; N: the Nth address from the right of X-Forwarded-For, core/client_ip.py). Their
# X-Forwarded-Proto is believed only when a proxy is declared (or SECURE_PROXY_SSL_HEADER=1).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0") or "0")
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more.")
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
if TRUSTED_PROXY_COUNT > 0 or env_bool("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG and not TESTING)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Content Security Policy (django-csp): no inline scripts or styles, no eval, no framing. Pages
# load their scripts and styles as files from the site itself; htmx's indicator styles are in
# site.css (base.html turns off the <style> htmx would inject). The form-action list names the
# OpenID Connect server, since Chromium applies it to the redirect after the login form.
_OIDC_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(os.environ.get("OIDC_SERVER_URL", "")))
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF] + ([_OIDC_ORIGIN] if _OIDC_ORIGIN != "://" else []),
    },
}

# Uploads: the largest file any upload form accepts (the method library may allow more, see
# LEARNING_MAX_FILE_SIZE); request bodies beyond these sizes are refused or spooled to disk.
UPLOAD_MAX_BYTES = int(os.environ.get("UPLOAD_MAX_BYTES", str(10 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # 2.5 MB of form fields (files are not counted)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # larger uploads go to a temporary file
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # A test database need not survive a crash: a commit does not wait for the disk.
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# The register's page size, also the API's default page size.
REGISTER_PAGE_SIZE = 20

# Where reports of accessibility barriers go (the accessibility statement's form).
ACCESSIBILITY_CONTACT_EMAIL = os.environ.get(
    "ACCESSIBILITY_CONTACT_EMAIL", "tillganglighet@malmo.se"
)

# Where people write when something does not work (e.g. the verification e-mail never came).
SUPPORT_EMAIL = os.environ.get("SUPPORT_EMAIL", "samverkansytan@malmo.se")
