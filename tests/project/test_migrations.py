"""Every migration applies and reverses, on SQLite and on PostgreSQL alike."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from publishing.roles import ROLES

OURS = ["webhooks", "changelog", "partners", "api", "articles", "treatments", "publishing"]


def applied():
    executor = MigrationExecutor(connection)
    return {key for key in executor.loader.applied_migrations if key[0] in OURS}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_migration_reverses_and_applies_again():
    everything = applied()
    assert len(everything) >= 10
    for app in OURS:  # dependents first; each step runs the reverse of its operations
        call_command("migrate", app, "zero", verbosity=0)
    assert applied() == set()
    assert not {"articles_article", "treatments_treatment"} & set(
        connection.introspection.table_names()
    )
    call_command("migrate", verbosity=0)
    assert applied() == everything
    assert set(Group.objects.values_list("name", flat=True)) >= set(ROLES)  # data migrations too
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)  # models match the schema
