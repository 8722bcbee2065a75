"""Database triggers that refuse changing consents, revocations, referral events and disclosures.

Both databases refuse UPDATE. PostgreSQL also refuses DELETE of the event and
transfer log tables. Consents and revocations stay deletable by the database:
the retention job removes those of requests that never became a case (the
model refuses every other delete).
"""

from django.db import migrations

NO_UPDATE = (
    "referrals_consent",
    "referrals_consentrevocation",
    "referrals_referralevent",
    "referrals_disclosure",
)
NO_DELETE = ("referrals_referralevent", "referrals_disclosure")


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in NO_UPDATE:
        if vendor == "sqlite":
            schema_editor.execute(
                f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
        elif vendor == "postgresql":
            ops = "UPDATE OR DELETE" if table in NO_DELETE else "UPDATE"
            schema_editor.execute(
                f"CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$ "
                f"BEGIN RAISE EXCEPTION '{table} is append-only'; END $$ LANGUAGE plpgsql"
            )
            schema_editor.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE {ops} ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
            )


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in NO_UPDATE:
        if vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        elif vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {table}_append_only()")


class Migration(migrations.Migration):
    dependencies = [("referrals", "0001_initial")]
    operations = [migrations.RunPython(create_triggers, drop_triggers)]
