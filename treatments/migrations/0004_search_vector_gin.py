"""A GIN index for full-text search, on PostgreSQL (other databases search without it)."""

from django.db import migrations

INDEX = "treatments_treatment_search_gin"
TABLE = "treatments_treatment"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin (search_vector)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("treatments", "0003_remove_historicaltreatment_is_listed_and_more")]

    operations = [migrations.RunPython(create_index, drop_index)]
