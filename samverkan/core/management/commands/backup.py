"""Back up the database (and with --media the uploaded files):

    python -m samverkan backup --output /srv/backups/samverkan-2026-12-06.dump --media

writes /srv/backups/samverkan-2026-12-06.dump and samverkan-2026-12-06.media.tar.gz beside it.

PostgreSQL: pg_dump's custom format (restore it with `restore`, or pg_restore by hand).
SQLite: a copy made with SQLite's online backup API, safe while the server runs.
See samverkan/core/backup.py and the README's "Backup and restore".
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from samverkan.core import backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump on PostgreSQL, the online backup API on SQLite)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default="",
            help="The backup file (default: $BACKUP_DIR/samverkan-<date>-<time>.dump on "
            "PostgreSQL, .sqlite3 on SQLite; BACKUP_DIR defaults to var/backups).",
        )
        parser.add_argument(
            "--media",
            nargs="?",
            const=True,
            default=None,
            metavar="ARCHIVE",
            help="Also write the uploaded files (MEDIA_ROOT) into a .tar.gz: ARCHIVE, or "
            "beside the backup file with the ending .media.tar.gz.",
        )
        parser.add_argument("--database", default="default", help="The database alias.")

    def handle(self, *args, output="", media=None, database="default", **options):
        try:
            if output:
                path = Path(output)
            else:
                stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
                directory = Path(
                    os.environ.get("BACKUP_DIR") or Path(settings.BASE_DIR).parent / "var/backups"
                )
                path = directory / f"samverkan-{stamp}{backup.file_suffix(database)}"
            backup.backup_database(path, using=database)
            self.stdout.write(
                f"Backed up the {backup.describe(database)} to {path} "
                f"({path.stat().st_size:,} bytes)."
            )
            if media:
                archive = path.with_name(path.stem + ".media.tar.gz") if media is True else media
                count = backup.archive_media(Path(archive))
                self.stdout.write(f"Archived {count} uploaded file(s) to {archive}.")
            else:
                self.stdout.write(
                    f"Uploaded files ({settings.MEDIA_ROOT}) are not in the database: back them "
                    "up too (--media)."
                )
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
