"""Backing up and restoring the database and the uploaded files (the `backup` and `restore`
commands).

PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --if-exists --single-transaction`,
run with the connection of settings.DATABASES (DATABASE_URL); the client tools must be of the
server's major version or newer. The restore is one transaction: it replaces everything or, when
any statement fails, nothing.

SQLite: SQLite's online backup API (`sqlite3.Connection.backup`) both ways. It copies a
consistent snapshot while the server keeps running, and writes a restore through SQLite's own
locking, so a running server waits for it and then reads the restored database; copying the
file with `cp` under a running server can tear it or mix it with the write-ahead log.

Uploaded files (MEDIA_ROOT) are not in the database: `archive_media` and `restore_media` keep
them as a .tar.gz beside the database's backup.
"""

import os
import shutil
import sqlite3
import subprocess  # nosec B404  # pg_dump/pg_restore with argument lists, never a shell
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.db.migrations.loader import MigrationLoader

from samverkan.core.cache import bump_all_tables
from samverkan.core.collation import add_swedish_collation


class BackupError(Exception):
    """Backup or restore cannot go on; the message tells the operator why and what to do."""


def vendor_of(using: str = "default") -> str:
    vendor = connections[using].vendor
    if vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"Backups of a {vendor} database are not supported.")
    return vendor


def file_suffix(using: str = "default") -> str:
    """.dump for pg_dump's custom format, .sqlite3 for an SQLite database file."""
    return ".dump" if vendor_of(using) == "postgresql" else ".sqlite3"


# ---------------------------------------------------------------------------------------------
# The database
# ---------------------------------------------------------------------------------------------


def backup_database(path: Path, *, using: str = "default") -> Path:
    """Write a backup of the database to `path`. The file appears under its name only when it
    is complete: an interrupted backup never leaves a file that looks like one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        if vendor_of(using) == "postgresql":
            _pg_dump(partial, using)
        else:
            _sqlite_backup(partial, using)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def restore_database(path: Path, *, using: str = "default") -> None:
    """Replace the whole database with the backup in `path` (all or nothing)."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist or is not a file.")
    if vendor_of(using) == "postgresql":
        _pg_restore(path, using)
    else:
        _sqlite_restore(path, using)
    connections[using].close()  # the next query sees the restored database from the start
    bump_all_tables()  # no page cached from the database before it is served again


def describe(using: str = "default") -> str:
    """The database as the operator knows it: 'samverkan on db.example.se' or a file path."""
    settings_dict = connections[using].settings_dict
    if vendor_of(using) == "postgresql":
        host = settings_dict["HOST"] or "localhost"
        return f"PostgreSQL database {settings_dict['NAME']} on {host}"
    return f"SQLite database {settings_dict['NAME']}"


def _pg_tool(name: str) -> str:
    tool = shutil.which(name)
    if tool is None:
        raise BackupError(
            f"{name} was not found. Install PostgreSQL's client tools of the server's major "
            "version or newer (on Debian: apt-get install postgresql-client)."
        )
    return tool


def _pg_environment(using: str) -> dict:
    """libpq's variables for the connection of settings.DATABASES (never on the command line,
    where other users of the machine could read the password)."""
    settings_dict = connections[using].settings_dict
    options = settings_dict.get("OPTIONS", {})
    env = {**os.environ, "PGDATABASE": settings_dict["NAME"]}
    for variable, value in (
        ("PGHOST", settings_dict.get("HOST")),
        ("PGPORT", settings_dict.get("PORT")),
        ("PGUSER", settings_dict.get("USER")),
        ("PGPASSWORD", settings_dict.get("PASSWORD")),
        ("PGSSLMODE", options.get("sslmode")),
        ("PGSSLROOTCERT", options.get("sslrootcert")),
    ):
        if value:
            env[variable] = str(value)
    return env


def _run(command: list[str], using: str) -> None:
    # The command is pg_dump or pg_restore found on PATH with arguments built here, no shell.
    result = subprocess.run(  # noqa: S603  # nosec B603
        command, env=_pg_environment(using), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(
            f"{Path(command[0]).name} failed (exit code {result.returncode}):\n"
            f"{result.stderr.strip()}"
        )


def _pg_dump(path: Path, using: str) -> None:
    _run([_pg_tool("pg_dump"), "--format=custom", "--no-password", f"--file={path}"], using)


def _pg_restore(path: Path, using: str) -> None:
    """--clean --if-exists drops what the backup holds before creating it again;
    --single-transaction makes it all or nothing; --no-owner and --no-privileges let another
    role (a new server's) restore it as its own."""
    pg_restore = _pg_tool("pg_restore")
    try:  # a file that is not an archive of pg_dump is refused before anything is dropped
        _run([pg_restore, "--list", str(path)], using)
    except BackupError as error:
        raise BackupError(f"{path} is not a backup made by pg_dump.\n{error}") from error
    connections[using].close()  # our own connection holds no lock that the restore waits for
    _run(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--exit-on-error",
            "--no-owner",
            "--no-privileges",
            "--no-password",
            f"--dbname={connections[using].settings_dict['NAME']}",
            str(path),
        ],
        using,
    )


def _sqlite_backup(path: Path, using: str) -> None:
    connection = connections[using]
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
        # One self-contained file (the copy takes over the database's WAL mode, which would
        # put -wal and -shm files beside it whenever it is opened).
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()


def _sqlite_restore(path: Path, using: str) -> None:
    connection = connections[using]
    database = connection.settings_dict["NAME"]
    if not connection.is_in_memory_db() and Path(database).resolve() == path.resolve():
        raise BackupError(f"{path} is the database itself: restore from a backup file.")
    source = _open_sqlite_backup(path)
    try:
        _check_migrations(_applied_migrations(source))
        connection.ensure_connection()
        if connection.in_atomic_block:
            raise BackupError("A restore cannot run inside a transaction.")
        try:
            source.backup(connection.connection)
        except sqlite3.Error as error:
            raise BackupError(f"SQLite refused the restore: {error}") from error
    finally:
        source.close()


def _open_sqlite_backup(path: Path) -> sqlite3.Connection:
    """The backup, opened read-only, when it is a sound SQLite database of this platform."""
    try:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        add_swedish_collation(source)  # the indexes in Swedish order need it to be checked
        result = source.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not an SQLite database ({error}).") from error
    if result != "ok":
        source.close()
        raise BackupError(f"{path} is damaged (SQLite's check says: {result}).")
    return source


def _applied_migrations(source: sqlite3.Connection) -> set[tuple[str, str]]:
    try:
        return set(source.execute("SELECT app, name FROM django_migrations").fetchall())
    except sqlite3.DatabaseError as error:
        raise BackupError(
            "The file is an SQLite database but not a backup of Samverkansytan (it has no "
            "record of migrations)."
        ) from error


def _check_migrations(applied: set) -> None:
    """Refuse a backup made by a newer version: this code would not know its tables."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = sorted(applied - known)
    if unknown:
        names = ", ".join(f"{app}.{name}" for app, name in unknown[:5])
        raise BackupError(
            f"The backup was made by a newer version of the platform (migrations unknown "
            f"here: {names}). Restore it with that version."
        )


# ---------------------------------------------------------------------------------------------
# Uploaded files
# ---------------------------------------------------------------------------------------------


def archive_media(path: Path) -> int:
    """Write MEDIA_ROOT into a .tar.gz at `path`; returns the number of files."""
    media = Path(settings.MEDIA_ROOT)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    count = 0
    try:
        with tarfile.open(partial, "w:gz") as archive:
            if media.is_dir():
                for file in sorted(media.rglob("*")):
                    if file.is_file():
                        archive.add(file, arcname=str(file.relative_to(media)))
                        count += 1
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return count


def restore_media(path: Path) -> int:
    """Make MEDIA_ROOT hold exactly the files of the archive at `path` (files added since the
    backup go). The files are unpacked beside MEDIA_ROOT first and swapped in at the end; the
    files that were there are kept in MEDIA_ROOT + '.before-restore' until the next restore.
    Returns the number of files."""
    path = Path(path)
    media = Path(settings.MEDIA_ROOT)
    if not path.is_file():
        raise BackupError(f"{path} does not exist or is not a file.")
    media.parent.mkdir(parents=True, exist_ok=True)
    unpacked = Path(tempfile.mkdtemp(prefix=".restoring-", dir=media.parent))
    try:
        with tarfile.open(path, "r:gz") as archive:
            # The "data" filter refuses absolute paths, "..", links out of the tree and devices.
            archive.extractall(unpacked, filter="data")
    except (tarfile.TarError, OSError) as error:
        shutil.rmtree(unpacked, ignore_errors=True)
        raise BackupError(f"{path} cannot be unpacked: {error}") from error
    count = sum(1 for file in unpacked.rglob("*") if file.is_file())
    # mkdtemp made it private; the directory keeps the permissions MEDIA_ROOT had.
    unpacked.chmod(media.stat().st_mode & 0o7777 if media.exists() else 0o755)
    previous = media.with_name(media.name + ".before-restore")
    shutil.rmtree(previous, ignore_errors=True)
    if media.exists():
        media.rename(previous)
    unpacked.rename(media)
    return count
