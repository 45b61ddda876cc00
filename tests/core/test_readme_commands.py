"""Every `python -m samverkan …` line of the README's shell blocks works as written after
`make run`: in a checkout with var/local.env (the demo's secret and switches), the demo loaded,
run in the virtual environment, without DEBUG=1 or any other variable added.

The checkout is simulated in a temporary directory: var/local.env as `make run` writes it
(SAMVERKAN_LOCAL_ENV points at it), a SQLite database with the demo loaded once for the module,
and the places a command writes to (static files, backups, media, outbox) inside it. A command's
absolute paths (/srv/backups/…) are moved under that directory too, and a question such as
restore's "Type 'yes'" is answered yes.
"""

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from samverkan import local_env

# The commands run on a SQLite database of their own, as after `make run`: the same whichever
# database the suite tests.
pytestmark = [
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.database_independent,
]

PROJECT = Path(__file__).resolve().parents[2]
README = PROJECT / "README.md"
# A fenced shell block, also when it is indented inside a list item.
SHELL_BLOCK = re.compile(r"^[ \t]*```(?:sh|bash|shell|console)[ \t]*\n(.*?)^[ \t]*```", re.M | re.S)
# The guides the README links to for operations carry commands a newcomer copies too.
GUIDES = [PROJECT / "docs" / "operations.md", PROJECT / "docs" / "annual-report.md"]
COMMAND = re.compile(r"(?:\.venv/bin/)?python -m samverkan\s+(.+)")
# The command the issue quotes (and the README's annual report section gives): run even while
# the README mentions it in running text rather than in a shell block.
QUOTED = [
    "python -m samverkan annual_report --agreement malmoandan --year 2022 --format pdf "
    "--output arsrapport.pdf"
]
# Lines of the README's shell blocks that cannot run here, each with the reason.
SKIPPED: dict[str, str] = {
    # tests/core/test_mail_queue.py runs it with --batch
    "python -m samverkan run_worker": "the worker runs until it is stopped",
}
NEEDS_A_SERVER = ("runserver",)
# Variables of this test run that `make run` does not give a newcomer's shell.
CLEARED = {
    "DEBUG",
    "SAMVERKAN_TESTING",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SITE_URL",
    "EMAIL_BACKEND",
    "DATABASE_URL",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DJANGO_SETTINGS_MODULE",
}


def readme_commands(text: str) -> list[str]:
    """The `python -m samverkan …` lines of the shell blocks, without their comments."""
    commands = []
    for block in SHELL_BLOCK.finditer(text):
        for line in block.group(1).splitlines():
            line = re.split(r"\s+#", line, maxsplit=1)[0].strip()
            match = COMMAND.search(line)
            if match and not line.startswith("#"):
                commands.append(f"python -m samverkan {match.group(1).strip()}")
    return commands


def commands_to_run() -> list[str]:
    commands = readme_commands(README.read_text(encoding="utf-8"))
    for guide in GUIDES:
        commands += [
            c for c in readme_commands(guide.read_text(encoding="utf-8")) if c not in commands
        ]
    commands += [command for command in QUOTED if command not in commands]
    return [
        command
        for command in commands
        if command not in SKIPPED and not any(word in command for word in NEEDS_A_SERVER)
    ]


@pytest.fixture(scope="module")
def checkout(tmp_path_factory, migrated_sqlite):
    """A directory as `make run` leaves it: var/local.env, and a database with the demo
    (migrate runs on a migrated copy: it only does what follows the migrations, such as the
    cache table of these settings)."""
    root = tmp_path_factory.mktemp("checkout")
    migrated_sqlite(root / "db.sqlite3")
    local_env.write(root / "var" / "local.env", port=8000)
    environment = {key: value for key, value in os.environ.items() if key not in CLEARED}
    environment.update(
        # This checkout's code, as in the newcomer's checkout (the command runs elsewhere here).
        PYTHONPATH=os.pathsep.join(filter(None, [str(PROJECT), os.environ.get("PYTHONPATH")])),
        SAMVERKAN_LOCAL_ENV=str(root / "var" / "local.env"),
        DATABASE_URL=f"sqlite:///{root / 'db.sqlite3'}",
        STATIC_ROOT=str(root / "var" / "static"),
        MEDIA_ROOT=str(root / "var" / "media"),
        BACKUP_DIR=str(root / "var" / "backups"),
        OUTBOX_DIR=str(root / "var" / "outbox"),
        STATIC_COMPRESS="0",  # hashed names as in production, without the slow gzip/brotli copies
    )
    prepare = (
        "import django; django.setup(); from django.core.management import call_command;"
        "call_command('migrate', interactive=False, verbosity=0); call_command('load_demo')"
    )
    result = subprocess.run(
        [sys.executable, "-c", prepare],
        cwd=root,
        env={**environment, "DJANGO_SETTINGS_MODULE": "samverkan.settings"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return root, environment


def run(argv: list[str], *, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "samverkan", *argv],
        cwd=cwd,
        env=env,
        input="yes\n",
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def placed(argument: str, root: Path) -> str:
    """An absolute path of the README (/srv/backups/x.dump) moved under `root`."""
    if argument.startswith("/"):
        path = root / argument.lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        return str(path)
    return argument


def test_the_readme_has_commands_in_its_shell_blocks():
    text = README.read_text(encoding="utf-8")

    assert readme_commands(text), "No `python -m samverkan …` line in a ```sh block"
    unresolved = [c for c in commands_to_run() if re.search(r"<[^>]+>|\$\(|\$\{?\w", c)]
    assert unresolved == [], "Placeholders: run them or list them in SKIPPED with a reason"


def test_every_readme_command_works_as_written_after_make_run(checkout):
    root, environment = checkout
    failures = []
    for command in commands_to_run():
        argv = [placed(argument, root) for argument in shlex.split(command)[3:]]
        result = run(argv, cwd=root, env=environment)
        output = argv[argv.index("--output") + 1] if "--output" in argv else None
        if result.returncode != 0:
            failures.append(f"{command}\n  exit {result.returncode}: {result.stderr[-600:]}")
        elif output and not (root / output).stat().st_size:
            failures.append(f"{command}\n  wrote nothing to {output}")

    assert failures == [], "\n".join(failures)
