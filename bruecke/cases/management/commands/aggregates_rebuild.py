"""Recount the report counts: `python manage.py aggregates_rebuild [--office SLUG] [--only NAME]`.

The counts are kept up to date by every write; this is for repairs and for
data written around the actions (the seed command runs it itself). Besides
the counts of cases ("cases") it recounts those other apps register in
``cases.aggregates`` ("referrals", "intake"); ``--only`` picks some of them.
"""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from bruecke.cases import aggregates
from bruecke.org.models import Office


class Command(BaseCommand):
    help = (
        "Recount the statistics tables (StatCount, FamilyReach) from cases, contacts, "
        "referrals and requests."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--office", help="slug of one office (default: all offices)")
        names = sorted({aggregates.CASES, *(source.name for source in aggregates.sources())})
        parser.add_argument(
            "--only",
            action="append",
            choices=names,
            help="recount only these counts (repeatable; default: all)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        offices = Office.objects.order_by("pk")
        if options["office"]:
            offices = offices.filter(slug=options["office"])
            if not offices.exists():
                raise CommandError(f"No office with the slug {options['office']!r}.")
        started = time.monotonic()
        aggregates.rebuild(offices=list(offices), only=options["only"], say=self.stdout.write)
        self.stdout.write(f"Counted in {time.monotonic() - started:.1f} s.")
