"""Delete barrier reports handled more than a year ago. Meant to run daily (cron or a systemd timer)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from bruecke.portal.actions import barrier_reports_purge


class Command(BaseCommand):
    help = "Delete barrier reports handled more than a year ago (as the privacy notice promises)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Deleted {barrier_reports_purge()} barrier report(s).")
