"""SQLite: the full-text index keeps each language in a rowid range of its own.

Before, a search joined every match to its document to keep one language, and
ranked the matches of all languages. Now the index row of a document is
``language key << 40 | document id`` (the key: the language code's first two
letters, eight bits each), so a search reads one range of rowids and ranks
only that language's matches. The table is contentless (``content=''``): a
computed rowid cannot point into directory_searchdocument, and searches only
need the rowid. Prefix indexes for two to eight letters answer the short,
common words ("Kita", "Familie") without merging every longer word.

PostgreSQL keeps its GIN index (migration 0003).
"""

from importlib import import_module

from django.db import migrations

ROWID = (
    "((unicode(substr({row}.language, 1, 1)) << 8 | unicode(substr({row}.language, 2, 1))) << 40)"
    " + {row}.id"
)

SQLITE = [
    "DROP TRIGGER IF EXISTS directory_search_au",
    "DROP TRIGGER IF EXISTS directory_search_ad",
    "DROP TRIGGER IF EXISTS directory_search_ai",
    "DROP TABLE IF EXISTS directory_search_fts",
    "CREATE VIRTUAL TABLE directory_search_fts USING fts5("
    "stems, content='', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5 6 7 8')",
    "CREATE TRIGGER directory_search_ai AFTER INSERT ON directory_searchdocument BEGIN "
    f"INSERT INTO directory_search_fts(rowid, stems) VALUES ({ROWID.format(row='new')}, new.stems); END",
    "CREATE TRIGGER directory_search_ad AFTER DELETE ON directory_searchdocument BEGIN "
    "INSERT INTO directory_search_fts(directory_search_fts, rowid, stems) "
    f"VALUES ('delete', {ROWID.format(row='old')}, old.stems); END",
    "CREATE TRIGGER directory_search_au AFTER UPDATE ON directory_searchdocument BEGIN "
    "INSERT INTO directory_search_fts(directory_search_fts, rowid, stems) "
    f"VALUES ('delete', {ROWID.format(row='old')}, old.stems); "
    f"INSERT INTO directory_search_fts(rowid, stems) VALUES ({ROWID.format(row='new')}, new.stems); END",
    "INSERT INTO directory_search_fts(rowid, stems) "
    f"SELECT {ROWID.format(row='d')}, d.stems FROM directory_searchdocument d",
]

# Back to migration 0003's table and triggers, filled from the documents.
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS directory_search_au",
    "DROP TRIGGER IF EXISTS directory_search_ad",
    "DROP TRIGGER IF EXISTS directory_search_ai",
    "DROP TABLE IF EXISTS directory_search_fts",
    *import_module("bruecke.directory.migrations.0003_search_index").SQLITE,
    "INSERT INTO directory_search_fts(directory_search_fts) VALUES ('rebuild')",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_REVERSE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("directory", "0003_search_index")]
    operations = [migrations.RunPython(forwards, backwards)]
