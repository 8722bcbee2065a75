"""Database triggers that refuse changes to the audit tables.

PostgreSQL refuses UPDATE and DELETE of a row (TRUNCATE, which only the test
runner and a deliberate retention job use, stays possible). SQLite refuses
UPDATE; its DELETE is refused by the model's queryset, because Django's test
runner empties SQLite tables with DELETE.
"""

from django.db import migrations

TABLES = ("audit_auditevent", "audit_caseread")


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in TABLES:
        if vendor == "sqlite":
            for op in ("UPDATE",):
                schema_editor.execute(
                    f"CREATE TRIGGER {table}_no_{op.lower()} BEFORE {op} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
        elif vendor == "postgresql":
            schema_editor.execute(
                f"CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$ "
                f"BEGIN RAISE EXCEPTION '{table} is append-only'; END $$ LANGUAGE plpgsql"
            )
            schema_editor.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
            )


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in TABLES:
        if vendor == "sqlite":
            for op in ("update",):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_{op}")
        elif vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {table}_append_only()")


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(create_triggers, drop_triggers)]
