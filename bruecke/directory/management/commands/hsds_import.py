"""Read HSDS 3.0 JSON into one office's directory: `python manage.py hsds_import PATH --office SLUG`."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from bruecke.directory.hsds import ImportProblem, hsds_import, hsds_read
from bruecke.org.models import Office


class Command(BaseCommand):
    help = (
        "Import a directory written by hsds_export (organizations.json, services.json, "
        "translations.json) or a single JSON file with a list of HSDS services into the "
        "office --office. All or nothing; importing again changes nothing (see docs/hsds.md)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", type=Path, help="export directory or services JSON file")
        parser.add_argument("--office", required=True, help="slug of the office, e.g. dortmund")

    def handle(self, *args: Any, **options: Any) -> None:
        office = Office.objects.filter(slug=options["office"]).first()
        if office is None:
            raise CommandError(f"No office with slug {options['office']!r}.")
        # Django's own field messages in German, like ours.
        with translation.override("de"):
            try:
                result = hsds_import(office=office, package=hsds_read(options["path"]))
            except ImportProblem as problem:
                raise CommandError(f"Nothing imported. {problem}") from None
        for label, counter in (
            ("created", result.created),
            ("updated", result.updated),
            ("deleted", result.deleted),
        ):
            if counter:
                self.stdout.write(
                    f"{label}: " + ", ".join(f"{k} {v}" for k, v in sorted(counter.items()))
                )
        if not (result.created or result.updated or result.deleted):
            self.stdout.write("Nothing changed.")
        if result.ignored:
            self.stdout.write(
                "Ignored (Brücke cannot hold these HSDS fields): "
                + ", ".join(f"{k} {v}" for k, v in sorted(result.ignored.items()))
            )
