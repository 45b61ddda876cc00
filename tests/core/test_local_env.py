"""`make run` serves the demo the way production does, from var/local.env: a secret of its own,
DEBUG off, plain HTTP on 127.0.0.1, SITE_URL on its port and e-mail in the outbox. Without that
file, production stays as strict as before."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from samverkan import local_env
from samverkan.core.outbox import BACKEND as OUTBOX_BACKEND

# Settings read in fresh processes and the Makefile: no database is opened.
pytestmark = [
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.database_independent,
]

PROJECT = Path(__file__).resolve().parents[2]
# Variables of this test run that would hide what settings.py does on its own.
CLEARED = {
    "DEBUG",
    "SAMVERKAN_TESTING",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SITE_URL",
    "EMAIL_BACKEND",
    "SECURE_SSL_REDIRECT",
    "SECURE_COOKIES",
    "SECURE_HSTS_SECONDS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "SAMVERKAN_LOCAL_ENV",
}
READ_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings as s;"
    "print(json.dumps({name: getattr(s, name) for name in ("
    "'DEBUG', 'SITE_URL', 'ALLOWED_HOSTS', 'SECURE_SSL_REDIRECT', 'SESSION_COOKIE_SECURE',"
    "'CSRF_COOKIE_SECURE', 'EMAIL_BACKEND', 'SECRET_KEY')}))"
)


def settings_in_a_fresh_process(**env: str) -> dict:
    environment = {key: value for key, value in os.environ.items() if key not in CLEARED}
    environment.update(DJANGO_SETTINGS_MODULE="samverkan.settings", **env)
    result = subprocess.run(
        [sys.executable, "-c", READ_SETTINGS],
        env=environment,
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_demo_settings_file_is_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "var" / "local.env"

    local_env.write(path, port=8000)

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(local_env.read(path)["SECRET_KEY"]) >= 50


def test_another_port_keeps_the_secret_and_moves_site_url(tmp_path):
    path = tmp_path / "local.env"
    first = local_env.write(path, port=8000)

    second = local_env.write(path, port=8801)

    assert second["SECRET_KEY"] == first["SECRET_KEY"]
    assert local_env.read(path)["SITE_URL"] == "http://127.0.0.1:8801"


def test_make_run_writes_the_demo_settings_for_its_port_and_serves_without_debug():
    dry_run = subprocess.run(
        ["make", "-n", "run", "PORT=8801"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    ).stdout

    assert "samverkan.local_env var/local.env --port 8801" in dry_run
    assert "collectstatic" in dry_run
    serve = next(line for line in dry_run.splitlines() if "gunicorn" in line)
    assert "127.0.0.1:8801" in serve and "DEBUG=1" not in serve


def test_make_dev_serves_with_debug_and_autoreload():
    dry_run = subprocess.run(
        ["make", "-n", "dev"], cwd=PROJECT, capture_output=True, text=True, timeout=60, check=False
    ).stdout

    serve = next(line for line in dry_run.splitlines() if "runserver" in line)
    assert "DEBUG=1" in serve and "--noreload" not in serve


def test_the_demo_runs_like_production_but_over_http_on_this_machine(tmp_path):
    path = tmp_path / "local.env"
    written = local_env.write(path, port=8801)

    settings = settings_in_a_fresh_process(SAMVERKAN_LOCAL_ENV=str(path))

    assert settings["DEBUG"] is False
    assert settings["SECRET_KEY"] == written["SECRET_KEY"]
    assert settings["SITE_URL"] == "http://127.0.0.1:8801"
    assert settings["ALLOWED_HOSTS"] == ["127.0.0.1", "localhost"]
    assert settings["SECURE_SSL_REDIRECT"] is False
    assert settings["SESSION_COOKIE_SECURE"] is False and settings["CSRF_COOKIE_SECURE"] is False
    assert settings["EMAIL_BACKEND"] == OUTBOX_BACKEND


def test_a_variable_in_the_environment_wins_over_the_demo_settings_file(tmp_path):
    path = tmp_path / "local.env"
    local_env.write(path, port=8801)

    settings = settings_in_a_fresh_process(
        SAMVERKAN_LOCAL_ENV=str(path), SITE_URL="https://samverkan.example.se"
    )

    assert settings["SITE_URL"] == "https://samverkan.example.se"


def test_production_without_the_file_keeps_secure_cookies_and_the_https_redirect(tmp_path):
    settings = settings_in_a_fresh_process(
        SAMVERKAN_LOCAL_ENV=str(tmp_path / "absent.env"),
        SECRET_KEY="p" * 10 + "-production-secret-that-is-long-and-random-4f1c9e2b7a",
    )

    assert settings["DEBUG"] is False
    assert settings["SECURE_SSL_REDIRECT"] is True
    assert settings["SESSION_COOKIE_SECURE"] is True and settings["CSRF_COOKIE_SECURE"] is True
    assert settings["ALLOWED_HOSTS"] == []
    assert settings["EMAIL_BACKEND"] != OUTBOX_BACKEND


def test_the_test_suite_ignores_the_demo_settings_file(tmp_path):
    path = tmp_path / "local.env"
    local_env.write(path, port=8801)

    settings = settings_in_a_fresh_process(SAMVERKAN_LOCAL_ENV=str(path), SAMVERKAN_TESTING="1")

    assert settings["SITE_URL"] == "http://127.0.0.1:8000"
    assert settings["EMAIL_BACKEND"] != OUTBOX_BACKEND
