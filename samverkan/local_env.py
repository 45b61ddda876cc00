"""The local demo's settings file, var/local.env: written by `make run`, read by settings.py.

`make run` serves the demo the way production is served (DEBUG off, a real secret), but over
plain HTTP on 127.0.0.1 and with its e-mail kept in the browser's outbox (/utkorg/). This file
holds those switches as KEY=value lines. settings.py reads it as defaults when it exists, so a
variable set in the environment always wins, and every `python -m samverkan …` command run in
the same checkout uses the same secret and the same addresses as the server.

The secret is generated once and kept (the file is readable by its owner only); running
`make run` again with another PORT rewrites only the addresses.

    python -m samverkan.local_env var/local.env --port 8000
"""

import argparse
import os
import secrets
from pathlib import Path

OUTBOX_BACKEND = "samverkan.core.outbox.OutboxEmailBackend"


def read(path: str | os.PathLike) -> dict[str, str]:
    """KEY=value lines of the file; blank lines and # comments are ignored. {} without a file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    values = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        values[key.strip()] = value.strip()
    return values


def demo_values(*, port: int, secret_key: str) -> dict[str, str]:
    """What the local demo needs: production settings, relaxed for HTTP on this machine only."""
    return {
        "SECRET_KEY": secret_key,
        "SITE_URL": f"http://127.0.0.1:{port}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Plain HTTP on this machine: no redirect to HTTPS, cookies sent without TLS, no HSTS.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        # Every e-mail is kept for the outbox page (/utkorg/) instead of being sent.
        "EMAIL_BACKEND": OUTBOX_BACKEND,
        # One server process: the cache may be its own memory (production shares a table).
        "CACHE_LOCAL_MEMORY": "1",
    }


def write(path: str | os.PathLike, *, port: int) -> dict[str, str]:
    """Write the demo's settings for `port`, keeping the secret of an earlier file."""
    path = Path(path)
    secret_key = read(path).get("SECRET_KEY") or secrets.token_urlsafe(50)
    values = demo_values(port=port, secret_key=secret_key)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = (
        "# The local demo's settings, written by `make run` (samverkan/local_env.py).\n"
        "# Variables set in the environment win over these. Not for production.\n"
        + "".join(f"{key}={value}\n" for key, value in values.items())
    )
    # Created readable by the owner only, since it holds the secret key.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)
    os.chmod(path, 0o600)
    return values


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write the local demo's settings file.")
    parser.add_argument("path", help="where to write it, e.g. var/local.env")
    parser.add_argument("--port", type=int, default=8000, help="the port `make run` serves on")
    args = parser.parse_args(argv)
    write(args.path, port=args.port)


if __name__ == "__main__":
    main()
