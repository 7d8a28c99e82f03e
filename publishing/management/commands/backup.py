from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from publishing.backups import backup, suffix


class Command(BaseCommand):
    help = "Back up the database (pg_dump on PostgreSQL, dumpdata with natural keys otherwise)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="Where to write it (default: backups/…)")

    def handle(self, path=None, **options):
        if path is None:
            path = f"backups/{timezone.now():%Y%m%d-%H%M%S}{suffix()}"
        backup(Path(path))
        self.stdout.write(f"Backup written to {path}")
