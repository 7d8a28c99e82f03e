"""GIN indexes for full-text search, on PostgreSQL (other databases search without them)."""

from django.db import migrations

TABLES = ["treatments_treatment", "articles_article"]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {table}_search_gin ON {table} USING gin (search_vector)"
            )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_gin")


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0002_roles"),
        ("treatments", "0001_initial"),
        ("articles", "0002_initial"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
