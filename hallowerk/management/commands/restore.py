from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hallowerk.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = ("Restore a backup folder (from `manage.py backup`) into an empty database and check "
            "every table's row count and every file's checksum against the backup.")

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument("--database", help="An empty database on the same server "
                            "(default: the configured database, which must be empty).")
        parser.add_argument("--private-root", type=Path,
                            help="Where the private files go (default: PRIVATE_MEDIA_ROOT).")

    def handle(self, *args, folder, database, private_root, **options):
        try:
            result = backup_restore(folder, database,
                                    private_root or Path(settings.PRIVATE_MEDIA_ROOT))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored and checked: {result.tables} tables, {result.rows} rows, "
                          f"{result.files} files.")
