"""Upkeep of the database itself, for both backends."""

from __future__ import annotations

from django.db import connection


def analyze() -> None:
    """Refresh the query planner's statistics of every table.

    SQLite keeps no statistics by itself: without them it may scan an office's
    cases instead of using the worker indexes (113 ms instead of 6 ms at city
    size). PostgreSQL's autovacuum analyses too, but only after enough rows
    changed; after a bulk import one explicit run helps at once.
    """
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
