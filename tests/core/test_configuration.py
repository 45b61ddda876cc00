"""Configuration from the environment: safe production defaults and optional single sign-on."""

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def run_samverkan(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "SAMVERKAN_TESTING",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "samverkan", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_samverkan("check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_deploy_check_is_clean_with_debug_off_and_a_secret():
    result = run_samverkan(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="x" * 20 + "a-long-and-random-production-secret-0123456789",
        ALLOWED_HOSTS="samverkan.malmo.se",
        EMAIL_HOST="smtp.malmo.se",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.database_independent  # a process on a SQLite database of its own
def test_staff_single_sign_on_is_offered_when_openid_connect_is_configured(
    migrated_sqlite, tmp_path
):
    code = (
        "import django; django.setup();"
        # On a migrated copy: what these settings add to it (their apps' tables, the sign-in
        # service's row) is all that migrate does.
        "from django.core.management import call_command; call_command('migrate', verbosity=0);"
        "from django.conf import settings;"
        "from django.test import Client;"
        "assert 'allauth.socialaccount.providers.openid_connect' in settings.INSTALLED_APPS;"
        "page = Client().get('/konto/login/').content.decode();"
        "print('Malmö stad' in page, '/konto/oidc/staff/login/' in page)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "samverkan.settings",
            "SAMVERKAN_TESTING": "1",
            "ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": f"sqlite:///{migrated_sqlite(tmp_path / 'db.sqlite3')}",
            "OIDC_CLIENT_ID": "samverkan",
            "OIDC_CLIENT_SECRET": "hemligt",
            "OIDC_SERVER_URL": "https://login.example.se",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]


def cache_settings(**env: str) -> list[str]:
    """PAGE_CACHE_SECONDS and the fragment cache's backend, as a process with `env` sees them."""
    code = (
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.PAGE_CACHE_SECONDS, settings.CACHES_OFF,"
        " settings.CACHES.get('template_fragments', settings.CACHES['default'])['BACKEND'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={
            **{key: value for key, value in os.environ.items() if key != "SAMVERKAN_TESTING"},
            "DJANGO_SETTINGS_MODULE": "samverkan.settings",
            "SAMVERKAN_LOCAL_ENV": "",
            "SECRET_KEY": "x" * 50,
            "PAGE_CACHE_SECONDS": "60",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_caches_off_turns_off_the_page_cache_and_the_fragment_caches():
    seconds, off, fragments = cache_settings(CACHES_OFF="1")
    assert (seconds, off) == ("0", "True")
    assert fragments == "django.core.cache.backends.dummy.DummyCache"


def test_caches_stay_on_without_the_switch():
    seconds, off, fragments = cache_settings(CACHES_OFF="")
    assert (seconds, off) == ("60", "False")
    assert fragments != "django.core.cache.backends.dummy.DummyCache"
