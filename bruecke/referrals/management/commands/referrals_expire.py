"""Daily: live referrals the partner did not answer in time become "abgelaufen".

Run once a day (cron or a systemd timer): `python manage.py referrals_expire`.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from bruecke.referrals.actions import referrals_expire


class Command(BaseCommand):
    help = "Mark live referrals without an answer after their deadline as expired."

    def handle(self, *args: Any, **options: Any) -> None:
        count = referrals_expire()
        self.stdout.write(f"{count} referral(s) expired.")
