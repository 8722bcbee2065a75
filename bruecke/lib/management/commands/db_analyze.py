"""Refresh the planner's statistics: `python manage.py db_analyze`.

Meant to run daily (cron or a systemd timer) and after a large import.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from bruecke.lib.database import analyze


class Command(BaseCommand):
    help = "Refresh the query planner's statistics (ANALYZE) so searches and lists stay fast."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        analyze()
        self.stdout.write(f"Analysed the database in {time.monotonic() - started:.1f} s.")
