from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.db import connection

from bruecke.test import BaseTestCase


class AnalyzeCommandTests(BaseTestCase):
    """`db_analyze` leaves planner statistics for the tables with data."""

    def statistics_of(self, table: str) -> float | None:
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
                if not cursor.fetchone()[0]:
                    return None
                cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = %s", [table])
                return cursor.fetchone()[0] or None
            # PostgreSQL: reltuples is -1 until the table was analysed (or vacuumed).
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
            tuples = cursor.fetchone()[0]
            return tuples if tuples >= 0 else None

    def test_statistics_exist_after_the_command(self):
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE sqlite_schema")  # creates sqlite_stat1 if missing
                cursor.execute("DELETE FROM sqlite_stat1")
            assert self.statistics_of("org_district") is None
        out = StringIO()
        call_command("db_analyze", stdout=out)
        assert self.statistics_of("org_district")
        assert "Analysed the database" in out.getvalue()
