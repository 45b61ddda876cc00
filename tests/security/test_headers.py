"""Every answer carries the security headers: a Content Security Policy without inline scripts or
styles, nosniff, a referrer policy and a refusal to be framed; HTTPS answers in production carry
HSTS. Pages, the API, static files and error pages alike."""

import os
import subprocess
import sys

import pytest

ADDRESSES = [
    "/",  # a page
    "/organisationer/",  # the register: a page with htmx
    "/api/v1/organisations",  # the API
    "/api/v1/openapi.json",
    "/static/css/site.css",  # a static file, served by WhiteNoise
    "/finns-inte/",  # 404
    "/konto/login/",  # allauth's login page
]
EXPECTED_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def directives(header: str) -> dict[str, str]:
    parts = (part.strip().split(None, 1) for part in header.split(";") if part.strip())
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts}


@pytest.mark.django_db
@pytest.mark.parametrize("address", ADDRESSES)
def test_every_answer_carries_the_security_headers(client, address):
    response = client.get(address)
    response.close()  # a static file is streamed from an open file
    assert response.status_code < 500
    csp = response.headers.get("Content-Security-Policy", "")
    assert directives(csp) == EXPECTED_CSP, csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    if not address.startswith("/static/"):
        # WhiteNoise answers before Django's clickjacking middleware; frame-ancestors 'none'
        # in the policy above refuses framing of static files all the same.
        assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_the_404_page_is_a_404_with_the_policy(client):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    assert "Content-Security-Policy" in response.headers


@pytest.mark.django_db
def test_https_answers_carry_hsts_in_production(client, settings):
    settings.DEBUG = False
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/", secure=True)
    assert response.status_code == 200
    hsts = response.headers["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts
    assert "includeSubDomains" in hsts
    # Plain HTTP is sent on to HTTPS, and carries no HSTS (browsers ignore it there).
    insecure = client.get("/")
    assert insecure.status_code == 301
    assert insecure.headers["Location"].startswith("https://")
    assert "Strict-Transport-Security" not in insecure.headers


def production_settings(*, clean: bool = True, extra_code: str = "", **extra_env: str):
    """Settings as production reads them from its environment, in a fresh interpreter; the
    deploy check must be clean unless `clean` is false."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SAMVERKAN_TESTING", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        SECRET_KEY="p" * 10 + "-production-secret-that-is-long-and-random-4f1c9e2b7a",
        ALLOWED_HOSTS="samverkan.malmo.se",
        EMAIL_HOST="smtp.malmo.se",
        DJANGO_SETTINGS_MODULE="samverkan.settings",
        **extra_env,
    )
    code = (
        "import json, django; from django.conf import settings; django.setup();"
        "from django.core.management import call_command;"
        "call_command('check', '--deploy', '--fail-level', 'WARNING');"
        "print(json.dumps({'HSTS': settings.SECURE_HSTS_SECONDS,"
        " 'SSL': settings.SECURE_SSL_REDIRECT,"
        " 'CSP': settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['form-action']}));" + extra_code
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if clean:
        assert result.returncode == 0, result.stderr + result.stdout
        assert "System check identified no issues" in result.stdout, result.stdout
    return result


@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_deploy_check_is_clean_with_single_sign_on_and_redis_configured():
    result = production_settings(
        OIDC_CLIENT_ID="samverkan",
        OIDC_CLIENT_SECRET="s" * 40,
        OIDC_SERVER_URL="https://login.malmo.se/realms/staff",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    figures = result.stdout.strip().splitlines()[-1]
    assert '"HSTS": 31536000' in figures
    assert '"SSL": true' in figures
    # The login form may hand the browser on to the OpenID Connect server, and nowhere else.
    assert "https://login.malmo.se" in figures


@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_production_without_redis_shares_a_cache_in_the_database():
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = production_settings(REDIS_URL="", extra_code=code)
    assert "django.core.cache.backends.db.DatabaseCache" in result.stdout


@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_deploy_check_fails_when_the_processes_would_not_share_a_cache():
    result = production_settings(clean=False, REDIS_URL="", CACHE_LOCAL_MEMORY="1")
    assert result.returncode != 0
    assert "samverkan.E001" in result.stderr + result.stdout


@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_production_believes_no_https_header_unless_a_proxy_is_declared():
    code = "from django.conf import settings; print('HEADER', settings.SECURE_PROXY_SSL_HEADER)"
    without = production_settings(REDIS_URL="", extra_code=code)
    behind = production_settings(REDIS_URL="", TRUSTED_PROXY_COUNT="1", extra_code=code)
    assert "HEADER None" in without.stdout
    assert "HEADER ('HTTP_X_FORWARDED_PROTO', 'https')" in behind.stdout
