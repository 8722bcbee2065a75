"""Full-text index over SearchDocument: FTS5 on SQLite, GIN on PostgreSQL."""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE directory_search_fts USING fts5("
    "stems, content='directory_searchdocument', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER directory_search_ai AFTER INSERT ON directory_searchdocument BEGIN "
    "INSERT INTO directory_search_fts(rowid, stems) VALUES (new.id, new.stems); END",
    "CREATE TRIGGER directory_search_ad AFTER DELETE ON directory_searchdocument BEGIN "
    "INSERT INTO directory_search_fts(directory_search_fts, rowid, stems) VALUES ('delete', old.id, old.stems); END",
    "CREATE TRIGGER directory_search_au AFTER UPDATE ON directory_searchdocument BEGIN "
    "INSERT INTO directory_search_fts(directory_search_fts, rowid, stems) VALUES ('delete', old.id, old.stems); "
    "INSERT INTO directory_search_fts(rowid, stems) VALUES (new.id, new.stems); END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS directory_search_au",
    "DROP TRIGGER IF EXISTS directory_search_ad",
    "DROP TRIGGER IF EXISTS directory_search_ai",
    "DROP TABLE IF EXISTS directory_search_fts",
]
POSTGRES = [
    "CREATE INDEX directory_search_gin ON directory_searchdocument "
    "USING gin (to_tsvector('simple', stems))",
]
POSTGRES_REVERSE = ["DROP INDEX IF EXISTS directory_search_gin"]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in SQLITE if vendor == "sqlite" else POSTGRES if vendor == "postgresql" else []:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in SQLITE_REVERSE if vendor == "sqlite" else POSTGRES_REVERSE if vendor == "postgresql" else []:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_search_document")]
    operations = [migrations.RunPython(forwards, backwards)]
