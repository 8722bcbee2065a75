"""Delete requests that did not become a case: `python manage.py purge_requests`.

Meant to run daily (cron or a systemd timer). How long requests are kept is
``INTAKE_RETENTION_DAYS``; the privacy notice of the contact form promises it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from bruecke.intake.actions import requests_purge


class Command(BaseCommand):
    help = (
        "Delete contact requests and referrals that did not become a case after "
        "INTAKE_RETENTION_DAYS, with their contact attempts and unused consents."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = requests_purge()
        self.stdout.write(
            f"Deleted {result.requests} request(s) older than {settings.INTAKE_RETENTION_DAYS} "
            f"days, {result.attempts} contact attempt(s) and {result.consents} consent(s)."
        )
