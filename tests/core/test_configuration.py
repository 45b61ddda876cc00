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


def test_staff_single_sign_on_is_offered_when_openid_connect_is_configured():
    code = (
        "import django; django.setup();"
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
            "DATABASE_URL": "sqlite://:memory:",
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
