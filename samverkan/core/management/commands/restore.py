"""Replace the database (and with --media the uploaded files) with a backup made by `backup`:

    python -m samverkan restore /srv/backups/samverkan-2026-12-06.dump \\
        --media /srv/backups/media-2026-12-06.tar.gz

Every row of the database is replaced; it asks first unless --yes is given. Stop the web and
task workers before restoring a PostgreSQL database (their open transactions would make the
restore wait) and start them afterwards. See samverkan/core/backup.py.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samverkan.core import backup


class Command(BaseCommand):
    help = "Replace the whole database with a backup (asks for confirmation unless --yes)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A backup written by the backup command.")
        parser.add_argument(
            "--media",
            default="",
            metavar="ARCHIVE",
            help="Also replace the uploaded files (MEDIA_ROOT) with this .tar.gz.",
        )
        parser.add_argument(
            "--yes",
            "--noinput",
            "--no-input",
            action="store_true",
            dest="yes",
            help="Do not ask for confirmation.",
        )
        parser.add_argument("--database", default="default", help="The database alias.")

    def handle(self, *args, file, media="", yes=False, database="default", **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{path} does not exist or is not a file.")
        if media and not Path(media).is_file():
            raise CommandError(f"{media} does not exist or is not a file.")
        try:
            target = backup.describe(database)
            if not yes:
                self.confirm(
                    f"This replaces every row of the {target} with the backup {path}"
                    + (" and every uploaded file with the archive " + media if media else "")
                    + ". What is in it now is lost."
                )
            backup.restore_database(path, using=database)
            self.stdout.write(f"Restored the {target} from {path}.")
            if media:
                count = backup.restore_media(Path(media))
                self.stdout.write(f"Restored {count} uploaded file(s) from {media}.")
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write("Run `python -m samverkan migrate` if the backup is of an older version.")

    def confirm(self, warning: str) -> None:
        self.stdout.write(warning)
        try:
            answer = input("Type 'yes' to restore: ")
        except EOFError:
            answer = ""
        if answer.strip().lower() != "yes":
            raise CommandError("Restore cancelled: nothing was changed.")
