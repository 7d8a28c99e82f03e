from django.core.management.base import BaseCommand

from publishing.roles import ROLES, sync_roles


class Command(BaseCommand):
    help = "Create the editorial roles (Editor, Medical reviewer, Publisher) and their permissions"

    def handle(self, *args, **options):
        sync_roles()
        self.stdout.write(self.style.SUCCESS(f"Roles in step: {', '.join(ROLES)}."))
