from pathlib import Path

from django.core.management.base import BaseCommand

from publishing.backups import restore


class Command(BaseCommand):
    help = "Replace the database's content with a backup written by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, path, **options):
        restore(Path(path))
        self.stdout.write(f"Restored {path}")
