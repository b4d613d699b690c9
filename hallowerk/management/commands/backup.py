from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hallowerk.backup import BackupError, backup_create, backups_prune


class Command(BaseCommand):
    help = ("Back up the database and the private files into a new folder under --output "
            "(restore with `manage.py restore FOLDER`).")

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, required=True)
        parser.add_argument("--keep", type=int, default=0,
                            help="Keep only the newest N backups in --output (0: keep all).")

    def handle(self, *args, output, keep, **options):
        try:
            folder = backup_create(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup written to {folder}")
        for old in backups_prune(output, keep):
            self.stdout.write(f"Removed the old backup {old}")
