"""Load synthetic data: `python manage.py seed --scale demo|city|state [--seed N]`."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from bruecke.cases import aggregates
from bruecke.cases import seed as cases_seed
from bruecke.demo.context import SeedContext
from bruecke.demo.scales import SCALES
from bruecke.directory import seed as directory_seed
from bruecke.intake import seed as intake_seed
from bruecke.lib.database import analyze
from bruecke.org import seed as org_seed
from bruecke.referrals import seed as referrals_seed

# In dependency order; each later issue adds its app's seeder here.
SEEDERS = (
    org_seed.seed,
    cases_seed.seed,
    directory_seed.seed,
    referrals_seed.seed,
    intake_seed.seed,
)
# The report counts recounted once every seeder has run (``cases.aggregates`` sources).
AFTER_SEEDING = ("referrals", "intake")


class Command(BaseCommand):
    help = "Fill the database with synthetic (never real) demo or benchmark data."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--scale", choices=sorted(SCALES), default="demo")
        parser.add_argument(
            "--seed", type=int, default=2026, help="random seed; same seed, same data"
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing when the database already holds offices",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and org_seed.offices_exist():
            self.stdout.write("Database already holds data; nothing seeded.")
        else:
            if org_seed.offices_exist():
                raise CommandError(
                    "The database already holds data. Seed into an empty database "
                    "(for example: rm var/bruecke.sqlite3 && make migrate), or pass --if-empty."
                )
            started = time.monotonic()
            ctx = SeedContext.create(
                scale=SCALES[options["scale"]], seed=options["seed"], say=self.stdout.write
            )
            for seeder in SEEDERS:
                seeder(ctx)
            # The seeders write around the actions: count what the report reads of
            # referrals and requests now that both exist (cases.seed counted its own).
            aggregates.rebuild(only=AFTER_SEEDING, say=self.stdout.write)
            analyze()  # fresh statistics for the query planner
            self.stdout.write(
                f"Seeded scale {options['scale']} in {time.monotonic() - started:.1f} s."
            )
        self.print_accounts()

    def print_accounts(self) -> None:
        self.stdout.write(f"\nDemo accounts (password for all: {org_seed.DEMO_PASSWORD})\n")
        self.stdout.write(f"  {'role':<22} {'office':<20} username")
        for account in org_seed.DEMO_ACCOUNTS:
            office = "Jugendamt " + account.office_slug.capitalize()
            self.stdout.write(f"  {account.role.label!s:<22} {office:<20} {account.username}")
