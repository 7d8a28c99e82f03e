"""Backups that restore to a site answering byte for byte as before.

PostgreSQL: pg_dump's custom format, restored by pg_restore (schema, data and sequences).
Other databases (SQLite): Django's dumpdata with natural keys, loaded into a freshly migrated
database with every side effect of saving (sync announcements, generation bumps, history)
suspended, since the rows being loaded already carry their history and generations.
"""

import os
import shutil
import subprocess
from pathlib import Path

from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from .transitions import restoring

# Rebuilt by `migrate` (content types, permissions), rendered again on demand (API
# fragments) or of no value after a restore.
NOT_BACKED_UP = ["contenttypes", "auth.permission", "sessions", "api.fragment"]


def is_postgresql():
    return connection.vendor == "postgresql"


def _pg_command(program, *arguments):
    if not shutil.which(program):
        raise CommandError(
            f"{program} is not installed (Debian: apt-get install postgresql-client)"
        )
    settings = connection.settings_dict
    env = {**os.environ}
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    options = [f"--dbname={settings['NAME']}"]
    options += [f"--host={settings['HOST']}"] if settings.get("HOST") else []
    options += [f"--port={settings['PORT']}"] if settings.get("PORT") else []
    options += [f"--username={settings['USER']}"] if settings.get("USER") else []
    connection.close()  # pg_restore must not wait on our own open transaction
    command = [program, *options, *arguments]  # fixed programs, settings-derived options
    result = subprocess.run(  # noqa: S603
        command,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise CommandError(f"{program} failed: {result.stderr.strip()}")


def suffix():
    return ".dump" if is_postgresql() else ".xml"


def backup(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    if is_postgresql():
        _pg_command("pg_dump", "--format=custom", "--no-owner", f"--file={path}")
    else:
        call_command(
            "dumpdata",
            natural_foreign=True,
            natural_primary=True,
            exclude=NOT_BACKED_UP,
            output=str(path),
            format="xml",  # JSON would round datetimes to milliseconds
            verbosity=0,
        )


def restore(path: Path):
    """Replace everything in the configured database with the backup at `path`."""
    if not path.is_file():
        raise CommandError(f"No backup at {path}")
    if path.suffix != suffix():
        raise CommandError(f"This database restores {suffix()} backups; {path} is not one.")
    if is_postgresql():
        _pg_command(
            "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", str(path)
        )
    else:
        call_command("migrate", verbosity=0)
        with transaction.atomic():
            call_command("flush", interactive=False, verbosity=0)
            with restoring():
                call_command("loaddata", str(path), verbosity=0)
    cache.clear()  # cached responses belong to the database that was replaced
