import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Make sure the superuser named by DJANGO_SUPERUSER_USERNAME exists with "
        "DJANGO_SUPERUSER_PASSWORD (and DJANGO_SUPERUSER_EMAIL). Does nothing when unset."
    )

    def handle(self, *args, **options):
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME")
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        if not username or not password:
            self.stdout.write("No DJANGO_SUPERUSER_USERNAME/PASSWORD set; no superuser created.")
            return
        email = os.environ.get("DJANGO_SUPERUSER_EMAIL", "")
        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            User.objects.create_superuser(username=username, email=email, password=password)
            self.stdout.write(self.style.SUCCESS(f"Superuser {username!r} created."))
            return
        user.is_staff = user.is_superuser = user.is_active = True
        if not user.check_password(password):
            user.set_password(password)
        user.save()
        self.stdout.write(f"Superuser {username!r} exists; kept up to date.")
