"""Write the directory as HSDS 3.0 JSON files: `python manage.py hsds_export DIR [--office SLUG]`."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from bruecke.directory.hsds import hsds_export_data
from bruecke.org.models import Office


class Command(BaseCommand):
    help = (
        "Write services.json, organizations.json, taxonomies.json, taxonomy_terms.json "
        "and translations.json (HSDS 3.0, see docs/hsds.md) into DIR."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("directory", type=Path, help="created if missing; files are replaced")
        parser.add_argument(
            "--office", help="slug of one office (for example dortmund); default: every office"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        office = None
        if options["office"]:
            office = Office.objects.filter(slug=options["office"]).first()
            if office is None:
                raise CommandError(f"No office with slug {options['office']!r}.")
        directory: Path = options["directory"]
        directory.mkdir(parents=True, exist_ok=True)
        for name, objects in hsds_export_data(office=office).items():
            text = json.dumps(objects, ensure_ascii=False, indent=2) + "\n"
            (directory / name).write_text(text, encoding="utf-8")
            self.stdout.write(f"{name}: {len(objects)}")
